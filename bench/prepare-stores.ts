import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../src/db/connection.js';
import { addDays, weekday } from '../src/domain/dates.js';
import { spawnTimed } from './spawn-timed.js';
import type { MarketFiles } from './market-cache.js';
import { openWithStorePragmas } from './floor.js';

/** How the bench built a store: through the real CLI, or a stand-in while a command is missing. */
export type Notes = string[];

export interface BenchPaths {
  /** Project root (cwd of every child). */
  readonly root: string;
  /** `dist/src/cli/bin.js`, the binary package.json names. */
  readonly cli: string;
}

/** Runs the CLI; returns true on exit 0, else records why in `notes`. */
export function runCli(paths: BenchPaths, args: readonly string[], notes: Notes): boolean {
  const r = spawnTimed([paths.cli, ...args], { cwd: paths.root });
  if (r.exitCode === 0) return true;
  const shown = args.map((a) => (a.includes('/') ? basename(a) : a)).join(' ');
  notes.push(`\`hkconnect ${shown}\` exited ${r.exitCode}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
  return false;
}

/** Copies a closed store file (and a WAL left behind, if any). */
export function copyStore(from: string, to: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
}

/**
 * A store with the trading calendar, through `hkconnect db seed`; days of [from, to] the seed does
 * not cover (or every day, while `db seed` is missing) are filled with weekdays, and noted.
 */
export async function createSeededStore(paths: BenchPaths, dbPath: string, from: string, to: string, notes: Notes): Promise<void> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  runCli(paths, ['--db', dbPath, 'db', 'seed'], notes);
  const store = await openStore(dbPath);
  try {
    const covered = store.sqlite.prepare('SELECT count(*) AS n FROM calendar WHERE date >= ? AND date <= ?').get(from, to) as { n: number };
    const missing: string[] = [];
    const have = new Set((store.sqlite.prepare('SELECT date FROM calendar WHERE date >= ? AND date <= ?').all(from, to) as Array<{ date: string }>).map((r) => r.date));
    for (let d = from; d <= to; d = addDays(d, 1)) if (!have.has(d)) missing.push(d);
    if (missing.length > 0) {
      const insert = store.sqlite.prepare("INSERT INTO calendar (date, is_trading_day, source, note) VALUES (?, ?, 'user', 'bench weekday fill')");
      store.sqlite.transaction(() => {
        for (const d of missing) insert.run(d, weekday(d) <= 5 && !isFixedHoliday(d) ? 1 : 0);
      })();
      notes.push(`calendar: ${covered.n} seeded days in ${from}..${to}; ${missing.length} days filled with weekdays by the bench`);
    }
  } finally {
    await store.close();
  }
}

function isFixedHoliday(d: string): boolean {
  return ['01-01', '05-01', '07-01', '10-01', '12-25', '12-26'].includes(d.slice(5));
}

/** The trading days of the store's calendar in [from, to]. */
export function readTradingDays(dbPath: string, from: string, to: string): string[] {
  const sqlite = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return (sqlite.prepare('SELECT date FROM calendar WHERE is_trading_day = 1 AND date >= ? AND date <= ? ORDER BY date').all(from, to) as Array<{ date: string }>)
      .map((r) => r.date);
  } finally {
    sqlite.close();
  }
}

/** Adds the securities and the lists in force before the review, through the CLI (fallback: direct inserts, noted). */
export function addSecuritiesAndLists(paths: BenchPaths, dbPath: string, files: MarketFiles, listsAsOf: string, notes: Notes): void {
  if (!runCli(paths, ['--db', dbPath, 'ingest', 'securities', files.securitiesCsv], notes)) insertSecuritiesDirect(dbPath, files);
  runCli(paths, ['--db', dbPath, 'ingest', 'hsci', files.hsciCsv, '--as-of', listsAsOf], notes);
  runCli(paths, ['--db', dbPath, 'ingest', 'southbound', files.southboundCsv, '--as-of', listsAsOf], notes);
}

function insertSecuritiesDirect(dbPath: string, files: MarketFiles): void {
  const sqlite = openWithStorePragmas(dbPath);
  const lines = readFileSync(files.securitiesCsv, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const insert = sqlite.prepare(`INSERT OR REPLACE INTO securities (${header.join(',')}) VALUES (${header.map(() => '?').join(',')})`);
  sqlite.transaction(() => {
    for (const line of lines.slice(1)) insert.run(line.split(',').map((v) => (v === '' ? null : v)));
  })();
  sqlite.close();
}
