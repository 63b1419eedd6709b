import type { Store } from '../../src/db/connection.js';
import { DailyDays, DayColumns } from '../../src/db/daily-days.js';

/**
 * Writes daily records straight into a store for a test's fixture, the way the loaders store them
 * (`daily_days`, one row per date). `run` takes the columns in the order of the `daily` view and
 * replaces any record of the same (code, date), as a later file would.
 */
export function dailyWriter(store: Store): {
  run(code: string, date: string, marketCapHkd: number, turnoverHkd: number, suspended: number | boolean, close?: number | null, volume?: number | null): void;
} {
  const days = new DailyDays(store.sqlite);
  return {
    run(code, date, marketCapHkd, turnoverHkd, suspended, close = null, volume = null) {
      const one = new DayColumns(1);
      one.push(Number(code), marketCapHkd, turnoverHkd, suspended === 1 || suspended === true, close, volume);
      days.upsert(date, one);
    },
  };
}
