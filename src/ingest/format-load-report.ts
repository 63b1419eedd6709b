import { formatInputIssue } from '../domain/errors.js';
import { CAP_JUMP_FIX, describeCapJump } from './day-over-day.js';
import type { LoadSummary } from './types.js';

/** How many issues are printed per file before "... and N more". */
export const PRINTED_ISSUES = 20;

/** How many day-over-day warnings are printed per file before "... and N more". */
export const PRINTED_WARNINGS = 20;

/** The summary line of one file: `FILE: N rows read, N stored, N rejected[; notes][; N day-over-day warnings ...]` (stdout). */
export function formatSummaryLine(summary: LoadSummary): string {
  const base = `${summary.file}: ${summary.rowsRead} rows read, ${summary.rowsStored} stored, ${summary.rowsRejected} rejected`;
  if (summary.status === 'rejected') return `${base}; file rejected, nothing from it was stored`;
  const warned = capJumpCount(summary) > 0 ? [capJumpNote(summary)] : [];
  const notes = [...(summary.notes ?? []), ...warned];
  return notes.length > 0 ? `${base}; ${notes.join('; ')}` : base;
}

/** `N day-over-day warning(s) (market cap moved more than 5x)`, for the summary line and fetch's record. */
export function capJumpNote(summary: LoadSummary): string {
  const n = capJumpCount(summary);
  return `${n} day-over-day warning${n === 1 ? '' : 's'} (market cap moved more than ${summary.capJumps?.maxFactor}x)`;
}

/** How many plausibility warnings a load found (0 for kinds that do not check). */
export function capJumpCount(summary: LoadSummary): number {
  return summary.status === 'loaded' ? summary.capJumps?.count ?? 0 : 0;
}

/**
 * The warning lines of one file (stderr): what the warnings mean and what to do, then at most `max`
 * moves, each with its code, both dates, both caps and the factor. None when there is nothing to say.
 */
export function formatWarningLines(summary: LoadSummary, max = PRINTED_WARNINGS): string[] {
  const jumps = summary.capJumps;
  if (jumps === undefined || capJumpCount(summary) === 0) return [];
  const lines = [
    `${summary.file}: warning: ${jumps.count} day-over-day market cap move${jumps.count === 1 ? '' : 's'} beyond ${jumps.maxFactor}x `
      + `(dataQuality.maxDayOverDayFactor), stored but likely wrong: ${CAP_JUMP_FIX}; a real move (a large rights issue, a share consolidation) needs nothing`,
    ...jumps.first.slice(0, max).map((j) => `${summary.file}: warning: ${describeCapJump(j, jumps.maxFactor)}`),
  ];
  const more = jumps.count - Math.min(max, jumps.first.length);
  if (more > 0) lines.push(`... and ${more} more warning${more === 1 ? '' : 's'}`);
  return lines;
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
