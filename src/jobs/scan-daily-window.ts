import type { Hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { DailySeries, IsoDate, StockCode } from '../domain/types.js';

/**
 * The daily window of every security in ONE ordered scan of `daily` (primary-key order, no sort),
 * built into columnar DailySeries. Rows arrive as raw arrays; values go straight into reusable
 * typed buffers, so nothing is allocated per row beyond what the driver hands over. The same pass
 * feeds the inputs fingerprint (`hash`), so hashing the window costs no second read.
 */
export function scanDailyWindow(
  sqlite: BetterSqlite3.Database, fromExclusive: IsoDate, toInclusive: IsoDate, hash: Hash | null,
): Map<StockCode, DailySeries> {
  const stmt = sqlite.prepare(
    'SELECT code, date, market_cap_hkd, turnover_hkd, suspended FROM daily WHERE date > ? AND date <= ? ORDER BY code, date',
  ).raw(true);
  const out = new Map<StockCode, DailySeries>();
  let cap: Float64Array = new Float64Array(512);
  let turnover: Float64Array = new Float64Array(512);
  let suspended: Uint8Array = new Uint8Array(512);
  let dateInts = new Int32Array(512);
  let dates: IsoDate[] = [];
  let current: StockCode | null = null;
  let n = 0;
  const flush = (): void => {
    if (current === null) return;
    out.set(current, { dates, marketCapHkd: cap.slice(0, n), turnoverHkd: turnover.slice(0, n), suspended: suspended.slice(0, n) });
    if (hash) {
      hash.update(current);
      hash.update(new Uint8Array(cap.buffer, 0, n * 8));
      hash.update(new Uint8Array(turnover.buffer, 0, n * 8));
      hash.update(suspended.subarray(0, n));
      hash.update(new Uint8Array(dateInts.buffer, 0, n * 4));
    }
  };
  for (const row of stmt.iterate(fromExclusive, toInclusive) as IterableIterator<[string, string, number, number, number]>) {
    const code = row[0];
    if (code !== current) {
      flush();
      current = code;
      n = 0;
      dates = [];
    }
    if (n === cap.length) {
      cap = grow(cap);
      turnover = grow(turnover);
      suspended = growBytes(suspended);
      const d = new Int32Array(n * 2); d.set(dateInts); dateInts = d;
    }
    const date = row[1];
    dates.push(date);
    cap[n] = row[2];
    turnover[n] = row[3];
    suspended[n] = row[4];
    if (hash) dateInts[n] = dateToInt(date);
    n += 1;
  }
  flush();
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

function grow(a: Float64Array): Float64Array {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

function growBytes(a: Uint8Array): Uint8Array {
  const b = new Uint8Array(a.length * 2);
  b.set(a);
  return b;
}
