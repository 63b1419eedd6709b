import type { Store } from '../db/connection.js';
import { countDailyRowsOn } from '../db/repositories/daily.js';
import type { IsoDate } from '../domain/types.js';
import { isDayComplete } from './schedule-plan.js';

/** What the store says about the data for one cut-off (read by the scheduler, issue 6). */
export type CutoffData =
  | { readonly ready: true; readonly tradingDay: IsoDate }
  | { readonly ready: false; readonly reason: string };

/** The last `limit` trading days on or before `d`, newest first, from the `calendar` table. */
export function readTradingDaysOnOrBefore(store: Store, d: IsoDate, limit: number): IsoDate[] {
  const rows = store.sqlite
    .prepare('SELECT date FROM calendar WHERE is_trading_day = 1 AND date <= ? ORDER BY date DESC LIMIT ?')
    .all(d, limit) as Array<{ date: string }>;
  return rows.map((r) => r.date);
}

export function countDailyRows(store: Store, d: IsoDate): number {
  return countDailyRowsOn(store.sqlite, d);
}

function readCalendarEnd(store: Store): IsoDate | null {
  const row = store.sqlite.prepare('SELECT MAX(date) AS d FROM calendar').get() as { d: string | null };
  return row.d;
}

/** Whether the daily data of trading day `day` is complete, with the trading day before it as baseline. */
function isTradingDayComplete(store: Store, day: IsoDate, previousDay: IsoDate | undefined, minFraction: number): boolean {
  const rowsOnDay = countDailyRows(store, day);
  const rowsOnPreviousDay = previousDay ? countDailyRows(store, previousDay) : 0;
  return isDayComplete({ rowsOnDay, rowsOnPreviousDay }, minFraction);
}

/**
 * Is the data for cut-off C in? The calendar must reach C (a row dated C or later, so "the last
 * trading day on or before C" is known), and the daily data of that trading day must be complete
 * (`isDayComplete`). The reason names the date the scheduler waits for.
 */
export function checkCutoffData(store: Store, cutoff: IsoDate, minFraction: number): CutoffData {
  const end = readCalendarEnd(store);
  if (end === null || end < cutoff) {
    return { ready: false, reason: `the trading calendar does not reach ${cutoff}` };
  }
  const [day, previous] = readTradingDaysOnOrBefore(store, cutoff, 2);
  if (!day) return { ready: false, reason: `no trading day on or before ${cutoff} in the calendar` };
  if (!isTradingDayComplete(store, day, previous, minFraction)) {
    return { ready: false, reason: `waiting for data for ${day}` };
  }
  return { ready: true, tradingDay: day };
}

/**
 * The latest trading day on or before `todayHk` whose data is complete, looking back at most
 * `lookBack` trading days (today's data arrives only after the close); null when none is.
 */
export function findLatestCompleteDay(store: Store, todayHk: IsoDate, minFraction: number, lookBack = 5): IsoDate | null {
  const days = readTradingDaysOnOrBefore(store, todayHk, lookBack + 1);
  for (let i = 0; i < Math.min(lookBack, days.length); i++) {
    if (isTradingDayComplete(store, days[i]!, days[i + 1], minFraction)) return days[i]!;
  }
  return null;
}
