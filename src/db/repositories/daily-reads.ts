import type BetterSqlite3 from 'better-sqlite3';
import type { DailyRecord, IsoDate, StockCode } from '../../domain/types.js';

/** One record of a window read: code, date, market cap, turnover, suspended (0/1). */
export type DailyWindowRow = [code: StockCode, date: IsoDate, marketCapHkd: number, turnoverHkd: number, suspended: number];

/**
 * Every code's records over (fromExclusive, toInclusive], ordered by date then code: one range of
 * the (date, code) key, read as it is iterated (never the whole window in memory at once).
 */
export function readDailyWindow(sqlite: BetterSqlite3.Database, fromExclusive: IsoDate, toInclusive: IsoDate): IterableIterator<DailyWindowRow> {
  return sqlite.prepare(`SELECT code, date, market_cap_hkd, turnover_hkd, suspended FROM daily
    WHERE date > ? AND date <= ? ORDER BY date, code`).raw(true).iterate(fromExclusive, toInclusive) as IterableIterator<DailyWindowRow>;
}

/** One record of a range read: date, market cap, turnover, suspended (0/1). */
export type DailyRangeRow = [date: IsoDate, marketCapHkd: number, turnoverHkd: number, suspended: number];

/**
 * Reads one code's records over (fromExclusive, toInclusive], ordered by date: a range of the
 * (code, date) index. Prepared once; call it for each code wanted.
 */
export function prepareDailyRangeRead(sqlite: BetterSqlite3.Database): (code: StockCode, fromExclusive: IsoDate, toInclusive: IsoDate) => DailyRangeRow[] {
  const statement = sqlite.prepare(`SELECT date, market_cap_hkd, turnover_hkd, suspended FROM daily
    WHERE code = ? AND date > ? AND date <= ? ORDER BY date`).raw(true);
  return (code, fromExclusive, toInclusive) => statement.all(code, fromExclusive, toInclusive) as DailyRangeRow[];
}

/** The daily records of one security by date, inside [from, to] where given. */
export function readDailyHistory(
  sqlite: BetterSqlite3.Database, code: StockCode, range: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {},
): DailyRecord[] {
  const rows = sqlite.prepare(`SELECT date, market_cap_hkd, turnover_hkd, suspended, close, volume FROM daily
    WHERE code = ? AND date >= ? AND date <= ? ORDER BY date`).all(code, range.from ?? '0000-00-00', range.to ?? '9999-99-99') as Array<{
    date: IsoDate; market_cap_hkd: number; turnover_hkd: number; suspended: number; close: number | null; volume: number | null;
  }>;
  return rows.map((r) => ({
    date: r.date, code, marketCapHkd: r.market_cap_hkd, turnoverHkd: r.turnover_hkd, suspended: r.suspended === 1,
    close: r.close, volume: r.volume,
  }));
}
