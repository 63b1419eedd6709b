import type { ReviewResult } from '../domain/types.js';
import { renderReviewCsv } from './render-csv.js';
import { renderReviewHtml } from './render-html.js';
import { renderReviewMarkdown } from './render-markdown.js';
import { renderReviewTable } from './render-table.js';

export const REVIEW_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/**
 * Renders a review result in one of the `screen --format` formats. Pure: returns the text.
 * JSON is exactly the result (CONTRACT.md "screen --format json" plus the extra fields).
 */
export function renderReview(result: ReviewResult, format: ReviewFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(result, null, 2)}\n`;
    case 'table': return renderReviewTable(result);
    case 'csv': return renderReviewCsv(result);
    case 'md': return renderReviewMarkdown(result);
    case 'html': return renderReviewHtml(result);
  }
}
