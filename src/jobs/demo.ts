import { existsSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { openStore, type Store } from '../db/connection.js';
import { UsageError } from '../domain/errors.js';
import type { ReviewResult } from '../domain/types.js';
import { renderReview, type ReviewFormat } from '../report/render-review.js';
import { SAMPLE_CUTOFF } from '../../seeds/sample-market/types.js';
import { readSeedCalendar, seedCalendar } from './seed-calendar.js';
import { loadSampleMarket, seedSampleMarket } from './seed-sample.js';

export const DEFAULT_DEMO_DB = './data/demo.db';

export interface DemoOptions {
  readonly path: string;
  readonly now: Date;
  readonly format: ReviewFormat;
  /** table only: the width the tables must fit (the terminal's); none = full width. */
  readonly width?: number;
  /** Size of the sample market (1 = full, ~2,700 names); smaller only for quick tests. */
  readonly scale?: number;
}

export interface DemoOutcome {
  readonly seedSummary: string;
  readonly runId: number;
  readonly result: ReviewResult;
  readonly report: string;
}

/**
 * `hkconnect demo`: a FRESH sample database at `path` (deleted and rebuilt), the calendar and the
 * synthetic sample market seeded, then the latest semi-annual review (cut-off 2026-06-30) run and
 * rendered. Refuses to delete a file that is not a sample database, so a slip of `--db` cannot wipe real data.
 */
export async function runDemo(options: DemoOptions): Promise<DemoOutcome> {
  removeDemoDatabase(options.path);
  const store = await openStore(options.path);
  try {
    const calendar = seedCalendar(store, readSeedCalendar());
    const seedSummary = options.scale === undefined
      ? seedSampleMarket(store, calendar.tradingDays)
      : `Loaded the synthetic sample market at scale ${options.scale}: ${loadSampleMarket(store, calendar.tradingDays, options.scale).securities} securities.`;
    const { runId, result } = await reviewDemoStore(store, options.now);
    return { seedSummary, runId, result, report: renderReview(result, options.format, { width: options.width }) };
  } finally {
    await store.close();
  }
}

/** The one place the demo calls the review job (docs/methodology.md §1: the semi-annual review at the sample's cut-off). */
export async function reviewDemoStore(store: Store, now: Date): Promise<{ runId: number; result: ReviewResult }> {
  const { runReview } = await import('./run-review.js');
  return runReview(store, { cutoff: SAMPLE_CUTOFF, trigger: 'cli', now });
}

/** Deletes an earlier demo database (and its WAL files); anything holding real securities is refused. */
function removeDemoDatabase(path: string): void {
  if (path === ':memory:' || !existsSync(path)) return;
  let realSecurities: number;
  try {
    const db = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    try {
      const hasTable = db.prepare(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'securities'`).pluck().get() as number;
      realSecurities = hasTable ? (db.prepare('SELECT count(*) FROM securities WHERE synthetic = 0').pluck().get() as number) : 0;
    } finally {
      db.close();
    }
  } catch {
    throw new UsageError(`${path} exists and is not an hkconnect database; the demo will not delete it (choose another --db).`);
  }
  if (realSecurities > 0) {
    throw new UsageError(`${path} holds ${realSecurities} real securities; the demo rebuilds its database from scratch and will not delete it (choose another --db).`);
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
