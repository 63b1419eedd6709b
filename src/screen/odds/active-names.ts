import { ODDS_LISTS, type OddsList, type OddsRow } from '../../domain/preview-types.js';
import { CHANNELS, type ReviewResult, type SecurityDecision } from '../../domain/types.js';
import type { SecurityMetrics } from '../../rules/security-metrics.js';

/** A name a path can move across a line: what the simulation needs about it. */
export interface ActiveName {
  readonly code: string;
  readonly metrics: SecurityMetrics;
  readonly decision: SecurityDecision;
  /** Its average market cap in the deterministic preview (whole HK$, as ranked). */
  readonly avg: number;
  readonly sbAvg: number;
  readonly lastCap: number;
  readonly daysUsed: number;
  readonly futureDays: number;
  readonly wasConstituent: boolean;
  /** Every add condition but coverage holds (liquidity, trading on C, not SFC-listed). */
  readonly canAdd: boolean;
  /** Deleted whatever its coverage (long suspension, liquidity). */
  readonly forcedRemove: boolean;
}

/** Sums of the names no path moves across a line, each as (value on the preview) + slope x (market shift). */
export interface FrozenSums {
  readonly total: number; readonly totalSlope: number;
  readonly above: number; readonly aboveSlope: number;
  readonly constituents: number; readonly constituentsSlope: number;
  readonly constituentsAbove: number; readonly constituentsAboveSlope: number;
}

export interface ActiveSplit {
  readonly active: ActiveName[];
  readonly frozen: FrozenSums;
  /** The preview's list rows of every name that is not active: probability 1. */
  readonly fixedRows: OddsRow[];
  readonly fixedCounts: Record<OddsList, number>;
}

/**
 * Splits the ranked names into those whose average sits within `band` (a fraction) of a line's HK$ average
 * (the add, delete and MidCap lines, the Southbound in and keep lines) or between such lines, one contiguous
 * stretch of the ranking, and the rest, above or below it, whose outcome no path changes.
 */
export function splitActive(
  metrics: readonly SecurityMetrics[], decisions: ReadonlyMap<string, SecurityDecision>, futureDays: ReadonlyMap<string, number>,
  result: ReviewResult, band: number,
): ActiveSplit {
  const l = result.lines;
  const lineCaps = [l?.addAvgCapHkd, l?.deleteAvgCapHkd, l?.midCapAvgCapHkd, l?.smallCapInHkd, l?.smallCapKeepHkd].filter((x): x is number => typeof x === 'number' && x > 0);
  const lo = lineCaps.length > 0 ? Math.min(...lineCaps) / (1 + band) : Infinity;
  const hi = lineCaps.length > 0 ? Math.max(...lineCaps) * (1 + band) : -Infinity;
  const active: ActiveName[] = [];
  const f = { total: 0, totalSlope: 0, above: 0, aboveSlope: 0, constituents: 0, constituentsSlope: 0, constituentsAbove: 0, constituentsAboveSlope: 0 };
  for (const x of metrics) {
    const d = decisions.get(x.code);
    const raw = x.average.avgMarketCapHkd;
    if (d === undefined || !x.universe.eligible || raw === null) continue;
    const avg = Math.round(raw);
    const lastCap = x.capOnCutoffHkd ?? 0;
    const days = lastCap > 0 ? futureDays.get(x.code) ?? 0 : 0;
    if (avg >= lo && avg <= hi) {
      active.push({
        code: x.code, metrics: x, decision: d, avg, sbAvg: x.southboundAvgMarketCapHkd ?? avg, lastCap, daysUsed: Math.max(1, x.average.daysUsed), futureDays: days,
        wasConstituent: d.wasConstituent,
        canAdd: x.liquidity.pass && !x.suspension.suspendedOnCutoff && !x.attrs.sfcHighConcentration,
        forcedRemove: x.suspension.longSuspension || !x.liquidity.pass,
      });
      continue;
    }
    const slope = days > 0 ? lastCap / Math.max(1, x.average.daysUsed) : 0;
    const above = avg > hi;
    f.total += avg; f.totalSlope += slope;
    if (above) { f.above += avg; f.aboveSlope += slope; }
    if (d.isConstituent) {
      f.constituents += avg; f.constituentsSlope += slope;
      if (above) { f.constituentsAbove += avg; f.constituentsAboveSlope += slope; }
    }
  }
  const activeCodes = new Set(active.map((a) => a.code));
  const fixedRows: OddsRow[] = [];
  const fixedCounts = Object.fromEntries(ODDS_LISTS.map((list) => [list, 0])) as Record<OddsList, number>;
  const fix = (code: string, list: OddsList) => {
    if (activeCodes.has(code)) return;
    fixedRows.push({ code, list, probability: 1 });
    fixedCounts[list]++;
  };
  for (const r of result.hsci.add) fix(r.code, 'hsci_add');
  for (const r of result.hsci.remove) fix(r.code, 'hsci_remove');
  for (const ch of CHANNELS) {
    for (const r of result.southbound[ch].add) fix(r.code, `sb_add_${ch}`);
    for (const r of result.southbound[ch].remove) fix(r.code, `sb_remove_${ch}`);
  }
  return { active, frozen: f, fixedRows, fixedCounts };
}
