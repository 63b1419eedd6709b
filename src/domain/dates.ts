import { DateTime } from 'luxon';
import type { IsoDate } from './types.js';

/** Hong Kong's zone: every calendar computation happens here (STYLE.md "Data and numbers"). */
export const HK_ZONE = 'Asia/Hong_Kong';

const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  if (!ISO_RE.test(s)) return false;
  return DateTime.fromISO(s, { zone: HK_ZONE }).isValid;
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

/** Adds (or with a negative n subtracts) calendar months; day clamps to the month's end (31 Aug - 6 months = 28/29 Feb). */
export function addMonths(d: IsoDate, n: number): IsoDate {
  return fromDateTime(toDateTime(d).plus({ months: n }));
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return fromDateTime(toDateTime(d).plus({ days: n }));
}

/** Whole days from a to b (b - a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(toDateTime(b).diff(toDateTime(a), 'days').days);
}

/** ISO weekday, 1 = Monday ... 7 = Sunday. */
export function weekday(d: IsoDate): number {
  return toDateTime(d).weekday;
}

/** `YYYY-MM` of a date. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}

/** Last calendar day of the month of d. */
export function endOfMonth(d: IsoDate): IsoDate {
  return fromDateTime(toDateTime(d).endOf('month'));
}

/** Today in Hong Kong, from an injected instant (never read the clock in the core). */
export function hongKongDateOf(instant: Date): IsoDate {
  return fromDateTime(DateTime.fromJSDate(instant, { zone: HK_ZONE }));
}
