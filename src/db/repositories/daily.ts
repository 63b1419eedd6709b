import type BetterSqlite3 from 'better-sqlite3';
import type { DailyRecord, IsoDate, StockCode } from '../../domain/types.js';

/**
 * Writes to the `daily` table (migration 2026-12-04T1000): one row per (code, date). Writers run
 * inside the caller's transaction (a load's BEGIN IMMEDIATE ... COMMIT); a record for a (code, date)
 * already stored replaces it, so loading the same or a corrected file again is idempotent.
 */
export type DailyUpsert = (record: DailyRecord) => void;

/** One prepared statement that stores one record per call. */
export function prepareDailyUpsert(sqlite: BetterSqlite3.Database): DailyUpsert {
  const statement = sqlite.prepare(`INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended, close, volume)
    VALUES (?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (date, code) DO UPDATE SET market_cap_hkd = excluded.market_cap_hkd, turnover_hkd = excluded.turnover_hkd,
      suspended = excluded.suspended, close = excluded.close, volume = excluded.volume`);
  return (r) => {
    statement.run(r.code, r.date, r.marketCapHkd, r.turnoverHkd, r.suspended ? 1 : 0, r.close, r.volume);
  };
}

/** Stores `records` in one transaction (nested in the caller's when there is one); returns how many. */
export function insertDailyRows(sqlite: BetterSqlite3.Database, records: Iterable<DailyRecord>): number {
  const upsert = prepareDailyUpsert(sqlite);
  return sqlite.transaction(() => {
    let n = 0;
    for (const r of records) {
      upsert(r);
      n++;
    }
    return n;
  })();
}

/** Takes the records of `codes` on `date` out again. */
export function deleteDailyRows(sqlite: BetterSqlite3.Database, date: IsoDate, codes: Iterable<StockCode>): void {
  const statement = sqlite.prepare('DELETE FROM daily WHERE code = ? AND date = ?');
  for (const code of codes) statement.run(code, date);
}

/** How many records `date` holds. */
export function countDailyRowsOn(sqlite: BetterSqlite3.Database, date: IsoDate): number {
  return sqlite.prepare('SELECT count(*) FROM daily WHERE date = ?').pluck().get(date) as number;
}

/** The record count of the nearest date with records before `date`, else after it, else 0. */
export function countDailyRowsNearest(sqlite: BetterSqlite3.Database, date: IsoDate): number {
  const before = sqlite.prepare('SELECT max(date) FROM daily WHERE date < ?').pluck().get(date) as IsoDate | null;
  const nearest = before ?? (sqlite.prepare('SELECT min(date) FROM daily WHERE date > ?').pluck().get(date) as IsoDate | null);
  return nearest === null ? 0 : countDailyRowsOn(sqlite, nearest);
}

/** Each of `codes`' latest market cap on a date before `date` (codes without one are left out). */
export function readLastCapsBefore(sqlite: BetterSqlite3.Database, date: IsoDate, codes: Iterable<StockCode>): Map<StockCode, number> {
  const statement = sqlite.prepare('SELECT market_cap_hkd FROM daily WHERE code = ? AND date < ? ORDER BY date DESC LIMIT 1').pluck();
  const caps = new Map<StockCode, number>();
  for (const code of codes) {
    const cap = statement.get(code, date) as number | undefined;
    if (cap !== undefined) caps.set(code, cap);
  }
  return caps;
}

/** Empties the table (re-seeding the sample market, whose store holds no other records). */
export function deleteAllDailyRows(sqlite: BetterSqlite3.Database): void {
  sqlite.prepare('DELETE FROM daily').run();
}
