import type { Store } from '../db/connection.js';
import { DailyDays, DayColumns } from '../db/daily-days.js';
import { readCsvRows } from './csv-rows.js';
import { readKnownCodes, readTradingDayCheck } from './load-lookups.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { ProvisionalDays } from './provisional-days.js';
import { createDailyRow, DAILY_COLUMNS, dailyKeyOf, DailyRowParser } from './parse-daily.js';
import type { IngestOptions, LoadSummary } from './types.js';

/**
 * Loads a `daily` CSV: streamed and checked row by row into per-day columns, then written one
 * `daily_days` row per date, all in one transaction (a later row for the same (date, code) from a
 * later file replaces the earlier; a repeat inside one file is a bad row).
 */
export async function loadDailyFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  // A 64 MB page cache while loading: a year of daily rows upserted in date order touches the whole
  // (code, date) tree, and the default 2 MB cache makes SQLite re-read and spill pages (~1.4x slower).
  const previousCache = store.sqlite.pragma('cache_size', { simple: true }) as number;
  store.sqlite.pragma(`cache_size = -${DAILY_CACHE_KIB}`);
  try {
    return await runFileLoad(store, 'daily', file, options, (run) => loadDailyRows(run));
  } finally {
    store.sqlite.pragma(`cache_size = ${previousCache}`);
  }
}

const DAILY_CACHE_KIB = 65_536;

async function loadDailyRows(run: LoadRun): Promise<void> {
  const calendar = readTradingDayCheck(run.store);
  const knownCodes = readKnownCodes(run.store);
  // Numeric keys keep 1.3 M rows within a few tens of MB (no strings per key).
  const seen = new Set<number>();
  const provisional = new ProvisionalDays(calendar);
  const byDate = new Map<string, DayColumns>();
  const row = createDailyRow();
  await readCsvRows(run, DAILY_COLUMNS, (index) => {
    const parser = new DailyRowParser(index, calendar, knownCodes);
    return (fields, line) => {
      const issue = parser.parse(fields, line, row);
      if (issue) return run.reject(issue);
      const key = dailyKeyOf(row);
      if (seen.has(key)) {
        return run.reject({ line, field: 'code', reason: `an earlier line of this file already gives ${row.code} on ${row.date}` });
      }
      seen.add(key);
      let day = byDate.get(row.date);
      if (!day) byDate.set(row.date, (day = new DayColumns()));
      day.push(row.codeNumber, row.marketCapHkd, row.turnoverHkd, row.suspended, row.close, row.volume);
      run.rowsStored++;
      provisional.note(row.date, line, row.code);
    };
  });
  const days = new DailyDays(run.store.sqlite);
  for (const date of [...byDate.keys()].sort()) {
    days.upsert(date, byDate.get(date)!);
    byDate.delete(date);
  }
  provisional.settle(run);
}
