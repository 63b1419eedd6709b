import type { IsoDate } from '../domain/types.js';
import { monthIndexOf } from './month-index.js';

/**
 * Date arithmetic for the per-security hot path, on `YYYY-MM-DD` strings with plain integer math
 * (Hong Kong has no daylight saving, so calendar days are all the domain needs). Agrees with
 * domain/dates.ts addMonths/addDays (luxon), which is too slow to call 2,700 times per screen.
 */
export function shiftMonths(d: IsoDate, n: number): IsoDate {
  const total = monthIndexOf(d) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min((d.charCodeAt(8) - 48) * 10 + d.charCodeAt(9) - 48, daysInMonth(year, month));
  return formatDate(year, month, day);
}

export function shiftDays(d: IsoDate, n: number): IsoDate {
  const t = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)) + n));
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekdayOf(d: IsoDate): number {
  const w = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)))).getUTCDay();
  return w === 0 ? 7 : w;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
