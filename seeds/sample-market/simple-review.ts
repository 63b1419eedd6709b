import { addDaysUtc as addDays, addMonthsUtc as addMonths } from './utc-dates.js';
import type { IsoDate, Segment, StockCode } from '../../src/domain/types.js';
import type { CutoffMetrics } from './cutoff-metrics.js';
import type { SampleSpec } from './types.js';

/**
 * A simplified semi-annual review (docs/methodology.md §6.1, §7) used only to derive the lists the sample ships
 * as "in force" and to check that the sample is plausible. Fixed lines are fine here: this is data
 * generation, not the screen (which reads every line from its Methodology).
 */
const LINES = { add: 0.94, keep: 0.96, bootstrap: 0.95, large: 0.8, mid: 0.95, sbIn: 5e9, sbKeep: 4e9, wvrCap: 20e9, wvrTurnover: 6e9 };

export interface SimpleLists {
  hsci: Map<StockCode, Segment>;
  sh: Set<StockCode>;
  sz: Set<StockCode>;
}

export function inRankingUniverse(spec: SampleSpec, m: CutoffMetrics, cutoff: IsoDate): boolean {
  return spec.board === 'MAIN' && ['EQUITY', 'REIT', 'STAPLED'].includes(spec.type) && spec.currency === 'HKD'
    && spec.listingDate <= cutoff && (spec.delistingDate === null || spec.delistingDate > cutoff) && m.tradingDays > 0;
}

/** Ranks the universe and returns code -> cumulative coverage. */
export function rankCoverage(entries: ReadonlyArray<{ code: StockCode; avg: number }>): Map<StockCode, number> {
  const ranked = [...entries].sort((a, b) => b.avg - a.avg || (a.code < b.code ? -1 : 1));
  const total = ranked.reduce((t, e) => t + e.avg, 0);
  const out = new Map<StockCode, number>();
  let cum = 0;
  for (const e of ranked) { cum += e.avg; out.set(e.code, cum / total); }
  return out;
}

/** One simplified review at `cutoff` (effective `effective`) from the previous lists (null: bootstrap). */
export function runSimpleReview(
  specs: readonly SampleSpec[], metrics: ReadonlyMap<StockCode, CutoffMetrics>, cutoff: IsoDate, effective: IsoDate,
  previous: SimpleLists | null,
): SimpleLists {
  const universe = specs.filter((s) => inRankingUniverse(s, metrics.get(s.code)!, cutoff));
  const coverage = rankCoverage(universe.map((s) => ({ code: s.code, avg: metrics.get(s.code)!.avgMarketCapHkd })));
  const members = universe.filter((s) => {
    const m = metrics.get(s.code)!;
    const c = coverage.get(s.code)!;
    if (!m.liquid || m.longSuspended) return false;
    if (previous === null) return c <= LINES.bootstrap && !s.sfcHighConcentration;
    if (previous.hsci.has(s.code)) return c <= LINES.keep;
    return c <= LINES.add && !m.suspendedOnCutoff && !s.sfcHighConcentration;
  });
  const forced = specs.filter((s) => s.force?.hsci !== undefined && s.force.hsci !== 'none' && !members.includes(s));
  const constituents = [...members, ...forced].filter((s) => s.force?.hsci !== 'none');
  const within = rankCoverage(constituents.map((s) => ({ code: s.code, avg: metrics.get(s.code)!.avgMarketCapHkd })));
  const hsci = new Map<StockCode, Segment>();
  for (const s of constituents) {
    const c = within.get(s.code)!;
    const segment = s.force?.hsci && s.force.hsci !== 'none' ? s.force.hsci : c <= LINES.large ? 'LARGE' : c <= LINES.mid ? 'MID' : 'SMALL';
    hsci.set(s.code, segment);
  }
  const sh = new Set<StockCode>();
  const sz = new Set<StockCode>();
  for (const s of specs) {
    const m = metrics.get(s.code)!;
    for (const channel of ['SH', 'SZ'] as const) {
      const before = previous ? (channel === 'SH' ? previous.sh : previous.sz).has(s.code) : false;
      const forced = channel === 'SH' ? s.force?.sh : s.force?.sz;
      const eligible = forced ?? (s.type === 'ETF' ? (previous ? before : s.levelHkd >= 5e9) : isSouthboundEligible(s, m, hsci.get(s.code), before, channel, cutoff, effective));
      if (eligible) (channel === 'SH' ? sh : sz).add(s.code);
    }
  }
  return { hsci, sh, sz };
}

function isSouthboundEligible(
  s: SampleSpec, m: CutoffMetrics, segment: Segment | undefined, before: boolean, channel: 'SH' | 'SZ', cutoff: IsoDate, effective: IsoDate,
): boolean {
  if (s.type !== 'EQUITY' || s.currency !== 'HKD' || s.secondaryListing || s.aShareRiskAlert) return false;
  if (s.listingDate > cutoff || (s.delistingDate !== null && s.delistingDate <= cutoff) || m.longSuspended) return false;
  const aPlusH = s.aShareExchange !== null && (channel === 'SZ' || s.aShareExchange === 'SSE')
    && addDays(s.stabilisationEnd ?? addDays(s.listingDate, 30), 1) <= cutoff;
  const viaHsci = segment === 'LARGE' || segment === 'MID' || (segment === 'SMALL'
    && (m.avgMarketCapHkd >= LINES.sbIn || (before && s.aShareExchange === null && m.avgMarketCapHkd >= LINES.sbKeep)));
  if (!viaHsci) return aPlusH;
  if (!s.wvr || s.aShareExchange !== null || before) return true;
  const seasoned = addDays(addMonths(s.listingDate, 6), 28) <= effective;
  return seasoned && m.avgMarketCap183Hkd >= LINES.wvrCap && m.turnover183Hkd >= LINES.wvrTurnover;
}
