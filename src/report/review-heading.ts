import type { BorderlineRow, ReviewResult } from '../domain/types.js';
import { formatBn, formatLineValue, formatPct } from './number-format.js';
import type { ReviewListRow } from './review-rows.js';

/** The one-line title of a review, shared by every human-readable format. */
export function describeReview(result: ReviewResult): string {
  return `HSCI and Southbound review, cut-off ${result.cutoff} (${result.kind}), effective ${result.effectiveDate}, methodology ${result.methodology}`;
}

/** The borderline section's columns (docs/methodology.md §9): the line, the value against it, and the outcome. */
export const BORDERLINE_COLUMNS = ['code', 'name', 'line', 'value', 'threshold', 'distance', 'outcome'] as const;

export function borderlineCells(b: BorderlineRow): string[] {
  return [b.code, b.name, b.line, formatLineValue(b.value, b.threshold), formatLineValue(b.threshold, b.threshold), b.distance, b.outcome];
}

/** The readable cells of one list row, shared by the table and Markdown formats: code, name, segment or path, HK$bn, coverage %, reason, distance. */
export function listRowCells(r: ReviewListRow): string[] {
  const where = [r.segment, r.path, r.list === 'pending' ? r.channel : ''].filter(Boolean).join(' ');
  return [
    r.code, r.name, where, formatBn(r.avgMarketCapHkd), formatPct(r.coverage), r.reason,
    `${r.distance}${r.borderline ? ' (borderline)' : ''}`,
  ];
}
