import type { ReviewResult } from '../domain/types.js';
import { OUTCOME_LEGEND } from './outcome-legend.js';
import { renderReviewCsv } from './render-csv.js';
import { renderReviewHtml } from './render-html.js';
import { renderReviewMarkdown } from './render-markdown.js';
import { renderReviewTable } from './render-table.js';

import type { ReviewFormat } from './review-formats.js';

export { REVIEW_FORMATS, type ReviewFormat } from './review-formats.js';

export interface RenderOptions {
  /**
   * JSON only: include `decisions`, every check of every screened security. On a full market that is
   * ~13 MB and seconds of work, so it is asked for (`screen --decisions`); the recorded run leaves the checks out.
   */
  readonly decisions?: boolean;
  /** table only: the width the tables must fit (the terminal's); none = full width. */
  readonly width?: number;
}

/**
 * Renders a review result in one of the `screen --format` formats. Pure: returns the text.
 * JSON is the result (docs/contract.md "screen --format json" plus the extra fields), `decisions` on request.
 */
export function renderReview(result: ReviewResult, format: ReviewFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json': return `${JSON.stringify({ ...result, legend: OUTCOME_LEGEND, decisions: options.decisions ? result.decisions : undefined }, null, 2)}\n`;
    case 'table': return renderReviewTable(result, options.width);
    case 'csv': return renderReviewCsv(result);
    case 'md': return renderReviewMarkdown(result);
    case 'html': return renderReviewHtml(result);
  }
}
