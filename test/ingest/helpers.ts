import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';

/** Temp folders made by a test file; remove with `cleanTemp()` in afterEach. */
const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-ingest-'));
  dirs.push(dir);
  return dir;
}

export function cleanTemp(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** Writes `content` to a fresh temp file and returns its path. */
export function writeTemp(name: string, content: string | Buffer): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** A store on a real SQLite file with the real migrations. */
export async function openTempStore(): Promise<Store> {
  return openStore(join(tempDir(), 'store.db'));
}

/** Inserts securities (code only matters) and calendar days, the facts loaders check against. */
export function seedBasics(store: Store, codes: readonly string[], tradingDays: readonly string[] = [], closedDays: readonly string[] = []): void {
  const sec = store.sqlite.prepare(
    `INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', 'HKD', '2000-01-03')`,
  );
  const cal = store.sqlite.prepare(`INSERT INTO calendar (date, is_trading_day, source) VALUES (?, ?, 'seed')`);
  store.sqlite.transaction(() => {
    // The test's own calendar world: the migration's bundled calendar is taken out first.
    store.sqlite.exec('DELETE FROM calendar');
    for (const c of codes) sec.run(c, `Name ${c}`);
    for (const d of tradingDays) cal.run(d, 1);
    for (const d of closedDays) cal.run(d, 0);
  })();
}

/** All rows of a table, ordered, as a string: equal strings = equal tables. */
export function tableChecksum(store: Store, table: string, orderBy: string): string {
  return JSON.stringify(store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${orderBy}`).all());
}

/** Asserts the store is sound after a load (run after every integration test). */
export function expectStoreSound(store: Store): void {
  expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
}

export function countRows(store: Store, table: string): number {
  return store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}
