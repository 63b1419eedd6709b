import type { Store } from '../db/connection.js';
import { deleteDailyRowsOn, readCalendarDay, recordUserDays } from '../db/repositories/calendar.js';
import { isIsoDate } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';

/**
 * `hkconnect db close-day DATE...`: closes days again (issue 16), e.g. a day an earlier version opened
 * on a vendor file's forward-filled holiday rows, or one opened by `ingest --open-days` by mistake. In
 * one transaction each day is recorded closed (source `user`, so neither the migration nor `db seed`
 * reopens it) and its daily rows are taken out: a closed day's rows would otherwise still sit in the
 * store. Returns one line per day saying what changed.
 */
export function closeDays(store: Store, dates: readonly string[], note: string | undefined): string[] {
  if (dates.length === 0) throw new UsageError('db close-day needs at least one date (YYYY-MM-DD).');
  for (const d of dates) if (!isIsoDate(d)) throw new UsageError(`${d} is not a real date of the form YYYY-MM-DD.`);
  const lines: string[] = [];
  store.sqlite.transaction(() => {
    for (const date of dates as IsoDate[]) {
      const before = readCalendarDay(store.sqlite, date);
      const rows = deleteDailyRowsOn(store.sqlite, date);
      recordUserDays(store.sqlite, [date], false, note ?? 'closed by db close-day');
      const was = before === null ? 'not in the calendar' : before.isTradingDay ? `open (source ${before.source})` : `already closed (source ${before.source})`;
      lines.push(`${date}: closed (was ${was}); ${rows} daily row(s) taken out.`);
    }
  })();
  return lines;
}
