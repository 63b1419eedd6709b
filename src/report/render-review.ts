import type { ReviewResult } from '../domain/types.js';

export const REVIEW_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/**
 * Renders a review result in one of the `screen --format` formats. Pure: returns the text.
 * (Owned by the reports work, issue 4; JSON is the contract's shape, the others land there.)
 */
export function renderReview(result: ReviewResult, format: ReviewFormat): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  throw new Error(`format ${format} is not built yet`);
}
