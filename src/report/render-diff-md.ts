import { describeDiff, DIFF_LEGEND, diffRecordRows, diffSummaryRows, formatRatio } from './diff-rows.js';
import type { DiffReport } from './render-diff.js';
import { escapeMd, markdownTable } from './render-markdown.js';

/** The diff in Markdown for research notes: the heading, the summary table, then one row per mismatch and the warnings. Pure. */
export function renderDiffMarkdown(r: DiffReport): string {
  const [title, ...rest] = describeDiff(r);
  const summary = diffSummaryRows(r.lists);
  const out = [`# ${escapeMd(title!)}\n\n`, ...rest.map((l) => `- ${escapeMd(l)}\n`), '\n## Summary\n\n'];
  out.push(markdownTable(['List', 'Predicted', 'Official', 'Matched', 'Precision', 'Recall'],
    summary.map((s) => [s.list, String(s.predicted), String(s.official), String(s.matched), formatRatio(s.precision), formatRatio(s.recall)]),
    new Set([1, 2, 3, 4, 5])));
  const notes = summary.flatMap((s) => s.notes.map((n) => `- ${escapeMd(`${s.list}: ${n}`)}\n`));
  if (notes.length > 0) out.push('\n', ...notes);
  const mismatches = diffRecordRows(r.lists, false);
  out.push(`\n## Mismatches (${mismatches.length})\n\n${escapeMd(DIFF_LEGEND)}\n\n`);
  out.push(mismatches.length === 0 ? '_None._\n' : markdownTable(['Code', 'Name', 'List', 'Missed / extra', 'Reason', 'Borderline'],
    mismatches.map((m) => [m.item.code, m.item.name, m.list, m.kind, m.item.reason ?? '', m.item.borderline ? 'yes' : '']), new Set()));
  out.push(`\n## Warnings (${r.warnings.length})\n\n`);
  out.push(r.warnings.length === 0 ? '_None._\n' : r.warnings.map((w) => `- ${escapeMd(w)}\n`).join(''));
  return out.join('');
}
