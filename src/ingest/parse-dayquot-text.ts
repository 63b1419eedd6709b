import { isIsoDate, weekday } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';

/**
 * Small pure helpers for the HKEX daily quotations report (`dYYMMDDe.htm`): turning one raw HTML
 * line into the text a browser would show, reading its numbers and its header date.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
};

/** Decodes the HTML entities the report uses (`&amp;`, `&#39;`, `&#x27;`, `&nbsp;`, ...); unknown ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const n = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/**
 * The visible text of one raw line: tags removed (a page break puts `</font></pre><pre><font size='1'>`
 * in front of a data line), entities decoded, trailing blanks and carriage returns dropped.
 */
export function toVisibleText(rawLine: string): string {
  // The includes() guards and trimEnd() (not /\s+$/, which backtracks) keep 2,000-row reports fast.
  let text = rawLine.includes('<') ? rawLine.replace(/<[^>]*>/g, '') : rawLine;
  if (text.includes('&')) text = decodeEntities(text);
  return text.trimEnd();
}

/** The start of a first line: markers, the code, more markers, then the rest (name onwards). */
export interface RowHead { readonly markers: string; readonly digits: string; readonly rest: string }

/**
 * Reads `*  700 TENCENT ...`, `   700# TENCENT ...`, `     1 CKH ...`: spaces and `*`/`#` markers,
 * one to five digits, at least one space or marker, then the rest. Null when the line is no first line.
 * Hand-written: an equivalent regex with optional markers on both sides backtracks heavily.
 */
export function readRowHead(line: string): RowHead | null {
  let i = 0;
  let markers = '';
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '*' || c === '#') markers += c;
    else if (c !== ' ' && c !== '\t') break;
  }
  const start = i;
  while (i < line.length && line.charCodeAt(i) >= 48 && line.charCodeAt(i) <= 57) i++;
  if (i === start || i - start > 5) return null;
  const digits = line.slice(start, i);
  const afterDigits = i;
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '*' || c === '#') markers += c;
    else if (c !== ' ' && c !== '\t') break;
  }
  if (i === afterDigits || i === line.length) return null;
  return { markers, digits, rest: line.slice(i) };
}

/** Splits off the last `n` whitespace-separated tokens: [the text before them, the tokens]; null if fewer. */
export function splitTail(text: string, n: number): [string, string[]] | null {
  const tokens: string[] = [];
  let end = text.length;
  while (tokens.length < n) {
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start--;
    if (start === end) return null;
    tokens.unshift(text.slice(start, end));
    end = start;
  }
  return [text.slice(0, end).trimEnd(), tokens];
}

function isBlank(charCode: number): boolean {
  return charCode === 32 || charCode === 9;
}

/** A report cell: `-` (no trade) and `N/A` are null; otherwise a number with optional thousands separators. */
export type CellValue = { ok: true; value: number | null } | { ok: false };

const NUMBER_RE = /^\d{1,3}(,\d{3})*(\.\d+)?$|^\d+(\.\d+)?$/;

/** Reads one whitespace-free cell of the report. */
export function parseCell(token: string): CellValue {
  if (token === '-' || token.toUpperCase() === 'N/A') return { ok: true, value: null };
  if (!NUMBER_RE.test(token)) return { ok: false };
  return { ok: true, value: Number(token.replace(/,/g, '')) };
}

/** True when a token is a report cell (a number, `-` or `N/A`). */
export function isCellToken(token: string): boolean {
  return parseCell(token).ok;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** What the `DATE: 01 SEP 2026 (TUESDAY)` header says, or why it cannot be read. */
export type HeaderDate = { date: IsoDate; reason?: undefined } | { date?: undefined; reason: string };

/** Reads the header date of a visible line holding `DATE:`; null when the line holds none. */
export function parseHeaderDate(visibleLine: string): HeaderDate | null {
  const m = /\bDATE:\s*(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{4})(?:\s*\(\s*([A-Za-z]+)\s*\))?/.exec(visibleLine);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toUpperCase()) + 1;
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  if (month === 0 || !isIsoDate(date)) return { reason: `the header date "${m[1]} ${m[2]} ${m[3]}" is not a real calendar date` };
  const day = m[4]?.toUpperCase();
  if (day !== undefined && WEEKDAYS.indexOf(day) + 1 !== weekday(date)) {
    return { reason: `the header date ${date} is not a ${day}` };
  }
  return { date };
}
