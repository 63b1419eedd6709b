import type { Store } from '../db/connection.js';
import { DailyDays, DayColumns } from '../db/daily-days.js';
import { recordUserDays } from '../db/repositories/calendar.js';
import { settleInferredListingDates } from '../db/repositories/security-lists.js';
import { readCsvRows } from './csv-rows.js';
import { dateReaderFor } from './date-format.js';
import { Bad } from './fields.js';
import { ListingDates } from './before-listing.js';
import { readKnownCodes, readListingDates, readTradingDayCheck } from './load-lookups.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { ProvisionalDays } from './provisional-days.js';
import { createDailyRow, DAILY_COLUMNS, DailyRowParser } from './parse-daily.js';
import type { IngestOptions, LoadSummary } from './types.js';

/**
 * Loads a `daily` CSV: streamed and checked row by row into per-day columns, then written one
 * `daily_days` row per date, all in one transaction (a later row for the same (date, code) from a
 * later file replaces the earlier; a repeat inside one file is a bad row).
 */
export async function loadDailyFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'daily', file, options, (run) => loadDailyRows(run));
}

/** One date of the file being read: its records, and which codes the file has given for it. */
interface OpenDay {
  readonly date: string;
  readonly columns: DayColumns;
  /** One bit per code number (00000..99999): a repeat of (date, code) inside the file is a bad row. */
  readonly seen: Uint8Array;
  /** The date must be settled once the file is read (ProvisionalDays). */
  readonly provisional: boolean;
}

const CODE_BITS_BYTES = 100_000 / 8;

async function loadDailyRows(run: LoadRun): Promise<void> {
  if (run.options.openDays) recordUserDays(run.store.sqlite, run.options.openDays, true, 'opened by ingest --open-days');
  const readDate = dateReaderFor(run.options.dateFormat ?? 'YYYY-MM-DD');
  if (readDate instanceof Bad) return run.failFile({ field: '--date-format', reason: readDate.reason });
  const calendar = readTradingDayCheck(run.store);
  const knownCodes = readKnownCodes(run.store);
  const listing = new ListingDates(readListingDates(run.store));
  const provisional = new ProvisionalDays(calendar);
  const byDate = new Map<string, OpenDay>();
  let current: OpenDay | null = null;
  let lastLength = 0;
  const row = createDailyRow();
  await readCsvRows(run, DAILY_COLUMNS, (index) => {
    const parser = new DailyRowParser(index, calendar, knownCodes, readDate);
    return (fields, line) => {
      const issue = parser.parse(fields, line, row);
      if (issue) return run.reject(issue);
      const early = listing.reasonBefore(row.code, row.date);
      if (early) return run.reject({ line, field: 'date', reason: early });
      // Rows come grouped by date in practice: the date of the previous row is checked first.
      if (current === null || current.date !== row.date) {
        if (current) lastLength = current.columns.length;
        current = byDate.get(row.date) ?? null;
        if (current === null) {
          current = { date: row.date, columns: new DayColumns(lastLength + 64), seen: new Uint8Array(CODE_BITS_BYTES), provisional: provisional.needsSettling(row.date) };
          byDate.set(row.date, current);
        }
      }
      const code = row.codeNumber;
      const bit = 1 << (code & 7);
      if ((current.seen[code >> 3]! & bit) !== 0) {
        return run.reject({ line, field: 'code', reason: `an earlier line of this file already gives ${row.code} on ${row.date}` });
      }
      current.seen[code >> 3]! |= bit;
      current.columns.push(code, row.marketCapHkd, row.turnoverHkd, row.suspended, row.close, row.volume);
      run.rowsStored++;
      if (current.provisional) provisional.note(row.date, line, row.code);
    };
  });
  const days = new DailyDays(run.store.sqlite);
  for (const date of [...byDate.keys()].sort()) {
    days.upsert(date, byDate.get(date)!.columns);
    byDate.delete(date);
  }
  provisional.settle(run);
  // Listing dates inferred from HKEX's list move back to a security's first daily record.
  settleInferredListingDates(run.store.sqlite);
}
