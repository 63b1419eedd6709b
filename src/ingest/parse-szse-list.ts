import type { InputIssue } from '../domain/errors.js';
import type { StockCode } from '../domain/types.js';
import { Bad, parseCode, parseDate } from './fields.js';
import { unreadable, type ParsedFile } from './parsed-file.js';
import { cellText, sheetRowsOrReason } from './xlsx/read-xlsx.js';

/** One security of the SZSE Southbound (Shenzhen-Hong Kong Connect) list. */
export interface SzseListEntry {
  readonly line: number;
  readonly code: StockCode;
  readonly name: string;
}

/** What the JSON pages say about the whole list: the pages present, how many there are, how many rows in all. */
export interface SzsePages {
  readonly pageNos: readonly number[];
  readonly pageCount: number;
  readonly recordCount: number;
  /** The report the pages are of (`metadata.catalogid`, SGT_GGTBDQD for this list), when stated. */
  readonly catalog?: string;
}

const stripTags = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim();

/**
 * Parses SZSE's report API pages for the 港股通标的证券名单 (catalog SGT_GGTBDQD) as served (pure): a
 * page is `[{"metadata": {"subname": "2026-08-03", "pageno": 1, "pagecount": 3, "recordcount": 45, ...},
 * "data": [{"zqdm": "00001", "zqjc": "长和", "zqywjc": "CKH HOLDINGS"}, ...]}]`; a file may hold one page
 * or several pages' blocks in one array. The date is `subname`; `pages` says whether the list is
 * complete (`missingPages`). A row's `line` is its position in the file's data (1-based).
 */
export function parseSzseListJson(text: string, fileName: string): ParsedFile<SzseListEntry> & { pages?: SzsePages } {
  let payload: unknown;
  try {
    payload = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return unreadable(fileName, `the file is not valid JSON (${(err as Error).message})`);
  }
  const blocks = Array.isArray(payload) ? payload.filter((b) => b && typeof b === 'object' && Array.isArray((b as Record<string, unknown>).data)) as Array<Record<string, unknown>> : [];
  if (blocks.length === 0) return unreadable(fileName, 'the JSON is not an SZSE report page ([{"metadata": {...}, "data": [...]}])');
  const rows: SzseListEntry[] = [];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  const pageNos: number[] = [];
  let line = 0;
  let meta: Record<string, unknown> = {};
  for (const block of blocks) {
    meta = (block.metadata ?? {}) as Record<string, unknown>;
    pageNos.push(Number(meta.pageno ?? 1));
    for (const item of block.data as unknown[]) {
      line++;
      const r = (item ?? {}) as Record<string, unknown>;
      const code = parseCode(stripTags(String(r.zqdm ?? '')));
      if (code instanceof Bad) { issues.push({ file: fileName, line, field: 'zqdm', reason: code.reason }); continue; }
      if (seen.has(code)) { issues.push({ file: fileName, line, field: 'zqdm', reason: `${code} appears twice in the list` }); continue; }
      seen.add(code);
      rows.push({ line, code, name: stripTags(String(r.zqjc ?? '')) || stripTags(String(r.zqywjc ?? '')) });
    }
  }
  const subname = parseDate(String(meta.subname ?? '').slice(0, 10));
  const catalog = typeof meta.catalogid === 'string' ? { catalog: meta.catalogid } : {};
  const pages = { pageNos, pageCount: Number(meta.pagecount ?? 1), recordCount: Number(meta.recordcount ?? line), ...catalog };
  return { rows, issues, ...(subname instanceof Bad ? {} : { asOf: subname }), pages };
}

/** The pages of 1..pageCount that `pages` lacks (empty when the list is complete). */
export function missingPages(pages: SzsePages): number[] {
  const have = new Set(pages.pageNos);
  return Array.from({ length: pages.pageCount }, (_, i) => i + 1).filter((n) => !have.has(n));
}

/**
 * Parses SZSE's xlsx download of the same list (sheet 港股通标的证券名单; columns 港股代码, 中文简称,
 * 英文简称; the header may sit under title rows) (pure). The workbook states no date: give --as-of.
 */
export function parseSzseListXlsx(bytes: Uint8Array, fileName: string): ParsedFile<SzseListEntry> {
  const sheet = sheetRowsOrReason(bytes);
  if ('reason' in sheet) return unreadable(fileName, sheet.reason);
  const headerAt = sheet.rows.findIndex((r) => r.cells.some((c) => cellText(c) === '港股代码'));
  if (headerAt === -1) return unreadable(fileName, 'no row names the column 港股代码, so this is not the SZSE Southbound list');
  const header = sheet.rows[headerAt]!.cells.map((c) => cellText(c));
  const at = { code: header.indexOf('港股代码'), cn: header.indexOf('中文简称'), en: header.indexOf('英文简称') };
  const rows: SzseListEntry[] = [];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const row of sheet.rows.slice(headerAt + 1)) {
    const cell = (i: number) => (i === -1 ? '' : cellText(row.cells[i] ?? null));
    const code = parseCode(cell(at.code));
    if (code instanceof Bad) { issues.push({ file: fileName, line: row.line, field: '港股代码', reason: code.reason }); continue; }
    if (seen.has(code)) { issues.push({ file: fileName, line: row.line, field: '港股代码', reason: `an earlier line of this file already lists ${code}` }); continue; }
    seen.add(code);
    rows.push({ line: row.line, code, name: cell(at.cn) || cell(at.en) });
  }
  return { rows, issues };
}
