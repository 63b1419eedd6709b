import type { Store } from '../db/connection.js';
import { TradingDayCheck } from './trading-days.js';

/** The store's trading calendar as a TradingDayCheck (read once per file). */
export function readTradingDayCheck(store: Store): TradingDayCheck {
  const rows = store.sqlite.prepare('SELECT date, is_trading_day, source, note FROM calendar').all() as Array<{ date: string; is_trading_day: number; source: string; note: string | null }>;
  return new TradingDayCheck(rows.map((r) => ({ date: r.date, isTradingDay: r.is_trading_day === 1, source: r.source, note: r.note })));
}

/** Every stock code in `securities` (a few thousand; read once per file). */
export function readKnownCodes(store: Store): Set<string> {
  const rows = store.sqlite.prepare('SELECT code FROM securities').pluck().all() as string[];
  return new Set(rows);
}

/** Every security's listing date that is not inferred, by code (read once per file). */
export function readListingDates(store: Store): Map<string, string> {
  // An inferred listing date (HKEX's list gives none) is not a line: earlier records move it back instead.
  const rows = store.sqlite.prepare('SELECT code, listing_date FROM securities WHERE listing_date_inferred = 0').raw().all() as Array<[string, string]>;
  return new Map(rows);
}
