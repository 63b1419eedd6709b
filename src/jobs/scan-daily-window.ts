import type { Hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { DailySeries, IsoDate, StockCode } from '../domain/types.js';

type Row = [string, number, number, number];

/**
 * The daily window of the given securities, built into columnar DailySeries, in one ordered pass over
 * the `daily` primary key (code, date): one prepared range seek per code, in code order. Measured
 * against a single `ORDER BY code, date` scan of the window, this is 2-2.5x faster (no temp B-tree
 * sort, no code string per row) and on par with one grouped SQL aggregate over the same rows.
 * The same pass feeds the inputs fingerprint (`hash`), so the window is never read twice.
 */
export function scanDailyWindow(
  sqlite: BetterSqlite3.Database, codes: readonly StockCode[], fromExclusive: IsoDate, toInclusive: IsoDate, hash: Hash | null,
): Map<StockCode, DailySeries> {
  const stmt = sqlite.prepare(
    'SELECT date, market_cap_hkd, turnover_hkd, suspended FROM daily WHERE code = ? AND date > ? AND date <= ? ORDER BY date',
  ).raw(true);
  const out = new Map<StockCode, DailySeries>();
  let dateInts = new Int32Array(512);
  for (const code of codes) {
    const rows = stmt.all(code, fromExclusive, toInclusive) as Row[];
    const n = rows.length;
    if (n === 0) continue;
    const dates: IsoDate[] = new Array<IsoDate>(n);
    const cap = new Float64Array(n);
    const turnover = new Float64Array(n);
    const suspended = new Uint8Array(n);
    if (hash && dateInts.length < n) dateInts = new Int32Array(n * 2);
    for (let i = 0; i < n; i += 1) {
      const row = rows[i]!;
      dates[i] = row[0];
      cap[i] = row[1];
      turnover[i] = row[2];
      suspended[i] = row[3];
      if (hash) dateInts[i] = dateToInt(row[0]);
    }
    out.set(code, { dates, marketCapHkd: cap, turnoverHkd: turnover, suspended });
    if (hash) {
      hash.update(code);
      hash.update(new Uint8Array(cap.buffer));
      hash.update(new Uint8Array(turnover.buffer));
      hash.update(suspended);
      hash.update(new Uint8Array(dateInts.buffer, 0, n * 4));
    }
  }
  return out;
}

/** `2026-06-30` -> 20260630, from the character codes (no parsing, no allocation). */
function dateToInt(d: string): number {
  let v = 0;
  for (let i = 0; i < 10; i += 1) {
    const c = d.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) v = v * 10 + c;
  }
  return v;
}
