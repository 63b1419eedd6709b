import type { ReviewResult } from '../domain/types.js';
import { OUTCOME_LEGEND } from './outcome-legend.js';
import { BORDERLINE_COLUMNS, borderlineCells, describeReview, listRowCells } from './review-heading.js';
import { buildReviewSections } from './review-rows.js';
import { describeSummary } from './review-lines.js';
import { previewSections } from './preview-sections.js';

const LIST_COLUMNS = ['Code', 'Name', 'Segment / path', 'Avg cap (HK$bn)', 'Coverage', 'Reason', 'Distance'];
const NUMERIC = new Set([3, 4]);

/** Markdown tables for research notes: one per list, then borderline names and warnings. Pure. */
export function renderReviewMarkdown(result: ReviewResult): string {
  const summary = describeSummary(result);
  const out: string[] = [`# ${escapeMd(describeReview(result))}\n`, ...(summary.length > 0 ? ['\n', ...summary.map((l) => `- ${escapeMd(l)}\n`)] : [])];
  for (const s of buildReviewSections(result)) {
    out.push(`\n## ${s.title} (${s.rows.length})\n\n`);
    out.push(s.rows.length === 0 ? '_None._\n' : markdownTable(LIST_COLUMNS, s.rows.map(listRowCells), NUMERIC));
  }
  for (const x of previewSections(result)) {
    out.push(`\n## ${escapeMd(x.title)} (${x.rows.length})\n\n${escapeMd(x.intro)}\n\n`);
    out.push(x.rows.length === 0 ? '_None._\n' : markdownTable(x.columns, x.rows, new Set(x.numeric)));
  }
  out.push(`\n## Borderline (${result.borderline.length})\n\n${escapeMd(OUTCOME_LEGEND)}\n\n`);
  out.push(result.borderline.length === 0
    ? '_None._\n'
    : markdownTable(BORDERLINE_COLUMNS.map(capitalise), result.borderline.map(borderlineCells), new Set([3, 4])));
  out.push(`\n## Warnings (${result.warnings.length})\n\n`);
  out.push(result.warnings.length === 0 ? '_None._\n' : result.warnings.map((w) => `- ${escapeMd(w)}\n`).join(''));
  return out.join('');
}


export function markdownTable(header: readonly string[], rows: readonly string[][], numeric: ReadonlySet<number>): string {
  const line = (cells: readonly string[]) => `| ${cells.map(escapeMd).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (numeric.has(i) ? ' ---: ' : ' --- ')).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}

/** Escapes what would break a table cell or start markup: backslashes, pipes, emphasis, angle brackets, newlines. */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_[\]]/g, (c) => `\\${c}`).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
