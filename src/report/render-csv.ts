import { stringify } from 'csv-stringify/sync';
import type { ReviewResult } from '../domain/types.js';
import { OUTCOME_LEGEND } from './outcome-legend.js';
import { flattenReview } from './review-rows.js';
import { summaryRows } from './summary-rows.js';

const COLUMNS = [
  'code', 'name', 'list', 'channel', 'segment', 'avgMarketCapHkd', 'coverage', 'path', 'reason', 'distance', 'borderline',
] as const;

/**
 * One row per security per list (a name added on both channels appears twice). Money in whole HK$
 * and coverage as a fraction, as in the JSON, so a spreadsheet gets exact figures. Then `summary` rows:
 * each line's HK$ average, the constituent count and each list's count; then one `warning` row per warning. Pure.
 */
export function renderReviewCsv(result: ReviewResult): string {
  const rows = flattenReview(result).map((r) => [
    r.code, r.name, r.list, r.channel, r.segment, r.avgMarketCapHkd ?? '', r.coverage ?? '', r.path, r.reason,
    r.distance, r.borderline ? 'true' : 'false',
  ]);
  const summary = summaryRows(result).map((r) => ['', r.name, 'summary', '', '', r.avgMarketCapHkd ?? '', r.coverage ?? '', '', r.reason, '', 'false']);
  const preview = (result.preview?.closeCalls ?? []).map((c) => [c.code, c.name, 'close_call', '', '', c.neededCapHkd ?? '', '', c.line, c.note, c.neededMove === null ? '' : c.neededMove.toFixed(4), 'true']);
  const liquidity = (result.preview?.liquidityCalls ?? []).map((c) => [c.code, c.name, 'liquidity_call', '', '', '', '', '', c.note, `${c.monthsNeeded} of ${c.monthsLeft}`, 'true']);
  // The warnings too (issue 16): a spreadsheet of a review on thin data must say so, like every other format.
  const warnings = result.warnings.map((w) => ['', '', 'warning', '', '', '', '', '', w, '', 'false']);
  const odds = (result.odds ?? []).map((o) => [o.code, '', `odds_${o.list}`, '', '', '', '', '', `probability ${o.probability}`, String(o.probability), o.probability < 1 ? 'true' : 'false']);
  const flows = (result.flows?.rows ?? []).map((f) => [f.code, f.name, `flow_${f.list}`, '', '', f.demandHkd, '', '', `passive demand HK$${f.demandHkd}; ${f.daysOfTurnover ?? 'n/a'} days of average turnover`, f.daysOfTurnover ?? '', 'false']);
  const legend = [['', '', 'legend', '', '', '', '', '', OUTCOME_LEGEND, '', 'false']];
  return stringify([[...COLUMNS], ...rows, ...summary, ...preview, ...liquidity, ...odds, ...flows, ...warnings, ...legend]);
}
