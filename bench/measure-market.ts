import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { MarketFiles } from './market-cache.js';
import { measureInProcess, measureProcess, measureProcessesInterleaved, type Measurement, type ProcessRunSpec } from './measure.js';
import { jsonParts, measureAppend, measureSql } from './measure-sql.js';
import { aggregateWindowFloor } from './floor.js';
import { addSecuritiesAndLists, copyStore, type BenchPaths, type Notes } from './prepare-stores.js';

/** The dates of the benchmarked review. */
export interface ReviewDates {
  /** The last 30 June or 31 December in the data. */
  readonly cutoff: string;
  /** A non-cut-off date for the preview screen. */
  readonly preview: string;
  /** C minus 12 months: the window is (windowFrom, cutoff]. */
  readonly windowFrom: string;
  /** The date the current HSCI / Southbound lists are in force from. */
  readonly listsAsOf: string;
  /** The security explained and queried (the largest constituent). */
  readonly code: string;
}

export interface MarketMeasurements {
  readonly windowRows: number;
  readonly ingest: Measurement;
  readonly floorLoad: Measurement;
  readonly append: Measurement;
  /** The same one-day file through the floor worker's prepared INSERT, into a copy of the same store. */
  readonly floorAppend: Measurement;
  readonly floorAggregateInProcess: Measurement;
  readonly floorAggregate: Measurement;
  readonly screenFull: Measurement;
  readonly screenPreview: Measurement;
  readonly sqlOneCode: Measurement;
  readonly sqlMarketAverage: Measurement;
  readonly explain: Measurement;
  readonly queryHistory: Measurement;
  readonly help: Measurement;
}

export interface MarketRunContext {
  readonly paths: BenchPaths;
  readonly floorWorker: string;
  readonly workDir: string;
  readonly seededDb: string;
  readonly runs: number;
  readonly loadRuns: number;
  readonly notes: Notes;
}

const describeScreen = (stdout: string): string => {
  const r = JSON.parse(stdout) as { kind: string; hsci: { add: unknown[]; remove: unknown[]; constituents: unknown[] }; southbound: Record<string, { add: unknown[]; remove: unknown[] }> };
  return `${r.kind}: HSCI +${r.hsci.add.length} -${r.hsci.remove.length} (${r.hsci.constituents.length} constituents); SH +${r.southbound.SH?.add.length} -${r.southbound.SH?.remove.length}`;
};

/** Builds a store with the calendar, securities and lists and no daily rows yet, returning its path. */
export function prepareReadyStore(ctx: MarketRunContext, files: MarketFiles, dates: ReviewDates): string {
  mkdirSync(ctx.workDir, { recursive: true });
  const ready = join(ctx.workDir, 'ready.db');
  copyStore(ctx.seededDb, ready);
  addSecuritiesAndLists(ctx.paths, ready, files, dates.listsAsOf, ctx.notes);
  return ready;
}

/** Counts the daily rows inside the review window. */
export function countWindowRows(dbPath: string, dates: ReviewDates): number {
  const sqlite = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM daily WHERE date > ? AND date <= ?').get(dates.windowFrom, dates.cutoff) as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

/** The aggregate floor over `store`'s own daily table, as a whole process (spec for the interleaved runs). */
export function floorAggregateSpec(ctx: MarketRunContext, label: string, store: string, dates: ReviewDates): ProcessRunSpec {
  return { label, runs: ctx.runs, cwd: ctx.paths.root, parts: jsonParts, args: () => [ctx.floorWorker, 'aggregate', store, dates.windowFrom, dates.cutoff] };
}

/** Waits for the kernel to write back dirty pages (`sync`, untimed); where there is no `sync`, goes on. */
function settleWrites(): void {
  spawnSync('sync', [], { stdio: 'ignore' });
}

/** Measures every figure of the main table on one market. */
export function measureMarket(ctx: MarketRunContext, files: MarketFiles, dates: ReviewDates): MarketMeasurements {
  const { paths, runs } = ctx;
  const ready = prepareReadyStore(ctx, files, dates);
  const loadDb = join(ctx.workDir, 'load.db');
  const loaded = join(ctx.workDir, 'loaded.db');
  const ingest = measureProcess({
    // No warm-up: the CSV is in the page cache from generation, and each run loads a fresh store.
    label: 'ingest daily', runs: ctx.loadRuns, cwd: paths.root, before: () => copyStore(ready, loadDb), warmups: 0,
    args: () => [paths.cli, '--db', loadDb, 'ingest', 'daily', files.dailyCsv],
  });
  if (!ingest.ok) throw new Error(`ingest daily failed: ${ingest.error ?? 'no reason given'}`);
  for (const s of ['', '-wal', '-shm']) rmSync(`${loaded}${s}`, { force: true });
  renameSync(loadDb, loaded);
  const floorDb = join(ctx.workDir, 'floor-load.db');
  const floorLoad = measureProcess({
    label: 'floor: split reader + prepared INSERT (same table)', runs: ctx.loadRuns, cwd: paths.root, parts: jsonParts, warmups: 0,
    before: () => copyStore(ready, floorDb), args: () => [ctx.floorWorker, 'load', floorDb, files.dailyCsv],
  });
  const sqlite = new BetterSqlite3(loaded, { readonly: true });
  const floorAggregateInProcess = measureInProcess('floor: window aggregate (in-process)', runs, () => {
    aggregateWindowFloor(sqlite, dates.windowFrom, dates.cutoff);
  });
  sqlite.close();
  const cliSpec = (label: string, args: readonly string[], describe?: (s: string) => string): ProcessRunSpec =>
    ({ label, runs, cwd: paths.root, args: () => [paths.cli, '--db', loaded, ...args], ...(describe ? { describe } : {}) });
  const cli = (label: string, args: readonly string[], describe?: (s: string) => string) => measureProcess(cliSpec(label, args, describe));
  // The loads just wrote ~0.5 GB; let the kernel finish writing it back before anything else is timed.
  settleWrites();
  // The screens' target is a ratio to the aggregate floor: measured side by side, run for run.
  const [floorAggregate, screenFull, screenPreview] = measureProcessesInterleaved([
    floorAggregateSpec(ctx, 'floor: window aggregate (process)', loaded, dates),
    cliSpec('screen (semi-annual)', ['screen', '--cutoff', dates.cutoff, '--format', 'json'], describeScreen),
    cliSpec('screen (preview)', ['screen', '--cutoff', dates.preview, '--format', 'json'], describeScreen),
  ]) as [Measurement, Measurement, Measurement];
  return {
    windowRows: countWindowRows(loaded, dates),
    ingest,
    floorLoad,
    ...measureAppend(ctx, loaded, files),
    floorAggregateInProcess,
    floorAggregate,
    screenFull,
    screenPreview,
    ...measureSql(ctx, loaded, dates),
    explain: cli('explain', ['explain', dates.code, '--cutoff', dates.cutoff]),
    queryHistory: cli('query history', ['query', 'history', dates.code, '--format', 'json'], (s) => `${(JSON.parse(s) as unknown[]).length} rows`),
    help: measureProcess({ label: '--help', runs, cwd: paths.root, args: () => [paths.cli, '--help'] }),
  };
}
