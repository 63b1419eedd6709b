import type BetterSqlite3 from 'better-sqlite3';
import { readHistory } from '../daily-days.js';
import type { DailyRecord, IsoDate, StockCode } from '../../domain/types.js';

/** The daily records of one security by date, inside [from, to] where given. */
export function readDailyHistory(
  sqlite: BetterSqlite3.Database, code: StockCode, range: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {},
): DailyRecord[] {
  return readHistory(sqlite, code, range);
}
