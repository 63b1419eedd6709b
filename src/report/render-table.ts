import type { ReviewResult } from '../domain/types.js';
import { fitProse } from './fit-prose.js';
import { formatTable } from './format-rows.js';
import { OUTCOME_LEGEND } from './outcome-legend.js';
import { BORDERLINE_COLUMNS, borderlineCells, describeReview, listRowCells } from './review-heading.js';
import { buildReviewSections } from './review-rows.js';
import { describeSummary } from './review-lines.js';
import { previewSections } from './preview-sections.js';

const LIST_COLUMNS = ['code', 'name', 'segment/path', 'avg cap HK$bn', 'coverage', 'reason', 'distance'];

/**
 * Readable terminal output: each list, then the borderline names, then the warnings. Given `width`
 * (the terminal's), tables are cut to it and the prose lines (heading, summary, intros, legend,
 * warnings) wrapped to it at spaces (fit-prose.ts). Pure.
 */
export function renderReviewTable(result: ReviewResult, width?: number): string {
  const prose = (text: string) => fitProse(text, width);
  const out: string[] = [prose(`${describeReview(result)}\n`), ...describeSummary(result).map((l) => prose(`${l}\n`))];
  for (const s of buildReviewSections(result)) {
    out.push(`\n${s.title} (${s.rows.length})\n`);
    out.push(s.rows.length === 0 ? '  none\n' : formatTable(LIST_COLUMNS, s.rows.map(listRowCells), width));
  }
  for (const x of previewSections(result)) {
    out.push(prose(`\n${x.title} (${x.rows.length})\n  ${x.intro}\n`));
    out.push(x.rows.length === 0 ? '  none\n' : formatTable(x.columns, x.rows, width));
  }
  out.push(prose(`\nBorderline (${result.borderline.length}): within the margin of the line that decides the outcome, closest first\n  ${OUTCOME_LEGEND}\n`));
  out.push(result.borderline.length === 0 ? '  none\n' : formatTable(BORDERLINE_COLUMNS, result.borderline.map(borderlineCells), width));
  out.push(`\nWarnings (${result.warnings.length})\n`);
  out.push(result.warnings.length === 0 ? '  none\n' : result.warnings.map((w) => prose(`  - ${w}\n`)).join(''));
  return out.join('');
}
