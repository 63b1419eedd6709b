import type { IsoDate } from '../../src/domain/types.js';

/**
 * Calendar-date arithmetic on plain UTC dates for the generator's hot loops (Luxon's zone handling is
 * far too slow for millions of calls; a date without a time has no zone to worry about). Same
 * semantics as src/domain/dates.ts: months clamp to the month's end.
 */
export function addDaysUtc(d: IsoDate, n: number): IsoDate {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function addMonthsUtc(d: IsoDate, n: number): IsoDate {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + n;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(Number(d.slice(8, 10)), lastDay);
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
