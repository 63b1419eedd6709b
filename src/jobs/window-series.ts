import type { Hash } from 'node:crypto';
import type { Store } from '../db/connection.js';
import { prepareDailyDayRead, prepareDailyRangeRead, readDailyDates, type DailyRangeRow } from '../db/repositories/daily-reads.js';
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

/** One code's columns as its records are read, sized for every date of the window, and how many are filled. */
interface Columns { dates: IsoDate[]; caps: Float64Array; turnovers: Float64Array; suspended: Uint8Array; length: number }

function emptyColumns(days: number): Columns {
  return { dates: [], caps: new Float64Array(days), turnovers: new Float64Array(days), suspended: new Uint8Array(days), length: 0 };
}

/** The filled part of a column (the column itself when the code has a record on every date). */
function filled<T extends Float64Array | Uint8Array>(column: T, length: number): T {
  return (length === column.length ? column : column.slice(0, length)) as T;
}

/**
 * The daily series of `codes` over (fromExclusive, toInclusive], read date by date across all codes
 * (a review: most codes of the market): each date's records arrive as columns and are dropped once
 * copied, and the date string is shared by every record of that day. Codes without a record there
 * are left out.
 */
export function readWindowSeries(
  store: Store, codes: ReadonlySet<StockCode>, fromExclusive: IsoDate, toInclusive: IsoDate,
): Map<StockCode, DailySeries> {
  const dates = readDailyDates(store.sqlite, fromExclusive, toInclusive);
  const readDay = prepareDailyDayRead(store.sqlite);
  const columnsOf = new Map<StockCode, Columns>();
  for (const date of dates) {
    const day = readDay(date);
    for (let i = 0; i < day.codes.length; i++) {
      const code = day.codes[i]!;
      if (!codes.has(code)) continue;
      let c = columnsOf.get(code);
      if (c === undefined) {
        c = emptyColumns(dates.length);
        columnsOf.set(code, c);
      }
      c.dates.push(day.date);
      c.caps[c.length] = day.marketCapHkd[i]!;
      c.turnovers[c.length] = day.turnoverHkd[i]!;
      c.suspended[c.length] = day.suspended[i]!;
      c.length++;
    }
  }
  const out = new Map<StockCode, DailySeries>();
  for (const [code, c] of columnsOf) {
    out.set(code, {
      dates: c.dates, marketCapHkd: filled(c.caps, c.length), turnoverHkd: filled(c.turnovers, c.length), suspended: filled(c.suspended, c.length),
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
