import type { Store } from '../db/connection.js';
import { TradingDayCheck } from './trading-days.js';

/** The store's trading calendar as a TradingDayCheck (read once per file). */
export function readTradingDayCheck(store: Store): TradingDayCheck {
  const rows = store.sqlite.prepare('SELECT date, is_trading_day, source FROM calendar').all() as Array<{ date: string; is_trading_day: number; source: string }>;
  return new TradingDayCheck(rows.map((r) => ({ date: r.date, isTradingDay: r.is_trading_day === 1, source: r.source })));
}

/** Every stock code in `securities` (a few thousand; read once per file). */
export function readKnownCodes(store: Store): Set<string> {
  const rows = store.sqlite.prepare('SELECT code FROM securities').pluck().all() as string[];
  return new Set(rows);
}
