import { DateTime } from 'luxon';
import type { IsoDate } from './types.js';

/** Hong Kong's zone: every instant-to-date computation happens here. */
export const HK_ZONE = 'Asia/Hong_Kong';

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

/*
 * Calendar-date arithmetic on `YYYY-MM-DD` strings with plain integer math. A date has no zone
 * (Hong Kong has no daylight saving either), so luxon is only needed for instants
 * (`hongKongDateOf`, the scheduler). Keeping it off the review path saves its ~25 ms first-call
 * set-up in every CLI process; test/domain/dates.test.ts checks agreement with luxon.
 */

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!ISO_RE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Why `s` is not a real `YYYY-MM-DD` date, as the end of a sentence that starts with the option or
 * field (`2026-02-30 does not exist: February 2026 has 28 days`); null when it is one.
 */
export function dateProblem(s: string): string | null {
  if (!ISO_RE.test(s)) return `"${s}" is not a date of the form YYYY-MM-DD`;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12) return `${s} does not exist: there is no month ${s.slice(5, 7)}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${s} does not exist: ${MONTH_NAMES[month - 1]} ${year} has ${last} days`;
  return null;
}

/** Parses a `YYYY-MM-DD` date; throws a RangeError naming the input when it is not a real date. */
export function toDateTime(d: IsoDate): DateTime {
  if (!ISO_RE.test(d)) throw new RangeError(`"${d}" is not a date of the form YYYY-MM-DD`);
  const dt = DateTime.fromISO(d, { zone: HK_ZONE });
  if (!dt.isValid) throw new RangeError(`"${d}" is not a real calendar date`);
  return dt;
}

export function fromDateTime(dt: DateTime): IsoDate {
  return dt.toFormat('yyyy-MM-dd');
}

/** The parts of a real `YYYY-MM-DD` date; RangeError naming the input otherwise. */
function partsOf(d: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(d)) {
    throw new RangeError(ISO_RE.test(d) ? `"${d}" is not a real calendar date` : `"${d}" is not a date of the form YYYY-MM-DD`);
  }
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** Adds (or with a negative n subtracts) calendar months; day clamps to the month's end (31 Aug - 6 months = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = partsOf(d);
  const total = year * 12 + month - 1 + n;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  const t = new Date(epochMsOf(d) + n * DAY_MS);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((epochMsOf(b) - epochMsOf(a)) / DAY_MS);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekday(d: IsoDate): number {
  const w = new Date(epochMsOf(d)).getUTCDay();
  return w === 0 ? 7 : w;
}

/**
 * A month as one integer (year x 12 + month - 1), read from the `YYYY-MM-DD` characters without
 * allocating or validating (callers pass dates already known to be real).
 */
export function monthIndexOf(d: IsoDate): number {
  const year = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10
    + (d.charCodeAt(3) - 48);
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a date. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}

/** Last calendar day of the month of d. */
export function endOfMonth(d: IsoDate): IsoDate {
  const { year, month } = partsOf(d);
  return formatDate(year, month, daysInMonth(year, month));
}

/** Today in Hong Kong, from an injected instant (never read the clock in the core). */
export function hongKongDateOf(instant: Date): IsoDate {
  return fromDateTime(DateTime.fromJSDate(instant, { zone: HK_ZONE }));
}

const DAY_MS = 86_400_000;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function epochMsOf(d: IsoDate): number {
  const { year, month, day } = partsOf(d);
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  return t.getTime();
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** An instant as Hong Kong local time with offset, seconds precision: `2026-07-02T09:00:00+08:00`. */
export function formatHongKongInstant(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: HK_ZONE }).startOf('second').toISO({ suppressMilliseconds: true }) ?? instant.toISOString();
}

/**
 * A stored timestamp (ISO, UTC) shown in Hong Kong time, as every output shows instants
 * (`2026-12-04T12:43:16.304Z` -> `2026-12-04T20:43:16+08:00`); null and unreadable text pass through.
 */
export function hongKongTimestamp(iso: string | null): string | null {
  if (iso === null) return null;
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatHongKongInstant(instant);
}
