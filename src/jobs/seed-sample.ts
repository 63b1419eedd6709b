import type { Store } from '../db/connection.js';
import { deleteAllDailyRows, prepareDailyUpsert } from '../db/repositories/daily.js';
import { JobError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';
import { generateSampleMarket, type SampleMarketSummary } from '../../seeds/sample-market/generate.js';
import { SAMPLE_CUTOFF, SAMPLE_FIRST_DAY, SAMPLE_PRIOR_REVIEWS, type SampleSink } from '../../seeds/sample-market/types.js';

export const SAMPLE_SOURCE = 'sample-market';
/** A fixed load time keeps re-seeding byte-identical (the sample is data as of its cut-off). */
const SAMPLE_LOADED_AT = `${SAMPLE_CUTOFF}T16:10:00+08:00`;

/** One date's records from the generator: codes, and per code cap, turnover, suspended, close, volume. */
interface DayRecords { readonly codes: string[]; readonly values: number[] }

/**
 * Loads the synthetic sample market in one transaction with raw prepared statements, streaming the
 * generator's rows straight into SQLite. Re-seeding replaces the previous sample (idempotent). Refuses a
 * store that holds real securities: the sample's codes look like real codes and would mix with them.
 */
export function loadSampleMarket(store: Store, tradingDays: readonly IsoDate[], scale = 1): SampleMarketSummary {
  const db = store.sqlite;
  const real = db.prepare('SELECT count(*) FROM securities WHERE synthetic = 0').pluck().get() as number;
  if (real > 0) throw new JobError(`the store holds ${real} real securities; load the sample market into a fresh database (--db PATH).`);
  const insertSecurity = db.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date, delisting_date, wvr,
    secondary_listing, free_float, a_share_code, a_share_exchange, a_share_listing_date, stabilisation_end, sfc_high_concentration,
    a_share_risk_alert, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`);
  const insertShares = db.prepare('INSERT INTO shares_issued (code, date, shares_issued) VALUES (?, ?, ?)');
  // The generator walks one security at a time; the table is keyed (date, code): its records are
  // gathered by date and stored date by date (inserts at the end of the key, not all over it).
  const byDate = new Map<IsoDate, DayRecords>();
  const insertChange = db.prepare('INSERT INTO attribute_changes (code, date, field, value) VALUES (?, ?, ?, ?)');
  const insertHsci = db.prepare('INSERT INTO hsci_members (as_of, code, segment) VALUES (?, ?, ?)');
  const insertSouthbound = db.prepare('INSERT INTO southbound_members (as_of, channel, code, name) VALUES (?, ?, ?, ?)');
  const insertSnapshot = db.prepare(`INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES (?, ?, '${SAMPLE_SOURCE}', '${SAMPLE_LOADED_AT}')`);
  const sink: SampleSink = {
    security: (s, shares) => {
      insertSecurity.run(s.code, s.name, s.board, s.type, s.currency, s.listingDate, s.delistingDate, s.wvr ? 1 : 0,
        s.secondaryListing ? 1 : 0, s.freeFloat, s.aShareCode, s.aShareExchange, s.aShareListingDate, s.stabilisationEnd,
        s.sfcHighConcentration ? 1 : 0, s.aShareRiskAlert ? 1 : 0);
      insertShares.run(s.code, s.listingDate, shares);
    },
    daily: (code, date, cap, turnover, suspended, close, volume) => {
      let day = byDate.get(date);
      if (day === undefined) byDate.set(date, (day = { codes: [], values: [] }));
      day.codes.push(code);
      day.values.push(cap, turnover, suspended, close, volume);
    },
    change: (c) => { insertChange.run(c.code, c.date, c.field, c.value); },
    hsciMember: (asOf, code, segment) => { insertHsci.run(asOf, code, segment); },
    southboundMember: (asOf, channel, code, name) => { insertSouthbound.run(asOf, channel, code, name); },
  };
  return db.transaction(() => {
    removeSample(store);
    for (const { effective } of SAMPLE_PRIOR_REVIEWS) for (const list of ['HSCI', 'SB_SH', 'SB_SZ']) insertSnapshot.run(list, effective);
    const summary = generateSampleMarket(sink, { tradingDays, scale });
    const upsertDaily = prepareDailyUpsert(db);
    for (const date of [...byDate.keys()].sort()) {
      const { codes, values: v } = byDate.get(date)!;
      codes.forEach((code, i) => upsertDaily({
        code, date, marketCapHkd: v[5 * i]!, turnoverHkd: v[5 * i + 1]!, suspended: v[5 * i + 2] === 1, close: v[5 * i + 3]!, volume: v[5 * i + 4]!,
      }));
      byDate.delete(date);
    }
    return summary;
  })();
}

/**
 * Deletes a previously loaded sample (its securities cascade to their shares and changes) and the lists it
 * shipped. The store holds no real security (checked first), so every daily record is the sample's.
 */
function removeSample(store: Store): void {
  const db = store.sqlite;
  const asOfs = db.prepare(`SELECT DISTINCT as_of FROM list_snapshots WHERE source = ?`).pluck().all(SAMPLE_SOURCE) as string[];
  for (const asOf of asOfs) {
    db.prepare('DELETE FROM hsci_members WHERE as_of = ?').run(asOf);
    db.prepare('DELETE FROM southbound_members WHERE as_of = ?').run(asOf);
  }
  db.prepare('DELETE FROM list_snapshots WHERE source = ?').run(SAMPLE_SOURCE);
  db.prepare('DELETE FROM securities WHERE synthetic = 1').run();
  deleteAllDailyRows(db);
}

/** `db seed --sample`: loads the sample and returns its summary sentence. */
export function seedSampleMarket(store: Store, tradingDays: readonly IsoDate[]): string {
  const r = loadSampleMarket(store, tradingDays);
  const last = [...r.lists.values()].at(-1);
  return `Loaded the synthetic sample market: ${r.securities} securities, ${r.dailyRows} daily rows `
    + `(${SAMPLE_FIRST_DAY}..${SAMPLE_CUTOFF}), ${r.changes} dated changes, `
    + `HSCI ${last?.hsci.size ?? 0} / SH ${last?.sh.size ?? 0} / SZ ${last?.sz.size ?? 0} in force from `
    + `${SAMPLE_PRIOR_REVIEWS.at(-1)!.effective}.`;
}
