import { readFileSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import { formatInputIssue, JobError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';
import { buildCalendarDays, parseHolidayCsv, type CalendarDay } from '../../seeds/calendar-days.js';
import { seedFilePath } from '../../seeds/seed-files.js';

export const HOLIDAY_FILE = 'hk-holidays.csv';

/** Reads `seeds/hk-holidays.csv` and expands it to every calendar day of the seeded span. */
export function readSeedCalendar(): CalendarDay[] {
  const path = seedFilePath(HOLIDAY_FILE);
  const { holidays, issues } = parseHolidayCsv(readFileSync(path, 'utf8'), path);
  if (issues.length > 0) throw new JobError(`the holiday seed is broken: ${formatInputIssue(issues[0]!)}`);
  return buildCalendarDays(holidays);
}

/**
 * Writes the seeded calendar in one transaction. Idempotent; a day already recorded from real data
 * (source `dayquot`, `data` or `user`, e.g. a typhoon closure) is left as it is: the seed only
 * fills in and refreshes its own rows.
 */
export function seedCalendar(store: Store, days: readonly CalendarDay[]): { days: number; tradingDays: IsoDate[] } {
  const upsert = store.sqlite.prepare(
    `INSERT INTO calendar (date, is_trading_day, source, note) VALUES (?, ?, 'seed', ?)
     ON CONFLICT (date) DO UPDATE SET is_trading_day = excluded.is_trading_day, note = excluded.note
     WHERE calendar.source = 'seed'`,
  );
  store.sqlite.transaction(() => {
    for (const d of days) upsert.run(d.date, d.isTradingDay ? 1 : 0, d.note);
  })();
  const rows = store.sqlite
    .prepare(`SELECT date FROM calendar WHERE is_trading_day = 1 AND date BETWEEN ? AND ? ORDER BY date`)
    .pluck()
    .all(days[0]?.date ?? '', days[days.length - 1]?.date ?? '') as IsoDate[];
  return { days: days.length, tradingDays: rows };
}
