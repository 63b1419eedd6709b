import { basename } from 'node:path';
import type { Store } from '../db/connection.js';
import { countDailyRowsOn, insertDailyRows, readLastCapsBefore } from '../db/repositories/daily.js';
import { settleInferredListingDates } from '../db/repositories/security-lists.js';
import { isIsoDate } from '../domain/dates.js';
import type { DailyRecord, IsoDate } from '../domain/types.js';
import { ListingDates } from './before-listing.js';
import { readListingDates } from './load-lookups.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { parseDailyQuotations } from './parse-dayquot.js';
import { planDayquotRow } from './parse-dayquot-plan.js';
import { StoredCaps } from './stored-caps.js';
import type { IngestOptions, LoadSummary } from './types.js';

/** A real report is about 1 MB; anything far larger is not one. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** A dayquot load's summary, with the counts that are not issues (codes outside `securities`). */
export interface DayquotSummary extends LoadSummary {
  readonly date: IsoDate | null;
  readonly holiday: boolean;
  readonly unknownCodes: number;
  /** Human lines for the summary, e.g. "12 rows for codes not in securities". */
  readonly notes: readonly string[];
}

/**
 * `ingest dayquot FILE`: one HKEX daily quotations report into `daily` and `calendar`, in one
 * transaction (docs/dayquot.md). The report date (from its header) becomes a trading day; a holiday
 * report marks its date closed. Needs `securities` and `shares_issued` loaded first.
 */
export async function loadDayquotFile(store: Store, file: string, options: IngestOptions): Promise<DayquotSummary> {
  // Assigned inside the load body; declared with `as` so TypeScript does not narrow them to their initial values.
  let date = null as IsoDate | null;
  let holiday = false as boolean;
  let unknownCodes = 0;
  const summary = await runFileLoad(store, 'dayquot', file, options, async (run) => {
    const text = (await run.readWholeFile(MAX_REPORT_BYTES)).toString('latin1');
    const parsed = parseDailyQuotations(text, file);
    holiday = parsed.holiday;
    for (const issue of parsed.issues) {
      const { file: _file, ...rowIssue } = issue;
      if (issue.line === undefined) run.failFile(rowIssue);
      run.rowsRead++;
      run.reject(rowIssue);
    }
    if (parsed.holiday) {
      date = parsed.date ?? dateFromFileName(file);
      markHoliday(run, date);
      return;
    }
    date = parsed.date!;
    unknownCodes = storeRows(run, date, parsed.rows);
  });
  const notes = unknownCodes > 0 ? [`${unknownCodes} row${unknownCodes === 1 ? '' : 's'} for codes not in securities`] : [];
  if (holiday && date) notes.push(`${date} is a holiday (NO TRADING): marked closed`);
  return { ...summary, date, holiday, unknownCodes, notes };
}

/**
 * Before listing, nothing counts (issue 16), as for daily files. HKEX's own report printing the code that
 * day means the stored listing date is the likely fault (or the code was reused after a delisting).
 */
const BEFORE_LISTING_FIX = 'if the report is right, correct listing_date with ingest securities and load the report again';

/** Upserts the trading day, then every row the planner accepts; returns the count of unknown codes. */
function storeRows(run: LoadRun, date: IsoDate, rows: ReturnType<typeof parseDailyQuotations>['rows']): number {
  const { sqlite } = run.store;
  upsertCalendar(run, date, true);
  const currencies = new Map(
    (sqlite.prepare('SELECT code, currency FROM securities').all() as Array<{ code: string; currency: string }>)
      .map((r) => [r.code, r.currency]),
  );
  // The latest shares_issued row dated on or before the report date, per code (SQLite takes the
  // bare column from the row holding the MAX).
  const shares = new Map(
    (sqlite.prepare('SELECT code, shares_issued, MAX(date) AS since FROM shares_issued WHERE date <= ? GROUP BY code').all(date) as
      Array<{ code: string; shares_issued: number }>).map((r) => [r.code, r.shares_issued]),
  );
  // Each code's last stored cap before the report date, read once and only if a row needs it.
  let lastCaps: Map<string, number> | null = null;
  const lastCapOf = (code: string): number | undefined => {
    lastCaps ??= readLastCapsBefore(sqlite, date, new Set(rows.filter((r) => currencies.has(r.code)).map((r) => r.code)));
    return lastCaps.get(code);
  };
  const listing = new ListingDates(readListingDates(run.store));
  // By code: a code printed twice keeps its later line.
  const records = new Map<string, DailyRecord>();
  let unknown = 0;
  for (const row of rows) {
    run.rowsRead++;
    const plan = planDayquotRow(row, date, {
      securityCurrency: currencies.get(row.code),
      sharesIssued: shares.get(row.code),
      lastMarketCapHkd: () => lastCapOf(row.code),
    });
    if (plan.kind === 'unknown-code') {
      unknown++;
      continue;
    }
    const early = listing.reasonBefore(row.code, date, BEFORE_LISTING_FIX);
    if (early !== null) run.reject({ line: row.line, field: 'date', reason: early });
    else if (plan.kind === 'issue') run.reject({ line: row.line, field: plan.field, reason: plan.reason });
    else {
      records.set(plan.record.code, plan.record);
      run.rowsStored++;
    }
  }
  insertDailyRows(sqlite, records.values());
  // Listing dates inferred from HKEX's list move back to a security's first daily record (as for daily files).
  settleInferredListingDates(sqlite);
  const caps = new StoredCaps();
  for (const r of records.values()) caps.note(r.code, r.date, r.marketCapHkd, r.suspended);
  run.checkCapJumps(caps);
  return unknown;
}

/** A holiday report closes its date, unless the store already holds prices for it (then the file is wrong). */
function markHoliday(run: LoadRun, date: IsoDate | null): void {
  if (date === null) {
    run.failFile({ field: 'date', reason: 'a NO TRADING report carries no date and its file name is not dYYMMDDe.htm' });
  }
  const priced = countDailyRowsOn(run.store.sqlite, date!);
  if (priced > 0) {
    run.failFile({ field: 'date', reason: `the report says ${date} had NO TRADING, but the store holds ${priced} daily rows for it` });
  }
  upsertCalendar(run, date, false);
}

function upsertCalendar(run: LoadRun, date: IsoDate, trading: boolean): void {
  run.store.sqlite.prepare(`INSERT INTO calendar (date, is_trading_day, source, note) VALUES (?, ?, 'dayquot', ?)
    ON CONFLICT (date) DO UPDATE SET is_trading_day = excluded.is_trading_day, source = excluded.source, note = excluded.note`)
    .run(date, trading ? 1 : 0, trading ? null : 'NO TRADING (HKEX daily quotations)');
}

/**
 * The date of a `dYYMMDDe.htm` file name (20YY). Used only for a holiday report, which prints no
 * date at all; a report with data is always dated by its header.
 */
export function dateFromFileName(file: string): IsoDate | null {
  const m = /(?:^|[^a-z0-9])d(\d{2})(\d{2})(\d{2})e(?![a-z0-9])/i.exec(basename(file));
  if (!m) return null;
  const date = `20${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(date) ? date : null;
}
