import type BetterSqlite3 from 'better-sqlite3';
import type { DailyRecord, IsoDate, StockCode } from '../../domain/types.js';

/** One date's records, column by column, in the same order in every column (by code). */
export interface DailyDayColumns {
  readonly date: IsoDate;
  readonly codes: StockCode[];
  readonly marketCapHkd: number[];
  readonly turnoverHkd: number[];
  readonly suspended: number[];
}

/** The dates in (fromExclusive, toInclusive] that hold records, in order: one seek of the (date, code) key each. */
export function readDailyDates(sqlite: BetterSqlite3.Database, fromExclusive: IsoDate, toInclusive: IsoDate): IsoDate[] {
  const next = sqlite.prepare('SELECT min(date) FROM daily WHERE date > ? AND date <= ?').pluck();
  const dates: IsoDate[] = [];
  for (let date = next.get(fromExclusive, toInclusive) as IsoDate | null; date !== null; date = next.get(date, toInclusive) as IsoDate | null) {
    dates.push(date);
  }
  return dates;
}

/**
 * Reads every code's records on one date as columns: one range of the (date, code) key, each column
 * gathered by SQLite's json_group_array and parsed with JSON.parse. Why columns: handing a
 * whole-market window (~690,000 records) to JavaScript one row array at a time cost more than twice
 * the scan itself (issue 15's profile); a date's columns cost one JSON.parse each. The aggregates see
 * the rows in the same order (the key's: by code), so the columns line up; the money columns are
 * INTEGERs (the table's CHECKs), so their JSON text is exact. Prepared once; call it for each date.
 */
export function prepareDailyDayRead(sqlite: BetterSqlite3.Database): (date: IsoDate) => DailyDayColumns {
  const statement = sqlite.prepare(`SELECT json_group_array(code), json_group_array(market_cap_hkd), json_group_array(turnover_hkd),
      json_group_array(suspended)
    FROM daily WHERE date = ?`).raw(true);
  return (date) => {
    const [codes, caps, turnovers, suspended] = statement.get(date) as [string, string, string, string];
    return { date, codes: JSON.parse(codes), marketCapHkd: JSON.parse(caps), turnoverHkd: JSON.parse(turnovers), suspended: JSON.parse(suspended) };
  };
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
