import type { Kysely, Selectable } from 'kysely';
import type { DailyTable, Database } from '../schema.js';
import type { DailyRecord, IsoDate, StockCode } from '../../domain/types.js';

export function toDailyRecord(row: Selectable<DailyTable>): DailyRecord {
  return {
    date: row.date,
    code: row.code,
    marketCapHkd: row.market_cap_hkd,
    turnoverHkd: row.turnover_hkd,
    suspended: row.suspended === 1,
    close: row.close,
    volume: row.volume,
  };
}

/** The daily records of one security by date, inside [from, to] where given. */
export async function readDailyHistory(
  db: Kysely<Database>, code: StockCode, range: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {},
): Promise<DailyRecord[]> {
  let q = db.selectFrom('daily').selectAll().where('code', '=', code);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date').execute();
  return rows.map(toDailyRecord);
}

/** The latest date with at least one daily record, or null for an empty store. */
export async function findLastDailyDate(db: Kysely<Database>): Promise<IsoDate | null> {
  const row = await db.selectFrom('daily').select((eb) => eb.fn.max('date').as('last')).executeTakeFirst();
  return (row?.last as IsoDate | null | undefined) ?? null;
}
