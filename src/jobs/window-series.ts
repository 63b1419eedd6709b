import type { Hash } from 'node:crypto';
import type { Store } from '../db/connection.js';
import { prepareDailyRangeRead, readDailyWindow, type DailyRangeRow } from '../db/repositories/daily-reads.js';
import type { DailySeries, IsoDate, StockCode } from '../domain/types.js';

/** A series with no records. */
export const EMPTY_SERIES: DailySeries = { dates: [], marketCapHkd: new Float64Array(0), turnoverHkd: new Float64Array(0), suspended: new Uint8Array(0) };

/** The rows of one code's range read as the rules' columnar series. */
export function seriesOfRows(rows: readonly DailyRangeRow[]): DailySeries {
  return {
    dates: rows.map((r) => r[0]),
    marketCapHkd: Float64Array.from(rows, (r) => r[1]),
    turnoverHkd: Float64Array.from(rows, (r) => r[2]),
    suspended: Uint8Array.from(rows, (r) => r[3]),
  };
}

/** One code's columns as its records are read (plain arrays, made typed once complete). */
interface Columns { dates: IsoDate[]; caps: number[]; turnovers: number[]; suspended: number[] }

/**
 * The daily series of `codes` over (fromExclusive, toInclusive], from one read of the window across
 * all codes (a review: most codes of the market). Codes without a record there are left out.
 */
export function readWindowSeries(
  store: Store, codes: ReadonlySet<StockCode>, fromExclusive: IsoDate, toInclusive: IsoDate,
): Map<StockCode, DailySeries> {
  const columnsOf = new Map<StockCode, Columns>();
  for (const [code, date, cap, turnover, suspended] of readDailyWindow(store.sqlite, fromExclusive, toInclusive)) {
    if (!codes.has(code)) continue;
    let c = columnsOf.get(code);
    if (c === undefined) {
      c = { dates: [], caps: [], turnovers: [], suspended: [] };
      columnsOf.set(code, c);
    }
    c.dates.push(date);
    c.caps.push(cap);
    c.turnovers.push(turnover);
    c.suspended.push(suspended);
  }
  const out = new Map<StockCode, DailySeries>();
  for (const [code, c] of columnsOf) {
    out.set(code, {
      dates: c.dates, marketCapHkd: Float64Array.from(c.caps), turnoverHkd: Float64Array.from(c.turnovers), suspended: Uint8Array.from(c.suspended),
    });
  }
  return out;
}

/** The daily series of `codes` over (fromExclusive, toInclusive], one index range read per code (a few codes). */
export function readSeries(store: Store, codes: readonly StockCode[], fromExclusive: IsoDate, toInclusive: IsoDate): Map<StockCode, DailySeries> {
  const read = prepareDailyRangeRead(store.sqlite);
  const out = new Map<StockCode, DailySeries>();
  for (const code of codes) {
    const rows = read(code, fromExclusive, toInclusive);
    if (rows.length > 0) out.set(code, seriesOfRows(rows));
  }
  return out;
}

/** Feeds a series to the inputs fingerprint: its code, dates, caps, turnovers and flags as stored. */
export function hashSeries(hash: Hash, code: StockCode, series: DailySeries): void {
  hash.update(code).update(series.dates.join(''));
  hash.update(new Uint8Array(series.marketCapHkd.buffer, series.marketCapHkd.byteOffset, series.marketCapHkd.byteLength));
  hash.update(new Uint8Array(series.turnoverHkd.buffer, series.turnoverHkd.byteOffset, series.turnoverHkd.byteLength));
  hash.update(series.suspended);
}
