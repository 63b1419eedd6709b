import type { Store } from '../db/connection.js';
import { recordUserDays } from '../db/repositories/calendar.js';
import { prepareDailyUpsert } from '../db/repositories/daily.js';
import { settleInferredListingDates } from '../db/repositories/security-lists.js';
import { readCsvRows, type ColumnIndex, type CsvRowHandler } from './csv-rows.js';
import { runDateReader } from './date-format.js';
import { ListingDates } from './before-listing.js';
import { readKnownCodes, readListingDates, readTradingDayCheck } from './load-lookups.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { ProvisionalDays } from './provisional-days.js';
import { storeRow } from './store-row.js';
import { StoredCaps } from './stored-caps.js';
import { createDailyRow, DAILY_COLUMNS, DailyRowParser } from './parse-daily.js';
import type { IngestOptions, LoadSummary, RowIssue } from './types.js';

/**
 * Loads a `daily` CSV: streamed and checked row by row, each good row stored as it is read, all in
 * the load's one transaction (a later row for the same (date, code) from a later file replaces the
 * earlier; a repeat inside one file is a bad row).
 */
export async function loadDailyFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'daily', file, options, (run) => loadDailyRowsFrom(run, (makeHandler) => readCsvRows(run, DAILY_COLUMNS, makeHandler)));
}

/** The (date, code) pairs a file has given so far: per date, one bit per code number (00000..99999). */
class PairsSeen {
  private readonly byDate = new Map<string, Uint8Array>();

  /** Notes the pair; false when the file gave it already. */
  add(date: string, codeNumber: number): boolean {
    let bits = this.byDate.get(date);
    if (bits === undefined) {
      bits = new Uint8Array(100_000 / 8);
      this.byDate.set(date, bits);
    }
    const byte = codeNumber >> 3;
    const bit = 1 << (codeNumber & 7);
    if ((bits[byte]! & bit) !== 0) return false;
    bits[byte]! |= bit;
    return true;
  }
}

/** Where daily rows come from: a daily CSV, or vendor files turned into the same columns (load-daily-wide.ts). */
export type DailyRowSource = (makeHandler: (index: ColumnIndex) => CsvRowHandler) => Promise<void>;

/**
 * Checks and collects the rows a source gives, then writes them by day. `locate` maps an issue to
 * where its value came from (the wide layout's own file, line and ticker column).
 */
export async function loadDailyRowsFrom(
  run: LoadRun, source: DailyRowSource,
  { locate = (issue: RowIssue) => issue, dateFormat = run.options.dateFormat ?? 'YYYY-MM-DD' }: { locate?: (issue: RowIssue) => RowIssue; dateFormat?: string } = {},
): Promise<void> {
  if (run.options.openDays) recordUserDays(run.store.sqlite, run.options.openDays, true, 'opened by ingest --open-days');
  const readDate = runDateReader(run, dateFormat);
  const calendar = readTradingDayCheck(run.store);
  const knownCodes = readKnownCodes(run.store);
  const listing = new ListingDates(readListingDates(run.store));
  const provisional = new ProvisionalDays(calendar);
  const upsert = prepareDailyUpsert(run.store.sqlite);
  const seen = new PairsSeen();
  const row = createDailyRow();
  const caps = new StoredCaps();
  await source((index) => {
    const parser = new DailyRowParser(index, calendar, knownCodes, readDate);
    return (fields, line) => {
      const issue = parser.parse(fields, line, row);
      if (issue) return run.reject(locate(issue));
      const early = listing.reasonBefore(row.code, row.date);
      if (early) return run.reject(locate({ line, field: 'date', reason: early }));
      if (!seen.add(row.date, row.codeNumber)) {
        return run.reject(locate({ line, field: 'code', reason: `an earlier line of this file already gives ${row.code} on ${row.date}` }));
      }
      if (storeRow(run, line, () => upsert(row))) {
        provisional.note(row.date, line, row.code);
        caps.note(row.code, row.date, row.marketCapHkd, row.suspended);
      }
    };
  });
  run.checkCapJumps(caps, provisional.settle(run));
  // Listing dates inferred from HKEX's list move back to a security's first daily record.
  settleInferredListingDates(run.store.sqlite);
}
