import type { InputIssue } from '../domain/errors.js';
import type { Channel, StockCode } from '../domain/types.js';
import { Bad, parseCode, parseDate } from './fields.js';
import { readHtmlTables, type HtmlRow } from './html-tables.js';
import type { ParsedFile } from './parsed-file.js';

/** One line of an SSE / SZSE Southbound adjustment notice. */
export interface NoticeChange {
  readonly line: number;
  readonly code: StockCode;
  readonly name: string;
  readonly direction: 'add' | 'remove';
  readonly effective: string;
}

const CODE_HEADERS = ['证券代码', '港股代码', '股票代码', '代码'];
const NAME_HEADERS = ['证券简称', '中文简称', '股票简称', '简称', '英文简称'];
const DIRECTION_HEADERS = ['调整内容', '调整方向', '调整类型', '变动方向', '调入/调出', '调整'];
const DATE_HEADERS = ['生效日期', '调整日期', '实施日期'];
const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/**
 * Parses an exchange's Southbound adjustment notice as published (HTML) (pure): the tables whose
 * header names a code column; each row is 调入 (added) or 调出 (removed) by a direction column, or
 * by the caption before its table (调入名单 / 调出名单). The effective date is a row's 生效日期 /
 * 调整日期 column, else the page's "自YYYY年M月D日起" (or "生效日期：..."); `asOf` is the effective
 * date when the notice has one. `channel` is SH for an SSE notice, SZ for SZSE, when the page says.
 */
export function parseAdjustmentNotice(html: string, fileName: string): ParsedFile<NoticeChange> & { channel?: Channel } {
  const { text, rows } = readHtmlTables(html);
  const pageDate = effectiveDateOf(text);
  const out: NoticeChange[] = [];
  const issues: InputIssue[] = [];
  let header: { at: Record<'code' | 'name' | 'direction' | 'date', number>; caption: 'add' | 'remove' | null } | null = null;
  for (const row of rows) {
    const found = headerOf(row);
    if (found) { header = found; continue; }
    if (!header) continue;
    const issue = (field: string, reason: string) => issues.push({ file: fileName, line: row.line, field, reason });
    const cell = (i: number) => (i === -1 ? '' : row.cells[i] ?? '');
    const code = parseCode(cell(header.at.code));
    if (code instanceof Bad) { issue(row.cells.length ? 'code' : 'row', code.reason); continue; }
    const said = cell(header.at.direction);
    const direction = said.includes('调入') ? 'add' : said.includes('调出') ? 'remove' : header.caption;
    if (direction === null) { issue('direction', `"${said}" says neither 调入 (added) nor 调出 (removed), and the table's caption does not say either`); continue; }
    const rowDate = header.at.date === -1 ? null : chineseOrIsoDate(cell(header.at.date));
    const effective = rowDate ?? pageDate;
    if (effective === null) { issue('effective date', 'the notice gives no effective date (no 生效日期 column, no "自YYYY年M月D日起"): give it with --as-of'); continue; }
    out.push({ line: row.line, code, name: cell(header.at.name), direction, effective });
  }
  const channel: Channel | undefined = /深圳证券交易所|深港通|港股通（深）|港股通\(深\)/.test(text) ? 'SZ' : /上海证券交易所|沪港通|港股通（沪）|港股通\(沪\)/.test(text) ? 'SH' : undefined;
  const dates = [...new Set(out.map((c) => c.effective))].sort();
  return { rows: out, issues, ...(dates.length === 1 ? { asOf: dates[0]! } : {}), ...(channel ? { channel } : {}) };
}

function headerOf(row: HtmlRow): { at: Record<'code' | 'name' | 'direction' | 'date', number>; caption: 'add' | 'remove' | null } | null {
  const find = (names: readonly string[]) => row.cells.findIndex((c) => names.includes(c.replace(/\s/g, '')));
  const code = find(CODE_HEADERS);
  if (code === -1) return null;
  const caption = /调入/.test(row.before) && !/调出/.test(row.before) ? 'add' : /调出/.test(row.before) && !/调入/.test(row.before) ? 'remove' : null;
  return { at: { code, name: find(NAME_HEADERS), direction: find(DIRECTION_HEADERS), date: find(DATE_HEADERS) }, caption };
}

/** The page's effective date: "自2026年9月7日起", "生效日期：2026年9月7日", "2026-09-07起". */
export function effectiveDateOf(text: string): string | null {
  const m = /(?:自|于|生效日期[:：]?|实施日期[:：]?)\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2})/.exec(text);
  return m ? chineseOrIsoDate(m[1]!) : null;
}

function chineseOrIsoDate(s: string): string | null {
  const m = CN_DATE.exec(s);
  const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s.trim().slice(0, 10);
  const d = parseDate(iso);
  return d instanceof Bad ? null : d;
}
