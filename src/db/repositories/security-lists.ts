import type BetterSqlite3 from 'better-sqlite3';
import type { ChangeableField, IsoDate, StockCode } from '../../domain/types.js';

/** A stored security's attributes that HKEX's list speaks for, as they stand on a date (base row + dated changes). */
export interface ListedAttributes {
  name: string;
  board: string;
  type: string;
  currency: string;
  delisting_date: string | null;
  wvr: string;
  secondary_listing: string;
  readonly listingDate: IsoDate;
  readonly synthetic: boolean;
}

const LIST_FIELDS: readonly ChangeableField[] = ['name', 'board', 'type', 'currency', 'delisting_date', 'wvr', 'secondary_listing'];

/** The date of the newest HKEX list loaded, or null. */
export function latestSecurityListDate(sqlite: BetterSqlite3.Database): IsoDate | null {
  return (sqlite.prepare('SELECT max(as_of) FROM security_lists').pluck().get() as string | null) ?? null;
}

/** Records (or re-records) the list loaded for `asOf`. */
export function recordSecurityList(sqlite: BetterSqlite3.Database, asOf: IsoDate, source: string, loadedAt: string, securities: number): void {
  sqlite.prepare(`INSERT INTO security_lists (as_of, source, loaded_at, securities) VALUES (?, ?, ?, ?)
    ON CONFLICT (as_of) DO UPDATE SET source = excluded.source, loaded_at = excluded.loaded_at, securities = excluded.securities`)
    .run(asOf, source, loadedAt, securities);
}

/** Every stored security's list attributes as they stand on `asOf` (changes dated on or before it applied in date order; '' clears a date). */
export function readListedAttributes(sqlite: BetterSqlite3.Database, asOf: IsoDate): Map<StockCode, ListedAttributes> {
  const out = new Map<StockCode, ListedAttributes>();
  const rows = sqlite.prepare(`SELECT code, name, board, type, currency, delisting_date, wvr, secondary_listing, listing_date, synthetic FROM securities`).all() as Array<Record<string, string | number | null>>;
  for (const r of rows) {
    out.set(r.code as string, {
      name: r.name as string, board: r.board as string, type: r.type as string, currency: r.currency as string,
      delisting_date: r.delisting_date as string | null, wvr: String(r.wvr), secondary_listing: String(r.secondary_listing),
      listingDate: r.listing_date as string, synthetic: r.synthetic === 1,
    });
  }
  const changes = sqlite.prepare(`SELECT code, field, value FROM attribute_changes WHERE date <= ? AND field IN (${LIST_FIELDS.map(() => '?').join(', ')}) ORDER BY date`)
    .all(asOf, ...LIST_FIELDS) as Array<{ code: string; field: keyof ListedAttributes; value: string }>;
  for (const c of changes) {
    const a = out.get(c.code);
    if (!a) continue;
    if (c.field === 'delisting_date') a.delisting_date = c.value === '' ? null : c.value;
    else (a as unknown as Record<string, string>)[c.field] = c.value;
  }
  return out;
}

/**
 * Moves every inferred listing date back to the security's first daily record when that is earlier
 * (a later daily load may reach further back than the list's date). Returns how many moved.
 */
export function settleInferredListingDates(sqlite: BetterSqlite3.Database): number {
  const inferred = sqlite.prepare('SELECT count(*) FROM securities WHERE listing_date_inferred = 1').pluck().get() as number;
  if (inferred === 0) return 0;
  return sqlite.prepare(`UPDATE securities SET listing_date = f.first
      FROM (SELECT code, min(date) AS first FROM daily WHERE code IN (SELECT code FROM securities WHERE listing_date_inferred = 1) GROUP BY code) AS f
     WHERE securities.code = f.code AND securities.listing_date_inferred = 1 AND f.first < securities.listing_date`).run().changes;
}
