import { createReadStream } from 'node:fs';
import { Parser, type CsvError, type Options } from 'csv-parse';
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
 * Streams a CSV file (UTF-8, comma-separated, header row; BOM and CRLF accepted), never holding more
 * than a chunk (or one line) of it in memory. Validates the header (a missing required column
 * rejects the whole file), then calls the handler made by `makeHandler` once per data row,
 * synchronously. Counts rows read, rejects rows whose field count differs from the header's or that
 * hold bytes that are not UTF-8, and turns CSV syntax errors (an unterminated quote, a stray quote)
 * into row issues with their line.
 *
 * Speed (issue 7): lines without a quote character are split directly (one decode and one split per
 * line, which is what csv-parse yields for such lines, at several times its speed); from the first
 * line holding a quote (or in a file using bare CR line ends) the rest of the file goes through
 * csv-parse's engine, which handles quoting, embedded line breaks and syntax errors.
 */
export async function readCsvRows(run: LoadRun, columns: CsvColumns, makeHandler: (index: ColumnIndex) => CsvRowHandler): Promise<void> {
  let header: string[] | null = null;
  let handle: CsvRowHandler = () => {};
  const onRecord = (fields: string[], line: number) => {
    if (header === null) {
      header = fields;
      handle = makeHandler(indexHeader(run, fields, columns));
      return;
    }
    run.rowsRead++;
    const problem = checkRowShape(fields, header);
    if (problem) run.reject({ line, ...problem });
    else handle(fields, line);
  };
  const splitter = new LineSplitter(onRecord, () => new CsvParseFallback(run, onRecord));
  let bytesRead = 0;
  const input = createReadStream(run.file, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of input) {
      const buf = chunk as Buffer;
      bytesRead += buf.length;
      run.hashBytes(buf);
      run.options.progress?.(bytesRead, run.totalBytes);
      splitter.write(buf);
    }
    splitter.end();
  } finally {
    input.destroy();
  }
  if (header === null) run.failFile({ reason: 'the file is empty: it has no header row' });
}

type RecordSink = (fields: string[], line: number) => void;

/** The fast path: splits quote-free lines itself, and hands the rest of the file to csv-parse at the first quote. */
class LineSplitter {
  private carry: Buffer | null = null;
  private line = 0;
  private started = false;
  private fallback: CsvParseFallback | null = null;

  constructor(private readonly sink: RecordSink, private readonly makeFallback: () => CsvParseFallback) {}

  write(chunk: Buffer): void {
    if (this.fallback) return this.fallback.write(chunk);
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    if (!this.started) {
      this.started = true;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
      const cr = buf.indexOf(0x0d);
      if (cr !== -1 && buf[cr + 1] !== 0x0a && cr + 1 < buf.length) return this.switchToCsvParse(buf);
    }
    const quote = buf.indexOf(0x22);
    let pos = 0;
    for (let nl = buf.indexOf(0x0a); nl !== -1; pos = nl + 1, nl = buf.indexOf(0x0a, pos)) {
      if (quote !== -1 && quote < nl && quote >= pos) return this.switchToCsvParse(buf.subarray(pos));
      this.emitLine(buf, pos, nl);
    }
    if (quote !== -1 && quote >= pos) return this.switchToCsvParse(buf.subarray(pos));
    if (pos < buf.length) this.carry = buf.subarray(pos);
  }

  end(): void {
    if (this.fallback) return this.fallback.end();
    if (this.carry) this.emitLine(this.carry, 0, this.carry.length);
    this.carry = null;
  }

  private emitLine(buf: Buffer, start: number, end: number): void {
    this.line++;
    const stop = end > start && buf[end - 1] === 0x0d ? end - 1 : end;
    if (stop === start) return; // an empty line
    this.sink(buf.toString('utf8', start, stop).split(','), this.line);
  }

  private switchToCsvParse(rest: Buffer): void {
    this.fallback = this.makeFallback();
    this.fallback.lineOffset = this.line;
    this.fallback.write(rest);
  }
}

/** The slow, complete path: csv-parse's engine driven directly (no stream object, info object or context per row). */
class CsvParseFallback {
  lineOffset = 0;
  private lastLine = 0;
  private rejection: unknown = null;
  private readonly api: ParserEngine;
  private readonly push: (fields: string[]) => void;

  constructor(run: LoadRun, sink: RecordSink) {
    this.api = (new Parser({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (err: CsvError) => {
        run.rowsRead++;
        try {
          run.reject(describeSyntaxError(err, this.lineOffset + Number(err.lines), Math.max(this.lastLine, this.lineOffset)));
        } catch (e) {
          this.rejection ??= e;
        }
      },
    } as Options) as unknown as { api: ParserEngine }).api;
    this.push = (fields) => {
      this.lastLine = this.lineOffset + this.api.info.lines;
      sink(fields, this.lastLine);
    };
  }

  write(chunk: Buffer): void {
    this.check(this.api.parse(chunk, false, this.push, noop));
  }

  end(): void {
    this.check(this.api.parse(undefined, true, this.push, noop));
  }

  private check(err: Error | undefined): void {
    if (this.rejection) throw this.rejection;
    if (err) throw err;
  }
}

function noop(): void {}

/** The part of csv-parse's engine (`Parser#api`, stable in csv-parse 6) that readCsvRows drives. */
interface ParserEngine {
  readonly info: { readonly lines: number };
  parse(buf: Buffer | undefined, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined;
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

function describeSyntaxError(err: CsvError, line: number, lastRecordLine: number): { line: number; reason: string } {
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line: lastRecordLine + 1, reason: 'a quoted value that starts here is never closed (the file ends inside quotes)' };
    case 'INVALID_OPENING_QUOTE':
      return { line, reason: 'a quote appears inside an unquoted value (quote the whole value and double any quote inside it)' };
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { line, reason: 'a closing quote is followed by other characters instead of a comma or the end of the line' };
    default:
      return { line, reason: `the row is not valid CSV (${err.message})` };
  }
}
