import type { Store } from '../../src/db/connection.js';
import { prepareDailyUpsert } from '../../src/db/repositories/daily.js';

/**
 * Writes daily records straight into a store for a test's fixture, the way the loaders store them.
 * `run` takes the columns in the order of the `daily` table and replaces any record of the same
 * (code, date), as a later file would.
 */
export function dailyWriter(store: Store): {
  run(code: string, date: string, marketCapHkd: number, turnoverHkd: number, suspended: number | boolean, close?: number | null, volume?: number | null): void;
} {
  const upsert = prepareDailyUpsert(store.sqlite);
  return {
    run(code, date, marketCapHkd, turnoverHkd, suspended, close = null, volume = null) {
      upsert({ code, date, marketCapHkd, turnoverHkd, suspended: suspended === 1 || suspended === true, close, volume });
    },
  };
}
