import type { Kysely, Selectable } from 'kysely';
import type { Database, SecuritiesTable } from '../schema.js';
import type { AShareExchange, Board, Currency, SecurityAttributes, SecurityType, StockCode } from '../../domain/types.js';

/** A securities row as the domain sees it: the base attributes (before any dated change) plus provenance. */
export interface SecurityRecord extends SecurityAttributes {
  /** True for the generated sample market (seeds/sample-market), never for loaded data. */
  readonly synthetic: boolean;
}

/** Maps one snake_case row to the camelCase domain object. */
export function toSecurityRecord(row: Selectable<SecuritiesTable>): SecurityRecord {
  return {
    code: row.code,
    name: row.name,
    board: row.board as Board,
    type: row.type as SecurityType,
    currency: row.currency as Currency,
    listingDate: row.listing_date,
    delistingDate: row.delisting_date,
    wvr: row.wvr === 1,
    secondaryListing: row.secondary_listing === 1,
    freeFloat: row.free_float,
    aShareCode: row.a_share_code,
    aShareExchange: row.a_share_exchange as AShareExchange | null,
    aShareListingDate: row.a_share_listing_date,
    stabilisationEnd: row.stabilisation_end,
    sfcHighConcentration: row.sfc_high_concentration === 1,
    aShareRiskAlert: row.a_share_risk_alert === 1,
    synthetic: row.synthetic === 1,
  };
}

/** One security by its 5-digit code, or null when the store does not hold it. */
export async function findSecurity(db: Kysely<Database>, code: StockCode): Promise<SecurityRecord | null> {
  const row = await db.selectFrom('securities').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toSecurityRecord(row) : null;
}

/** Every security, by code. */
export async function listSecurities(db: Kysely<Database>): Promise<SecurityRecord[]> {
  const rows = await db.selectFrom('securities').selectAll().orderBy('code').execute();
  return rows.map(toSecurityRecord);
}

/** Number of securities by board and type (and whether synthetic), for summaries. */
export async function countSecuritiesByKind(db: Kysely<Database>): Promise<Array<{ board: Board; type: SecurityType; currency: Currency; count: number }>> {
  const rows = await db.selectFrom('securities')
    .select(['board', 'type', 'currency', (eb) => eb.fn.countAll<number>().as('count')])
    .groupBy(['board', 'type', 'currency']).orderBy('board').orderBy('type').orderBy('currency').execute();
  return rows.map((r) => ({ board: r.board as Board, type: r.type as SecurityType, currency: r.currency as Currency, count: Number(r.count) }));
}
