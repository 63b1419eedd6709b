import { unzipSync } from 'fflate';
import { readSheetXml, readSharedStrings, type SheetRow } from './sheet-xml.js';
import { firstSheetPath } from './workbook-xml.js';

export type { SheetRow, XlsxValue } from './sheet-xml.js';

/** The first worksheet of a workbook: its name and its non-empty rows, by the row numbers the sheet gives. */
export interface XlsxSheet {
  readonly sheetName: string;
  readonly rows: readonly SheetRow[];
}

/** Above this many uncompressed bytes in the parts we read, the file is refused (a zip bomb, not a list). */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';

/**
 * Reads the first worksheet of an .xlsx file (pure: bytes in, rows out). Written for the files as
 * published, which the big libraries misread: any namespace prefix (`<x:row>`), a `<dimension>` that
 * is ignored (HKEX's says A1:U8 over 18,501 rows), shared strings, rich-text runs (`<r><t>`, phonetic
 * `<rPh>` runs skipped), inline strings (`t="inlineStr"`) and formula strings (`t="str"`). Cell
 * positions come from each cell's `r` (`AB12`), else from its order. Dates stay numbers (Excel serial
 * days); the caller knows which columns are dates. Throws XlsxError with a sentence for a file that
 * is not a readable workbook.
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new XlsxError('the file is not an .xlsx workbook (it is not a zip archive; was it saved as CSV or as the old .xls?)');
  }
  const wanted = new Set([WORKBOOK, WORKBOOK_RELS, SHARED_STRINGS]);
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => wanted.has(f.name) || f.name.startsWith('xl/worksheets/') });
  } catch (err) {
    throw new XlsxError(`the workbook's zip archive is damaged (${(err as Error).message}); download it again`);
  }
  let total = 0;
  for (const part of Object.values(parts)) total += part.length;
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) throw new XlsxError(`the workbook unpacks to ${total} bytes, more than the ${MAX_XLSX_UNCOMPRESSED_BYTES} accepted`);
  const text = (name: string) => (parts[name] ? new TextDecoder('utf-8').decode(parts[name]) : null);
  const workbook = text(WORKBOOK);
  if (workbook === null) throw new XlsxError('the archive has no xl/workbook.xml, so it is not an .xlsx workbook');
  try {
    const first = firstSheetPath(workbook, text(WORKBOOK_RELS));
    const sheet = text(first.path);
    if (sheet === null) throw new XlsxError(`the workbook names its first sheet ${first.path}, which the archive does not hold`);
    const shared = text(SHARED_STRINGS);
    return { sheetName: first.name, rows: readSheetXml(sheet, shared === null ? [] : readSharedStrings(shared)) };
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError((err as Error).message);
  }
}

/** A workbook that cannot be read at all; the message is one sentence for the user. */
export class XlsxError extends Error {
  override readonly name = 'XlsxError';
}

/** The text of a cell as a person would read it (numbers in plain notation, trimmed); '' when empty. */
export function cellText(value: SheetRow['cells'][number]): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.trim();
}

/** An Excel serial day number (1900 date system) as YYYY-MM-DD, or null when it is not a whole day in a sane range. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  // Day 25569 is 1970-01-01; Excel's phantom 1900-02-29 sits below every date a list holds.
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}

/** The first sheet's rows, or the sentence saying why the workbook cannot be read (for the parse* functions). */
export function sheetRowsOrReason(bytes: Uint8Array): { rows: readonly SheetRow[] } | { reason: string } {
  try {
    return { rows: readXlsx(bytes).rows };
  } catch (err) {
    if (err instanceof XlsxError) return { reason: err.message };
    throw err;
  }
}
