import type BetterSqlite3 from 'better-sqlite3';
import type { IsoDate } from '../../domain/types.js';

/** One day as `db close-day` / `ingest --open-days` found it before changing it. */
export interface CalendarDayRow {
  readonly date: IsoDate;
  readonly isTradingDay: boolean;
  readonly source: string;
  readonly note: string | null;
}

/** The calendar's row for `date`, or null when the calendar does not list it. */
export function readCalendarDay(sqlite: BetterSqlite3.Database, date: IsoDate): CalendarDayRow | null {
  const row = sqlite.prepare('SELECT date, is_trading_day, source, note FROM calendar WHERE date = ?').get(date) as
    { date: string; is_trading_day: number; source: string; note: string | null } | undefined;
  return row === undefined ? null : { date: row.date, isTradingDay: row.is_trading_day === 1, source: row.source, note: row.note };
}

/**
 * Records each of `dates` as open or closed by the user (source `user`: neither the bundled calendar's
 * migration nor `db seed` overwrites it again). Runs inside the caller's transaction when there is one.
 */
export function recordUserDays(sqlite: BetterSqlite3.Database, dates: readonly IsoDate[], open: boolean, note: string): void {
  const statement = sqlite.prepare(`INSERT INTO calendar (date, is_trading_day, source, note) VALUES (?, ?, 'user', ?)
    ON CONFLICT (date) DO UPDATE SET is_trading_day = excluded.is_trading_day, source = 'user', note = excluded.note`);
  for (const date of dates) statement.run(date, open ? 1 : 0, note);
}

/** Takes every daily record of `date` out (a day closed again); returns how many there were. */
export function deleteDailyRowsOn(sqlite: BetterSqlite3.Database, date: IsoDate): number {
  return sqlite.prepare('DELETE FROM daily WHERE date = ?').run(date).changes;
}
