import type { Channel, IsoDate, ReviewKind, Segment, SecurityAttributes } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import type { Methodology } from '../../src/methodology/types.js';
import type { SecurityMetrics } from '../../src/rules/security-metrics.js';
import type { ScreenInput } from '../../src/screen/types.js';

export const BN = 1_000_000_000;
export const CUTOFF = '2026-06-30';
export const EFFECTIVE = '2026-09-07';

/** Attributes of a plain HKD main-board equity listed long ago, with overrides. */
export function buildAttrs(code: string, over: Partial<SecurityAttributes> = {}): SecurityAttributes {
  return {
    code, name: `Name ${code}`, board: 'MAIN', type: 'EQUITY', currency: 'HKD', listingDate: '2010-01-04', delistingDate: null,
    wvr: false, secondaryListing: false, freeFloat: null, aShareCode: null, aShareExchange: null, aShareListingDate: null,
    stabilisationEnd: null, sfcHighConcentration: false, aShareRiskAlert: false, ...over,
  };
}

export interface MetricsOptions {
  code: string;
  /** Average market cap in HK$ (null: none). Also the Southbound average unless `sbAvg` is given. */
  avg?: number | null;
  sbAvg?: number | null;
  attrs?: Partial<SecurityAttributes>;
  inUniverse?: boolean;
  liquidityPass?: boolean;
  suspendedOnCutoff?: boolean;
  longSuspension?: boolean;
  wvr?: Partial<NonNullable<SecurityMetrics['wvr']>>;
  aPlusH?: SecurityMetrics['aPlusH'];
}

/** A SecurityMetrics with defaults: in the universe, liquid, trading on C, 12 months of history. */
export function buildMetrics(o: MetricsOptions): SecurityMetrics {
  const attrs = buildAttrs(o.code, o.attrs);
  const avg = o.avg === undefined ? 10 * BN : o.avg;
  const inUniverse = o.inUniverse ?? true;
  const pass = o.liquidityPass ?? true;
  const wvr = attrs.wvr ? {
    avgMarketCapHkd: 30 * BN, turnoverHkd: 10 * BN, windowStart: '2025-12-29', passesCap: true, passesTurnover: true, seasonedOn: '2020-01-01', ...o.wvr,
  } : null;
  return {
    code: o.code, name: attrs.name, attrs,
    universe: inUniverse ? { eligible: true, rule: 'universe', reason: 'in the ranking universe' } : { eligible: false, rule: 'universe-type', reason: 'not an eligible type' },
    average: { avgMarketCapHkd: avg, method: 'daily', windowStart: '2025-07-01', windowEnd: CUTOFF, daysUsed: 245, dataGapDays: 0, restartedOn: null },
    southboundAvgMarketCapHkd: o.sbAvg === undefined ? avg : o.sbAvg,
    liquidity: { pass, monthsCounted: 12, monthsPassed: pass ? 12 : 8, recentPassed: pass ? 6 : 3, months: [] },
    suspension: {
      suspendedOnCutoff: (o.suspendedOnCutoff ?? false) || (o.longSuspension ?? false),
      suspendedSince: o.longSuspension ? '2026-01-05' : o.suspendedOnCutoff ? '2026-06-29' : null,
      longSuspension: o.longSuspension ?? false,
    },
    wvr,
    aPlusH: o.aPlusH ?? (attrs.aShareExchange ? { exchange: attrs.aShareExchange, eligibleFrom: '2015-01-01' } : null),
    capOnCutoffHkd: avg,
    checks: [{ rule: 'average', section: '§3', outcome: 'n/a', detail: 'built for the test' }],
    warnings: [],
  };
}

export interface InputOptions {
  hsci?: Record<string, Segment>;
  sh?: string[];
  sz?: string[];
  kind?: ReviewKind;
  cutoff?: IsoDate;
  effectiveDate?: IsoDate;
  methodology?: Methodology;
}

export function buildInput(metrics: SecurityMetrics[], o: InputOptions = {}): ScreenInput {
  const lists: Record<Channel, Set<string>> = { SH: new Set(o.sh ?? []), SZ: new Set(o.sz ?? []) };
  return {
    cutoff: o.cutoff ?? CUTOFF, effectiveDate: o.effectiveDate ?? EFFECTIVE, kind: o.kind ?? 'semi-annual',
    methodology: o.methodology ?? getMethodology('hsci-2025'), metrics,
    hsciBefore: new Map(Object.entries(o.hsci ?? {})), southboundBefore: lists,
  };
}
