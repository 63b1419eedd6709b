import { createReadStream } from 'node:fs';
import { parse, type CsvError } from 'csv-parse';
import type { LoadRun } from './load-run.js';

/** The columns one kind needs; names are matched case-insensitively, order is free, unknown columns ignored. */
export interface CsvColumns {
  readonly required: readonly string[];
  readonly optional?: readonly string[];
}

/** Column name -> position in the row (-1 when the optional column is absent). */
export type ColumnIndex = Readonly<Record<string, number>>;

/** Handles one data row: `fields` as read (not trimmed), `line` the 1-based line where the row ends. */
export type CsvRowHandler = (fields: string[], line: number) => void;

const REPLACEMENT_CHAR = '\uFFFD';

/**
 * Streams a CSV file (UTF-8, comma-separated, header row; BOM and CRLF accepted) through csv-parse,
 * never holding more than a chunk of it in memory. Validates the header (a missing required column
 * rejects the whole file), then calls the handler made by `makeHandler` once per data row,
 * synchronously inside the parser (no per-row stream objects). Counts rows read, rejects rows whose
 * field count differs from the header's or that hold bytes that are not UTF-8, and turns CSV syntax
 * errors (an unterminated quote, a stray quote) into row issues with their line.
 */
export async function readCsvRows(run: LoadRun, columns: CsvColumns, makeHandler: (index: ColumnIndex) => CsvRowHandler): Promise<void> {
  let header: string[] | null = null;
  let handle: CsvRowHandler = () => {};
  let lastLine = 0;
  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    on_record: (fields: string[], context: { lines: number }) => {
      const line = context.lines;
      lastLine = line;
      if (header === null) {
        header = fields;
        handle = makeHandler(indexHeader(run, fields, columns));
        return null;
      }
      run.rowsRead++;
      const problem = checkRowShape(fields, header);
      if (problem) run.reject({ line, ...problem });
      else handle(fields, line);
      return null;
    },
  });
  parser.on('skip', (err: CsvError) => {
    run.rowsRead++;
    try {
      run.reject(describeSyntaxError(err, lastLine));
    } catch (rejection) {
      parser.destroy(rejection as Error);
    }
  });
  const input = createReadStream(run.file, { highWaterMark: 256 * 1024 });
  let bytesRead = 0;
  input.on('data', (chunk) => {
    const buf = chunk as Buffer;
    bytesRead += buf.length;
    run.hashBytes(buf);
    run.options.progress?.(bytesRead, run.totalBytes);
  });
  input.on('error', (err) => parser.destroy(err));
  input.pipe(parser);
  try {
    for await (const _ of parser) {
      // Rows are handled in on_record; nothing is emitted.
    }
  } finally {
    input.destroy();
  }
  if (header === null) run.failFile({ reason: 'the file is empty: it has no header row' });
}

/** Maps the header to column positions; rejects the file when a required column is missing or doubled. */
export function indexHeader(run: LoadRun, fields: readonly string[], columns: CsvColumns): ColumnIndex {
  const names = fields.map((f) => f.trim().toLowerCase());
  if (names.some((n) => n.includes(REPLACEMENT_CHAR))) run.failFile({ line: 1, reason: 'the header holds bytes that are not valid UTF-8' });
  const index: Record<string, number> = {};
  const wanted = [...columns.required, ...(columns.optional ?? [])];
  for (const name of wanted) {
    const first = names.indexOf(name);
    if (first !== -1 && names.indexOf(name, first + 1) !== -1) run.failFile({ line: 1, field: name, reason: `the header names the column "${name}" twice` });
    index[name] = first;
  }
  const missing = columns.required.filter((name) => index[name] === -1);
  if (missing.length > 0) run.failFile({ line: 1, reason: describeMissingColumns(missing, fields) });
  return index;
}

function describeMissingColumns(missing: readonly string[], fields: readonly string[]): string {
  const list = missing.map((m) => `"${m}"`).join(', ');
  const noun = missing.length === 1 ? 'column' : 'columns';
  const only = fields.length === 1 ? fields[0] ?? '' : '';
  const hint = /[;\t|]/.test(only)
    ? `; the header is one column "${only.slice(0, 80)}", so the file is probably not comma-separated`
    : '';
  return `the header lacks the required ${noun} ${list}${hint}`;
}

function checkRowShape(fields: readonly string[], header: readonly string[]): { field?: string; reason: string } | null {
  if (fields.length !== header.length) {
    return {
      reason: `the row has ${fields.length} fields but the header has ${header.length} (an unquoted comma inside a value, such as a thousands separator?)`,
    };
  }
  for (let i = 0; i < fields.length; i++) {
    if (fields[i]!.includes(REPLACEMENT_CHAR)) {
      return { field: header[i]!.trim().toLowerCase(), reason: 'the value holds bytes that are not valid UTF-8 (save the file as UTF-8)' };
    }
  }
  return null;
}

function describeSyntaxError(err: CsvError, lastLine: number): { line: number; reason: string } {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line: lastLine + 1, reason: 'a quoted value that starts here is never closed (the file ends inside quotes)' };
    case 'INVALID_OPENING_QUOTE':
      return { line: Number(err.lines), reason: 'a quote appears inside an unquoted value (quote the whole value and double any quote inside it)' };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line: Number(err.lines), reason: 'a closing quote is followed by other characters instead of a comma or the end of the line' };
    default:
      return { line: Number(err.lines), reason: `the row is not valid CSV (${err.message})` };
  }
}
