import type { BorderlineRow, IsoDate } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import type { MoneyLine } from './southbound-checks.js';

/**
 * Which near lines are close calls (issue 16): a name is borderline only against the line that decides
 * it, i.e. its outcome (on the list or off it after the review) would change if it crossed that line.
 * A non-constituent failing liquidity is not borderline at the 94% line; a constituent is never
 * borderline at the add line, nor a name already on a channel (not A+H) at the HK$5bn way in. Pure.
 */

/** One channel's verdict as far as the deciding line needs it. */
export interface ChannelFacts {
  readonly before: boolean;
  readonly after: boolean;
  readonly rule: string;
  readonly unscreened: boolean;
}

/** True when crossing the money line `line` would change this channel's outcome. */
export function decidesChannel(line: string, v: ChannelFacts, metrics: SecurityMetrics, effectiveDate: IsoDate): boolean {
  if (v.unscreened) return false;
  const aPlusH = metrics.aPlusH !== null;
  switch (line) {
    case 'sb-smallcap-in': return v.rule === 'sb-smallcap-in' && (!v.before || aPlusH);
    case 'sb-smallcap-keep': return v.rule === 'sb-smallcap-keep';
    case 'sb-wvr-183d-cap':
    case 'sb-wvr-183d-turnover': {
      const w = metrics.wvr;
      if (w === null || v.before) return false;
      if (v.after) return true; // passed every WVR gate: failing this one takes it out
      if (v.rule === 'sb-wvr-seasoning') return true; // passed both tests, pending its seasoning: failing one drops the pending item
      const seasoned = w.seasonedOn !== null && w.seasonedOn <= effectiveDate;
      const othersPass = line === 'sb-wvr-183d-cap' ? w.passesTurnover && seasoned : w.avgMarketCapHkd !== null && w.passesCap && seasoned;
      return v.rule === line && othersPass;
    }
    default: return false;
  }
}

/** The near money lines that decide at least one channel. */
export function decidingMoneyLines(
  near: readonly MoneyLine[], channels: readonly ChannelFacts[], metrics: SecurityMetrics, effectiveDate: IsoDate,
): MoneyLine[] {
  return near.filter((l) => channels.some((v) => decidesChannel(l.line, v, metrics, effectiveDate)));
}

/**
 * How close a borderline row sits to its line, as a share of the §9 margin: 0 on the line, 1 at the
 * margin's edge. Coverage margins are in points, money margins a fraction of the line, so this is the
 * one measure both kinds share: the borderline list is sorted by it, closest first.
 */
export function closenessOf(row: Pick<BorderlineRow, 'value' | 'threshold'>, m: Methodology): number {
  const coverage = row.threshold <= 1;
  const margin = coverage ? m.borderline.coveragePoints / 100 : m.borderline.moneyFraction * row.threshold;
  return margin === 0 ? 0 : Math.abs(row.value - row.threshold) / margin;
}
