import type { Hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { DailySeries, IsoDate, StockCode } from '../domain/types.js';

/** One security's window as four packed strings: dates and amounts comma-separated, suspended flags as digits. */
type PackedRow = [string | null, string | null, string | null, string | null];

/**
 * The daily window of the given securities, built into columnar DailySeries: one prepared
 * primary-key range read per code, in code order, with SQLite packing each security's window into
 * four strings (`group_concat`) that are split here. Handing ~850 k rows to JavaScript one by one
 * costs far more than SQLite's own read (measured: 1.45 s against 0.86 s packed on this machine),
 * so the rows cross the boundary four strings per security instead.
 * SQLite does not promise `group_concat` keeps the subquery's order, so the order is checked and a
 * series that arrives out of order is sorted (it never has, reading the primary key in order).
 */
export function scanDailyWindow(
  sqlite: BetterSqlite3.Database, codes: readonly StockCode[], fromExclusive: IsoDate, toInclusive: IsoDate,
): Map<StockCode, DailySeries> {
  const stmt = sqlite.prepare(
    `SELECT group_concat(date), group_concat(market_cap_hkd), group_concat(turnover_hkd), group_concat(suspended, '')
       FROM (SELECT date, market_cap_hkd, turnover_hkd, suspended FROM daily
              WHERE code = ? AND date > ? AND date <= ? ORDER BY date)`,
  ).raw(true);
  const out = new Map<StockCode, DailySeries>();
  for (const code of codes) {
    const packed = stmt.get(code, fromExclusive, toInclusive) as PackedRow;
    if (packed[0] !== null) out.set(code, unpackSeries(packed));
  }
  return out;
}

/** Feeds one security's series into the inputs fingerprint: its typed columns as bytes, dates as integers. */
export function hashSeries(hash: Hash, code: StockCode, series: DailySeries): void {
  const n = series.dates.length;
  const dateInts = new Int32Array(n);
  for (let i = 0; i < n; i += 1) dateInts[i] = dateToInt(series.dates[i]!);
  hash.update(code);
  hash.update(new Uint8Array(series.marketCapHkd.buffer));
  hash.update(new Uint8Array(series.turnoverHkd.buffer));
  hash.update(series.suspended);
  hash.update(new Uint8Array(dateInts.buffer));
}

/** Splits one security's packed window into typed columns, in date order. */
export function unpackSeries(packed: PackedRow): DailySeries {
  const dates = (packed[0] ?? '').split(',');
  const caps = (packed[1] ?? '').split(',');
  const turnovers = (packed[2] ?? '').split(',');
  const flags = packed[3] ?? '';
  const n = dates.length;
  const cap = new Float64Array(n);
  const turnover = new Float64Array(n);
  const suspended = new Uint8Array(n);
  let ordered = true;
  for (let i = 0; i < n; i += 1) {
    cap[i] = Number(caps[i]);
    turnover[i] = Number(turnovers[i]);
    suspended[i] = flags.charCodeAt(i) - 48;
    if (i > 0 && dates[i - 1]! >= dates[i]!) ordered = false;
  }
  const series = { dates, marketCapHkd: cap, turnoverHkd: turnover, suspended };
  return ordered ? series : sortSeries(series);
}

function sortSeries(s: DailySeries): DailySeries {
  const order = s.dates.map((_, i) => i).sort((a, b) => (s.dates[a]! < s.dates[b]! ? -1 : 1));
  return {
    dates: order.map((i) => s.dates[i]!),
    marketCapHkd: Float64Array.from(order, (i) => s.marketCapHkd[i]!),
    turnoverHkd: Float64Array.from(order, (i) => s.turnoverHkd[i]!),
    suspended: Uint8Array.from(order, (i) => s.suspended[i]!),
  };
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
