import type { BorderlineRow, ReviewResult } from '../domain/types.js';
import { formatLineValue } from './number-format.js';

/** The one-line title of a review, shared by every human-readable format. */
export function describeReview(result: ReviewResult): string {
  return `HSCI and Southbound review, cut-off ${result.cutoff} (${result.kind}), effective ${result.effectiveDate}, methodology ${result.methodology}`;
}

/** The borderline section's columns (RULES.md §9): the line, the value against it, and the outcome. */
export const BORDERLINE_COLUMNS = ['code', 'name', 'line', 'value', 'threshold', 'distance', 'outcome'] as const;

export function borderlineCells(b: BorderlineRow): string[] {
  return [b.code, b.name, b.line, formatLineValue(b.value, b.threshold), formatLineValue(b.threshold, b.threshold), b.distance, b.outcome];
}
