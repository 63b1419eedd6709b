import type { FlowRow, FlowsInfo } from '../domain/preview-types.js';
import type { ReviewResult } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/** What the flows need about one security beyond the review: its free float and average daily turnover. */
export interface FlowFacts {
  readonly freeFloat: number | null;
  readonly avgDailyTurnoverHkd: number | null;
}

/**
 * `--tracking-aum` (docs/previews.md): the passive demand of each HSCI add and delete. Assumption, stated in
 * the result: the whole AUM tracks the HSCI itself, weighted by average market cap over the window times
 * free float (the methodology's default when none is given), without a weight cap; an add is bought at
 * its weight among the constituents after the review, a delete sold at its weight among those before.
 * Days of turnover = |demand| / its average daily turnover over the window. Pure.
 */
export function passiveFlows(result: ReviewResult, facts: ReadonlyMap<string, FlowFacts>, trackingAumHkd: number, m: Methodology): FlowsInfo {
  const weightOf = (code: string, cap: number | null) => (cap ?? 0) * (facts.get(code)?.freeFloat ?? m.liquidity.defaultFreeFloat);
  let before = 0;
  let after = 0;
  for (const d of result.decisions) {
    const w = weightOf(d.code, d.avgMarketCapHkd);
    if (d.wasConstituent) before += w;
    if (d.isConstituent) after += w;
  }
  const rows: FlowRow[] = [];
  const row = (code: string, name: string, list: FlowRow['list'], cap: number | null, total: number, sign: number) => {
    const demand = total > 0 ? (sign * trackingAumHkd * weightOf(code, cap)) / total : 0;
    const turnover = facts.get(code)?.avgDailyTurnoverHkd ?? null;
    rows.push({
      code, name, list, demandHkd: Math.round(demand), avgDailyTurnoverHkd: turnover === null ? null : Math.round(turnover),
      daysOfTurnover: turnover === null || turnover <= 0 ? null : Math.round((Math.abs(demand) / turnover) * 100) / 100,
    });
  };
  for (const a of result.hsci.add) row(a.code, a.name, 'hsci_add', a.avgMarketCapHkd, after, 1);
  for (const r of result.hsci.remove) row(r.code, r.name, 'hsci_remove', r.avgMarketCapHkd, before, -1);
  return {
    trackingAumHkd,
    assumption: 'the whole tracking AUM follows the HSCI itself, weighted by average market cap over the window times free float '
      + `(${m.liquidity.defaultFreeFloat} when not given), with no weight cap; adds are bought at their weight among the constituents after the review, `
      + 'deletes sold at their weight among those before; days of turnover use the average daily turnover of the window',
    rows,
  };
}
