import { normalizeStockCode } from '../domain/codes.js';
import type { StockCode } from '../domain/types.js';

/**
 * Per-field parsers for CSV cells. Each returns the parsed value or a `Bad` (the reason, as a value;
 * no exceptions). Hot paths allocate nothing on success. Cells are trimmed; `''` means "not given".
 */
export class Bad {
  constructor(readonly reason: string) {}
}

/** Above this a market cap or turnover is absurd (HK$100tn), not data. */
export const MAX_MONEY_HKD = 100_000_000_000_000;

const CODE_RE = /^\d{1,5}$/;
const PLAIN_NUMBER_RE = /^\d+(\.\d+)?$/;
const INTEGER_RE = /^\d+$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `700`, `0700`, `00700`, `700.HK`, `0700.HK`, `700 HK`, `700 HK Equity` -> `00700`; letters, signs or six digits are bad. */
export function parseCode(cell: string): StockCode | Bad {
  const s = cell.trim();
  if (CODE_RE.test(s)) return s.length === 5 ? s : s.padStart(5, '0');
  if (s === '') return new Bad('the stock code is missing');
  const ticker = normalizeStockCode(s);
  if (ticker !== null) return ticker;
  return new Bad(`"${clip(s)}" is not a stock code (1 to 5 digits, such as 700 or 00700)`);
}

/** A real calendar date written YYYY-MM-DD (checked without Luxon; results cached by the callers that need speed). */
export function parseDate(cell: string): string | Bad {
  const s = cell.trim();
  const m = DATE_RE.exec(s);
  if (!m) return new Bad(s === '' ? 'the date is missing' : `"${clip(s)}" is not a date of the form YYYY-MM-DD`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return new Bad(`"${clip(s)}" is not a real calendar date`);
  return s;
}

/** Whole days since 1970-01-01 of a valid YYYY-MM-DD date. */
export function dayNumberOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** ISO weekday (1 = Monday ... 7 = Sunday) of a valid YYYY-MM-DD date. */
export function weekdayOf(date: string): number {
  const d = new Date(dayNumberOf(date) * 86_400_000).getUTCDay();
  return d === 0 ? 7 : d;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Money in HK$: plain digits with an optional decimal part, rounded to whole HK$. Rejected, each
 * with its own reason: blank, a sign, thousands separators, exponent notation that is not a whole
 * amount (4.5E+12 is read, 4.5E-1 is not), anything else non-numeric, and values above MAX_MONEY_HKD.
 */
export function parseMoneyHkd(cell: string): number | Bad {
  const plain = plainDigits(cell);
  if (plain >= 0 && plain <= MAX_MONEY_HKD) return plain;
  const s = cell.trim();
  if (PLAIN_NUMBER_RE.test(s)) {
    const value = Math.round(Number(s));
    if (value > MAX_MONEY_HKD) return new Bad(`${clip(s)} is above HK$100tn, which is not a plausible amount`);
    if (!Number.isSafeInteger(value)) return new Bad(`${clip(s)} is not a whole number of HK$ that can be stored exactly`);
    return value;
  }
  const whole = wholeFromExponent(s, 'HK$');
  if (typeof whole === 'number' && whole > MAX_MONEY_HKD) return new Bad(`${clip(s)} is above HK$100tn, which is not a plausible amount`);
  return whole ?? new Bad(describeBadNumber(s));
}

const EXPONENT_RE = /^(\d+)(?:\.(\d+))?[eE]\+?(-?\d{1,3})$/;

/**
 * A number in exponent notation (`4.5E+12`, what spreadsheets and vendors write) when it denotes an
 * exact whole number: the mantissa's decimals fit within the exponent. `4.5E-1` or `1.2345E+2` are
 * Bad (not whole); a cell that is not exponent notation gives null.
 */
export function wholeFromExponent(s: string, unit: string): number | Bad | null {
  const m = EXPONENT_RE.exec(s);
  if (!m) return null;
  const digits = m[1]! + (m[2] ?? '');
  const scale = (m[2] ?? '').length - Number(m[3]); // digits to the right of the point once the exponent is applied
  if (scale > 0 && !/^0*$/.test(digits.slice(Math.max(0, digits.length - scale)))) return new Bad(`${clip(s)} is not a whole number of ${unit}; exponent notation is accepted only for whole amounts such as 4.5E+12`);
  const value = Number(s);
  if (!Number.isSafeInteger(value)) return new Bad(`${clip(s)} is too large to store exactly`);
  return value;
}

/** A non-negative decimal (a closing price); blank -> null. */
export function parseOptionalDecimal(cell: string): number | null | Bad {
  if (isPlainDecimal(cell)) return Number(cell);
  const s = cell.trim();
  if (s === '') return null;
  if (PLAIN_NUMBER_RE.test(s)) return Number(s);
  return new Bad(describeBadNumber(s));
}

/** A non-negative whole number (a volume, a share count); blank -> null. */
export function parseOptionalCount(cell: string): number | null | Bad {
  const plain = plainDigits(cell);
  if (plain >= 0) return plain;
  const s = cell.trim();
  if (s === '') return null;
  if (INTEGER_RE.test(s)) {
    const value = Number(s);
    return Number.isSafeInteger(value) ? value : new Bad(`${clip(s)} is too large to store exactly`);
  }
  const whole = wholeFromExponent(s, 'units');
  if (whole !== null) return whole;
  return new Bad(PLAIN_NUMBER_RE.test(s) ? `${clip(s)} is not a whole number` : describeBadNumber(s));
}

/**
 * The fast path of the number parsers (a daily file holds millions of cells): the value of a cell of
 * 1 to 15 ASCII digits and nothing else, exact as a double; -1 for anything else (blank, spaces, a
 * sign, a point, 16+ digits), which the callers then read through their full, validating path.
 */
function plainDigits(cell: string): number {
  const n = cell.length;
  if (n === 0 || n > 15) return -1;
  let v = 0;
  for (let i = 0; i < n; i += 1) {
    const d = cell.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Digits, optionally one point with digits on both sides, and nothing else (what PLAIN_NUMBER_RE accepts, untrimmed). */
function isPlainDecimal(cell: string): boolean {
  const n = cell.length;
  let point = -1;
  for (let i = 0; i < n; i += 1) {
    const c = cell.charCodeAt(i);
    if (c === 46 && point === -1 && i > 0 && i < n - 1) point = i;
    else if (c < 48 || c > 57) return false;
  }
  return n > 0;
}

function describeBadNumber(s: string): string {
  if (s === '') return 'the value is missing';
  if (/^-\s*\d/.test(s)) return `${clip(s)} is negative; amounts cannot be below zero`;
  if (/^\+?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return `${clip(s)} has thousands separators; write the plain number (${clip(s.replace(/,/g, ''))})`;
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(s)) return `${clip(s)} is in exponent notation, accepted only for whole amounts (such as 4.5E+12); write the plain number`;
  return `"${clip(s)}" is not a number`;
}

/** `0/1/true/false` (any case); blank -> the fallback (Bad when the fallback is undefined: required). */
export function parseBoolean(cell: string, fallback?: boolean): boolean | Bad {
  const s = cell.trim();
  if (s === '0') return false;
  if (s === '1') return true;
  const lower = s.toLowerCase();
  if (lower === 'false') return false;
  if (lower === 'true') return true;
  if (s === '' && fallback !== undefined) return fallback;
  return new Bad(s === '' ? 'the value is missing (0/1 or true/false)' : `"${clip(s)}" is not a boolean (0/1 or true/false)`);
}

/** One of `allowed` (matched case-insensitively, returned as spelled in `allowed`). */
export function parseEnum<T extends string>(cell: string, allowed: readonly T[]): T | Bad {
  const s = cell.trim();
  const upper = s.toUpperCase();
  for (const a of allowed) if (a === upper || a === s) return a;
  return new Bad(s === '' ? `the value is missing (one of ${allowed.join('/')})` : `"${clip(s)}" is not one of ${allowed.join('/')}`);
}

/** A free-float ratio, 0 < x <= 1 (a fraction, not a percentage); blank -> null. */
export function parseFreeFloat(cell: string): number | null | Bad {
  const s = cell.trim();
  if (s === '') return null;
  if (!PLAIN_NUMBER_RE.test(s)) return new Bad(`"${clip(s)}" is not a free-float fraction (0 < x <= 1)`);
  const value = Number(s);
  if (value <= 0 || value > 1) return new Bad(`${clip(s)} is outside 0 < free_float <= 1 (a fraction: 0.25 means 25%)`);
  return value;
}

/** Non-empty text of at most maxChars characters (names). */
export function parseText(cell: string, maxChars = 200): string | Bad {
  const s = cell.trim();
  if (s === '') return new Bad('the value is missing');
  if (s.length > maxChars) return new Bad(`the text is ${s.length} characters long, more than the ${maxChars} allowed`);
  return s;
}

/** Shortens a cell for a message, so that a 5 MB cell never floods the terminal. */
export function clip(s: string, max = 40): string {
  const shown = (s.length <= max ? s : s.slice(0, max)).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return s.length <= max ? shown : `${shown}... (${s.length} characters)`;
}
