import type { InputIssue } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';

/**
 * What every pure `parse*` of a published file returns (shared by `ingest` and `fetch`): the rows it
 * read, the bad rows (file, line, field, reason), the date the content is as of when the file says
 * it, and `fileIssue` when the file cannot be read at all (then `rows` is empty).
 */
export interface ParsedFile<Row> {
  readonly rows: Row[];
  readonly issues: InputIssue[];
  readonly asOf?: IsoDate;
  readonly fileIssue?: InputIssue;
}

/** A ParsedFile that is nothing but a file-level issue. */
export function unreadable<Row>(file: string, reason: string): ParsedFile<Row> {
  return { rows: [], issues: [], fileIssue: { file, reason } };
}
