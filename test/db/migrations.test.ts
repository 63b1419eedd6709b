import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { migrateDownToEmpty, migrateToLatest } from '../../src/db/migrate.js';

const dirs: string[] = [];
function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-mig-'));
  dirs.push(dir);
  return join(dir, 'store.db');
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function tableNames(store: Store): string[] {
  return (store.sqlite.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name",
  ).all() as Array<{ name: string }>).map((r) => r.name);
}

describe('migrations on a real SQLite file', () => {
  it('migrates up to every table, down to none, and up again', async () => {
    const store = await openStore(tempDb());
    expect(tableNames(store)).toEqual([
      'attribute_changes', 'calendar', 'daily', 'diff_lists', 'diffs', 'hsci_members', 'job_locks', 'list_snapshots', 'loads',
      'official_changes', 'run_changes', 'runs', 'securities', 'shares_issued', 'southbound_members',
    ]);
    const down = await migrateDownToEmpty(store.db);
    expect(down.error).toBeUndefined();
    expect(tableNames(store)).toEqual([]);
    const up = await migrateToLatest(store.db);
    expect(up.error).toBeUndefined();
    expect(tableNames(store)).toContain('securities');
    await store.close();
  });

  it('opens with WAL, foreign keys on and a busy timeout', async () => {
    const store = await openStore(tempDb());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(store.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    await store.close();
  });

  it('enforces money >= 0, enumerations and foreign keys in the schema itself', async () => {
    const store = await openStore(tempDb());
    const insertSecurity = store.sqlite.prepare(
      `INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    insertSecurity.run('00700', 'TENCENT', 'MAIN', 'EQUITY', 'HKD', '2004-06-16');
    expect(() => insertSecurity.run('00701', 'X', 'NASDAQ', 'EQUITY', 'HKD', '2004-06-16')).toThrow(/CHECK/);
    expect(() => insertSecurity.run('0070', 'X', 'MAIN', 'EQUITY', 'HKD', '2004-06-16')).toThrow(/CHECK/);
    const insertDaily = store.sqlite.prepare(
      `INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended) VALUES (?, ?, ?, ?, ?)`,
    );
    insertDaily.run('00700', '2025-06-30', 4_000_000_000_000, 9_000_000_000, 0);
    expect(() => insertDaily.run('00700', '2025-07-02', -1, 0, 0)).toThrow(/CHECK/);
    expect(() => insertDaily.run('00700', '2025-07-03', 1, 0, 2)).toThrow(/CHECK/);
    expect(() => insertDaily.run('09999', '2025-07-02', 1, 0, 0)).toThrow(/FOREIGN KEY/);
    await store.close();
  });
});
