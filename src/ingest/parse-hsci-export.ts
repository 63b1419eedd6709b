import type { InputIssue } from '../domain/errors.js';
import type { StockCode } from '../domain/types.js';
import { Bad, parseCode } from './fields.js';
import { unreadable, type ParsedFile } from './parsed-file.js';
import { cellText, excelSerialToIsoDate, sheetRowsOrReason, type SheetRow, type XlsxValue } from './xlsx/read-xlsx.js';

/** Which Hang Seng index an export lists: the HSCI itself or one of its size indexes. */
export type HsciExportIndex = 'HSCI' | 'LARGE' | 'MID' | 'SMALL' | 'LARGE_MID';

export interface HsciExportRow {
  readonly line: number;
  readonly date: string;
  readonly index: HsciExportIndex;
  readonly code: StockCode;
  readonly name: string;
}

/** The index an export's "Index" cell names, or null for an index that is not the HSCI or one of its size indexes. */
export function indexOfName(name: string): HsciExportIndex | null {
  const n = name.replace(/\s+/g, ' ').trim();
  if (!/^Hang Seng Composite\b/i.test(n)) return null;
  if (/LargeCap ?(&|and) ?MidCap/i.test(n)) return 'LARGE_MID';
  if (/LargeCap/i.test(n)) return 'LARGE';
  if (/MidCap/i.test(n)) return 'MID';
  if (/SmallCap/i.test(n)) return 'SMALL';
  return /^Hang Seng Composite Index$/i.test(n) ? 'HSCI' : null;
}

const header = (v: XlsxValue) => cellText(v).replace(/\s+/g, ' ').toLowerCase();

/**
 * Parses a Hang Seng Indexes constituent export (.xlsx) as published (pure): the header row found by
 * "Stock Code" and "Index" (rich-text cells joined), the headers repeated at page breaks skipped, the
 * date from the Date column (an Excel date or dd-mm-yyyy), the index from the Index column. Rows of
 * another date than the first row's, or of an index that is not the HSCI family, are issues.
 */
export function parseHsciExport(bytes: Uint8Array, fileName: string): ParsedFile<HsciExportRow> {
  const sheet = sheetRowsOrReason(bytes);
  if ('reason' in sheet) return unreadable(fileName, sheet.reason);
  const rows = sheet.rows;
  const headerAt = rows.findIndex((r) => r.cells.some((c) => header(c) === 'stock code') && r.cells.some((c) => header(c) === 'index'));
  if (headerAt === -1) return unreadable(fileName, 'no row names the columns "Stock Code" and "Index", so this is not a Hang Seng constituent export');
  const names = rows[headerAt]!.cells.map(header);
  const at = { date: names.findIndex((n) => n.startsWith('date')), index: names.indexOf('index'), code: names.indexOf('stock code'), name: names.indexOf('stock name') };
  if (at.date === -1) return unreadable(fileName, `the header (line ${rows[headerAt]!.line}) lacks the column "Date"`);
  const out: HsciExportRow[] = [];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  let asOf: string | undefined;
  for (const row of rows.slice(headerAt + 1)) {
    const cell = (i: number) => (i === -1 ? null : row.cells[i] ?? null);
    if (header(cell(at.index)) === 'index' && header(cell(at.code)) === 'stock code') continue; // a header repeated at a page break
    const issue = (field: string, reason: string) => issues.push({ file: fileName, line: row.line, field, reason });
    const date = exportDate(cell(at.date));
    if (date instanceof Bad) { issue('Date', date.reason); continue; }
    asOf ??= date;
    if (date !== asOf) { issue('Date', `${date} differs from the export's date ${asOf} (line ${out[0]?.line ?? row.line}); one export is one day`); continue; }
    const indexName = cellText(cell(at.index));
    const index = indexOfName(indexName);
    if (index === null) { issue('Index', `"${indexName}" is not the Hang Seng Composite Index or one of its LargeCap / MidCap / SmallCap indexes`); continue; }
    const code = parseCode(cellText(cell(at.code)));
    if (code instanceof Bad) { issue('Stock Code', code.reason); continue; }
    if (seen.has(`${index} ${code}`)) { issue('Stock Code', `an earlier line of this file already lists ${code} in ${indexName}`); continue; }
    seen.add(`${index} ${code}`);
    out.push({ line: row.line, date, index, code, name: cellText(cell(at.name)) });
  }
  return asOf === undefined ? { rows: out, issues } : { rows: out, issues, asOf };
}

/** A Date cell: an Excel serial day, or text dd-mm-yyyy (as the export's header says). */
function exportDate(value: XlsxValue): string | Bad {
  if (typeof value === 'number') return excelSerialToIsoDate(value) ?? new Bad(`${value} is not an Excel date`);
  const s = cellText(value);
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  if (!m) return new Bad(s === '' ? 'the date is missing' : `"${s}" is not a date of the form dd-mm-yyyy`);
  const iso = `${m[3]}-${m[2]}-${m[1]}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : new Bad(`"${s}" is not a real calendar date`);
}
