import type { Kysely } from 'kysely';
import { kyselyModule } from '../kysely.js';
import type { Database } from '../schema.js';
import type { Channel, IsoDate, Segment, StockCode } from '../../domain/types.js';

export interface HsciSnapshot { readonly asOf: IsoDate; readonly members: Array<{ code: StockCode; segment: Segment }> }
export interface SouthboundSnapshot { readonly channel: Channel; readonly asOf: IsoDate; readonly codes: StockCode[] }

/**
 * The as-of date of the list in force on `date`: the latest snapshot with as_of <= date. A list is in
 * force from its as_of until the next snapshot of the same list. Looks at the snapshot register and
 * at the member rows, so a list loaded without a register row is still found.
 */
async function findAsOf(db: Kysely<Database>, list: 'HSCI' | 'SB_SH' | 'SB_SZ', date: IsoDate): Promise<IsoDate | null> {
  const { sql } = kyselyModule();
  const members = list === 'HSCI'
    ? sql`SELECT as_of FROM hsci_members WHERE as_of <= ${date}`
    : sql`SELECT as_of FROM southbound_members WHERE channel = ${list.slice(3)} AND as_of <= ${date}`;
  const { rows } = await sql<{ asOf: IsoDate | null }>`
    SELECT max(as_of) AS "asOf" FROM (
      SELECT as_of FROM list_snapshots WHERE list = ${list} AND as_of <= ${date} UNION ALL ${members})`.execute(db);
  return rows[0]?.asOf ?? null;
}

/** The HSCI constituents in force on `date`, by code; null when no list was loaded on or before it. */
export async function readHsciInForce(db: Kysely<Database>, date: IsoDate): Promise<HsciSnapshot | null> {
  const asOf = await findAsOf(db, 'HSCI', date);
  if (asOf === null) return null;
  const rows = await db.selectFrom('hsci_members').select(['code', 'segment']).where('as_of', '=', asOf).orderBy('code').execute();
  return { asOf, members: rows.map((r) => ({ code: r.code, segment: r.segment as Segment })) };
}

/** One channel's Southbound list in force on `date`, by code; null when none was loaded on or before it. */
export async function readSouthboundInForce(db: Kysely<Database>, date: IsoDate, channel: Channel): Promise<SouthboundSnapshot | null> {
  const asOf = await findAsOf(db, channel === 'SH' ? 'SB_SH' : 'SB_SZ', date);
  if (asOf === null) return null;
  const rows = await db.selectFrom('southbound_members').select('code')
    .where('as_of', '=', asOf).where('channel', '=', channel).orderBy('code').execute();
  return { channel, asOf, codes: rows.map((r) => r.code) };
}
