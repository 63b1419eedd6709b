/** Bad usage or bad input: exit code 2 (docs/contract.md "Exit codes"). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}

/** The job ran and failed (e.g. data missing for the cut-off): exit code 1. */
export class JobError extends Error {
  override readonly name = 'JobError';
  readonly exitCode = 1;
}

/** Where a piece of bad input sits, for the one-sentence message. */
export interface InputLocation {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
}

/** A bad input row or file, as a value. */
export interface InputIssue extends InputLocation {
  readonly reason: string;
}

/** Formats an issue as one clear sentence: `file:line: field "x": reason`. */
export function formatInputIssue(issue: InputIssue): string {
  const where = issue.line !== undefined ? `${issue.file}, line ${issue.line}` : issue.file;
  const field = issue.field ? `, field "${issue.field}"` : '';
  return `${where}${field}: ${issue.reason}`;
}
