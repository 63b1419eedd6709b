import { parse } from 'csv-parse/sync';
import type { InputIssue } from '../domain/errors.js';
import type { DateReader } from './date-format.js';
import { Bad, parseCode } from './fields.js';

/** The daily fields a wide file can hold, one field per file. */
export const WIDE_FIELDS = ['market_cap_hkd', 'turnover_hkd', 'suspended', 'close', 'volume'] as const;
export type WideField = (typeof WIDE_FIELDS)[number];
export const REQUIRED_WIDE_FIELDS: readonly WideField[] = ['market_cap_hkd', 'turnover_hkd', 'suspended'];

/** One wide file as read: its field, and its cells by (date, code) with the line each came from. */
export interface WideFile {
  readonly field: WideField;
  readonly file: string;
  readonly header: readonly string[];
  readonly codes: readonly string[];
  readonly cells: ReadonlyMap<string, { readonly value: string; readonly line: number; readonly column: number }>;
  /** The line of each date's row, and each ticker's header cell as written. */
  readonly dateLines: ReadonlyMap<string, number>;
  readonly headerOf: ReadonlyMap<string, string>;
}

/** A long daily row built from the wide files, and where each of its values came from. */
export interface WideRow {
  readonly fields: readonly string[];
  readonly where: Readonly<Record<string, { readonly file: string; readonly line: number; readonly field: string }>>;
}

/**
 * Reads one wide file (pure): the first column the date (in `readDate`'s format), every other column a
 * ticker in any accepted style (`700 HK Equity`, `0700.HK`, ...), each cell that field's value for that
 * date and ticker; a blank cell gives nothing. A header cell that is not a ticker is a file issue; a
 * date that does not read is a row issue.
 */
export function readWideFile(text: string, file: string, field: WideField, readDate: DateReader): { wide?: WideFile; issues: InputIssue[]; fileIssue?: InputIssue } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (err) {
    return { issues: [], fileIssue: { file, reason: `the file is not valid CSV (${(err as Error).message})` } };
  }
  const header = records[0];
  if (!header || header.length < 2) return { issues: [], fileIssue: { file, line: 1, reason: 'a wide file needs a header: the date column, then one column per ticker' } };
  const codes: string[] = [];
  for (const [i, cell] of header.slice(1).entries()) {
    const code = parseCode(cell);
    if (code instanceof Bad) return { issues: [], fileIssue: { file, line: 1, field: cell.trim() || `column ${i + 2}`, reason: `the header's column ${i + 2} is not a ticker: ${code.reason}` } };
    codes.push(code);
  }
  const cells = new Map<string, { value: string; line: number; column: number }>();
  const dateLines = new Map<string, number>();
  const headerOf = new Map(codes.map((code, c) => [code, header[c + 1]!.trim()]));
  const issues: InputIssue[] = [];
  records.slice(1).forEach((record, i) => {
    const line = i + 2;
    const date = readDate(record[0] ?? '');
    if (date instanceof Bad) { issues.push({ file, line, field: header[0]!.trim() || 'date', reason: date.reason }); return; }
    dateLines.set(date, line);
    codes.forEach((code, c) => {
      const value = (record[c + 1] ?? '').trim();
      if (value !== '') cells.set(`${date} ${code}`, { value, line, column: c + 1 });
    });
  });
  return { wide: { field, file, header, codes, cells, dateLines, headerOf }, issues };
}

/**
 * Joins the wide files into long daily rows (pure), in date then code order. A (date, code) that one
 * file gives and a required field's file lacks is an issue naming the file that lacks it.
 */
export function joinWideFiles(files: readonly WideFile[]): { rows: WideRow[]; issues: InputIssue[] } {
  const keys = new Set<string>();
  for (const f of files) for (const k of f.cells.keys()) keys.add(k);
  const byField = new Map(files.map((f) => [f.field, f]));
  const rows: WideRow[] = [];
  const issues: InputIssue[] = [];
  for (const key of [...keys].sort()) {
    const [date, code] = key.split(' ') as [string, string];
    const where: Record<string, { file: string; line: number; field: string }> = {};
    const values: Record<string, string> = {};
    let some: { file: string; line: number } | null = null;
    for (const f of files) {
      const cell = f.cells.get(key);
      if (!cell) continue;
      values[f.field] = cell.value;
      where[f.field] = { file: f.file, line: cell.line, field: f.header[cell.column]!.trim() };
      some ??= { file: f.file, line: cell.line };
    }
    const lacking = REQUIRED_WIDE_FIELDS.find((field) => values[field] === undefined);
    if (lacking) {
      const f = byField.get(lacking)!;
      const line = f.dateLines.get(date);
      issues.push({ file: f.file, ...(line === undefined ? {} : { line }), field: f.headerOf.get(code) ?? code, reason: `no ${lacking} for ${code} on ${date}, while ${some!.file} (line ${some!.line}) gives a value for that day` });
      continue;
    }
    where.date = { file: some!.file, line: some!.line, field: 'date' };
    where.code = { file: some!.file, line: 1, field: code };
    rows.push({ fields: [date, code, values.market_cap_hkd!, values.turnover_hkd!, values.suspended!, values.close ?? '', values.volume ?? ''], where });
  }
  return { rows, issues };
}
