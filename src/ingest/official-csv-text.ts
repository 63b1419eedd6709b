import { parse } from 'csv-parse/sync';
import type { ColumnIndex } from './csv-rows.js';
import type { RowIssue } from './types.js';

export interface CsvTextRow { readonly fields: string[]; readonly line: number }

/** Column aliases: the first header cell matching any alias (trimmed, case-insensitive) is the column. */
export type ColumnAliases = Readonly<Record<string, readonly string[]>>;

/**
 * Reads a small CSV held in memory (official announcements: a few hundred rows), pure: the header
 * mapped to columns by name or alias, each data row with its line. A missing required column is a
 * file issue; a row whose field count differs from the header's is a row issue.
 */
export function readCsvText(
  text: string, columns: { required: readonly string[]; optional?: readonly string[] }, aliases: ColumnAliases = {},
): { index: ColumnIndex; header: string[]; rows: CsvTextRow[]; issues: RowIssue[] } | { fileIssue: RowIssue } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (err) {
    return { fileIssue: { reason: `the file is not readable CSV (${(err as Error).message})` } };
  }
  const head = records[0];
  if (!head) return { fileIssue: { reason: 'the file is empty: it has no header row' } };
  const header = head.record.map((h) => h.trim());
  const index: Record<string, number> = {};
  for (const name of [...columns.required, ...(columns.optional ?? [])]) {
    const names = [name, ...(aliases[name] ?? [])].map((n) => n.toLowerCase());
    index[name] = header.findIndex((h) => names.includes(h.toLowerCase()));
  }
  const missing = columns.required.filter((c) => index[c] === -1);
  if (missing.length > 0) {
    const wanted = missing.map((c) => [c, ...(aliases[c] ?? [])].join(' or ')).join('; ');
    return { fileIssue: { line: head.info.lines, reason: `the header lacks the required column(s): ${wanted}` } };
  }
  const rows: CsvTextRow[] = [];
  const issues: RowIssue[] = [];
  for (const { record, info } of records.slice(1)) {
    if (record.length !== header.length) {
      issues.push({ line: info.lines, reason: `the row has ${record.length} fields where the header has ${header.length}` });
    } else rows.push({ fields: record, line: info.lines });
  }
  return { index, header, rows, issues };
}

/** The cell of a column, '' when the column is absent. */
export function cellOf(fields: readonly string[], index: ColumnIndex, name: string): string {
  const i = index[name];
  return i === undefined || i < 0 ? '' : (fields[i] ?? '').trim();
}
