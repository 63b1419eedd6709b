import { formatInputIssue } from '../domain/errors.js';
import type { LoadSummary } from './types.js';

/** How many issues are printed per file before "... and N more". */
export const PRINTED_ISSUES = 20;

/** The summary line of one file: `FILE: N rows read, N stored, N rejected` (stdout). */
export function formatSummaryLine(summary: LoadSummary): string {
  const base = `${summary.file}: ${summary.rowsRead} rows read, ${summary.rowsStored} stored, ${summary.rowsRejected} rejected`;
  if (summary.status === 'rejected') return `${base}; file rejected, nothing from it was stored`;
  return summary.notes?.length ? `${base}; ${summary.notes.join('; ')}` : base;
}

/** The issue lines of one file (stderr): the file-level reason first, then at most `max` row issues. */
export function formatIssueLines(summary: LoadSummary, max = PRINTED_ISSUES): string[] {
  const lines: string[] = [];
  if (summary.fileIssue) lines.push(formatInputIssue(summary.fileIssue));
  for (const issue of summary.issues.slice(0, max)) lines.push(formatInputIssue(issue));
  const more = summary.issueCount - Math.min(max, summary.issues.length);
  if (more > 0) lines.push(`... and ${more} more`);
  return lines;
}

/**
 * The exit code for a set of loads: 0 when every file loaded (skipped rows in non-strict mode are
 * reported, not failures), 2 when any file was rejected (strict failure, wrong header, missing file)
 * or had rows of which none could be stored.
 */
export function exitCodeOf(summaries: readonly LoadSummary[]): 0 | 2 {
  const failed = summaries.some((s) => s.status === 'rejected' || (s.rowsRead > 0 && s.rowsStored === 0));
  return failed ? 2 : 0;
}
