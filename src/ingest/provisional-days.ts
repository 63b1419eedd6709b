import { countDailyRowsNearest, countDailyRowsOn, deleteDailyRows } from '../db/repositories/daily.js';
import type { LoadRun } from './load-run.js';
import type { TradingDayCheck } from './trading-days.js';

/**
 * Days a daily file carries data on although the seeded calendar calls them closed (or does not list
 * them). Issue 2: "a date with daily data for most securities also counts as a trading day". The rows
 * are stored provisionally; once the whole file is read (still inside its transaction) each such day is
 * settled: it becomes a trading day (calendar source `data`) when its rows cover more than half of the
 * securities listed that day and at least half as many as the nearest day with data; otherwise its
 * rows are taken out again and reported as bad rows. (A lone row on a holiday proves nothing.)
 */
export class ProvisionalDays {
  private readonly rows = new Map<string, Array<{ line: number; code: string }>>();
  /** Per date: does it need settling? (A file has few dates and up to millions of rows.) */
  private readonly unsettled = new Map<string, boolean>();

  constructor(private readonly calendar: TradingDayCheck) {}

  /** Whether rows on `date` must be noted (and the day settled once the file is read). */
  private needsSettling(date: string): boolean {
    let unsettled = this.unsettled.get(date);
    if (unsettled === undefined) {
      unsettled = this.calendar.mayBeProvenOpen(date);
      this.unsettled.set(date, unsettled);
    }
    return unsettled;
  }

  /** Records a stored row if its day still has to be settled. */
  note(date: string, line: number, code: string): void {
    if (!this.needsSettling(date)) return;
    const list = this.rows.get(date);
    if (list) list.push({ line, code });
    else this.rows.set(date, [{ line, code }]);
  }

  /** Settles every noted day: opens it in the calendar, or removes and rejects its rows; returns the days whose rows were removed. */
  settle(run: LoadRun): Set<string> {
    const removed = new Set<string>();
    if (this.rows.size === 0) return removed;
    const db = run.store.sqlite;
    const listedOn = db.prepare(`SELECT count(*) FROM securities
        WHERE listing_date <= @date AND (delisting_date IS NULL OR delisting_date > @date)`).pluck();
    const open = db.prepare(`INSERT INTO calendar (date, is_trading_day, source, note) VALUES (?, 1, 'data', ?)
        ON CONFLICT (date) DO UPDATE SET is_trading_day = 1, source = 'data', note = excluded.note`);
    for (const date of [...this.rows.keys()].sort()) {
      const rows = this.rows.get(date)!;
      const n = countDailyRowsOn(db, date);
      const reference = countDailyRowsNearest(db, date);
      const listed = listedOn.get({ date }) as number;
      if (n * 2 > listed && reference > 0 && n * 2 >= reference) {
        open.run(date, `daily data for ${n} of ${listed} listed securities`);
        continue;
      }
      const reason = this.calendar.reasonNotTrading(date);
      if (reason === null) continue; // beyond the seeded calendar: accepted as before, just not proven open
      deleteDailyRows(db, date, new Set(rows.map((r) => r.code)));
      removed.add(date);
      for (const r of rows) {
        run.rowsStored -= 1;
        run.reject({ line: r.line, field: 'date', reason: `${reason}; the file's ${rows.length} row(s) that day cover too few securities to show the market was open` });
      }
    }
    return removed;
  }
}
