import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { isAtLatestMigration, migrateDownToEmpty, migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migration-list.js';
import { encodeRunResult, readRunResultJson } from '../../src/db/repositories/runs.js';
import { minimalResult } from '../schedule/schedule-fixture.js';

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
      'attribute_changes', 'calendar', 'daily', 'diff_lists', 'diffs', 'fetches', 'hsci_members', 'job_locks', 'list_snapshots', 'loads',
      'official_changes', 'run_changes', 'runs', 'securities', 'security_lists', 'shares_issued', 'southbound_members',
    ]);
    const down = await migrateDownToEmpty(store.db);
    expect(down.error).toBeUndefined();
    expect(tableNames(store)).toEqual([]);
    const up = await migrateToLatest(store.db);
    expect(up.error).toBeUndefined();
    expect(tableNames(store)).toContain('securities');
    await store.close();
  });

  it('moves run results between result_json and result_deflated both ways', async () => {
    const store = await openStore(tempDb());
    const result = JSON.stringify({ cutoff: '2026-06-30', decisions: Array.from({ length: 50 }, (_, i) => ({ code: String(i).padStart(5, '0'), detail: '调入 ✓' })) });
    const insert = store.sqlite.prepare(`INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger, result_deflated) VALUES ('2026-06-30', 'semi-annual', 'hsci-2025', 'x', 'succeeded', 'cli', ?)`);
    insert.run(deflateRawSync(result));
    // A result stored by encodeRunResult as Latin-1 (behind its marker byte) goes down as text too.
    const latin1 = { ...minimalResult('2026-06-30', 'semi-annual'), warnings: ['§7.2 Société'] };
    insert.run(encodeRunResult(latin1));
    // One step down, 2026-11-22T2200 turns the Latin-1 result back into UTF-8 JSON with no marker.
    expect((await migrateTo(store.db, '2026-11-22T2000-run-results-deflated')).error).toBeUndefined();
    const second = inflateRawSync(store.sqlite.prepare('SELECT result_deflated FROM runs WHERE id = 2').pluck().get() as Buffer);
    expect([second[0], second.toString('utf8')]).toEqual(['{'.charCodeAt(0), JSON.stringify(latin1)]);
    // Then down to before 2026-11-22T2000, which moves both into result_json.
    expect((await migrateTo(store.db, '2026-11-22T1800-daily-days')).error).toBeUndefined();
    expect(store.sqlite.prepare('SELECT result_json FROM runs ORDER BY id').pluck().all()).toEqual([result, JSON.stringify(latin1)]);
    expect((await migrateToLatest(store.db)).error).toBeUndefined();
    expect(store.sqlite.prepare('SELECT count(*) FROM runs WHERE result_json IS NOT NULL').pluck().get()).toBe(0);
    expect(await readRunResultJson(store.db, 1)).toBe(result);
    expect(await readRunResultJson(store.db, 2)).toBe(JSON.stringify(latin1));
    await store.close();
  });

  it('skips the migrator only when exactly the known migrations are applied', async () => {
    const path = tempDb();
    const store = await openStore(path);
    expect(isAtLatestMigration(store.sqlite)).toBe(true);
    // One migration short: not at the latest, and the next open migrates it forward.
    const before = Object.keys(migrations).sort().at(-2)!;
    expect((await migrateTo(store.db, before)).error).toBeUndefined();
    expect(isAtLatestMigration(store.sqlite)).toBe(false);
    await store.close();
    const reopened = await openStore(path);
    expect(isAtLatestMigration(reopened.sqlite)).toBe(true);
    // A migration this build does not know: not "at the latest"; the migrator refuses the store.
    reopened.sqlite.prepare("INSERT INTO kysely_migration (name, timestamp) VALUES ('2099-01-01T0000-from-the-future', 'x')").run();
    expect(isAtLatestMigration(reopened.sqlite)).toBe(false);
    await reopened.close();
    await expect(openStore(path)).rejects.toThrow(/2099-01-01T0000-from-the-future|corrupted/);
  });

  it('closes the connection whether or not the kysely handle was ever made, and one handle serves every use', async () => {
    const path = tempDb();
    const plain = await openStore(path);
    plain.sqlite.prepare("INSERT INTO calendar (date, is_trading_day, source, note) VALUES ('2030-01-02', 1, 'user', 'x')").run();
    await plain.close();
    expect(plain.sqlite.open).toBe(false);
    const both = await openStore(path);
    expect(both.db).toBe(both.db);
    // The kysely handle and the raw one are the same connection: a row written through one is read through the other.
    const rows = await both.db.selectFrom('calendar').select('note').where('date', '=', '2030-01-02').execute();
    expect(rows).toEqual([{ note: 'x' }]);
    await both.close();
    expect(both.sqlite.open).toBe(false);
  });

  it('opens with WAL, foreign keys on and a busy timeout', async () => {
    const store = await openStore(tempDb());
    expect(store.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(store.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    await store.close();
  });

  it('enforces enumerations and codes in the schema itself', async () => {
    const store = await openStore(tempDb());
    const insertSecurity = store.sqlite.prepare(
      `INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    insertSecurity.run('00700', 'TENCENT', 'MAIN', 'EQUITY', 'HKD', '2004-06-16');
    expect(() => insertSecurity.run('00701', 'X', 'NASDAQ', 'EQUITY', 'HKD', '2004-06-16')).toThrow(/CHECK/);
    expect(() => insertSecurity.run('0070', 'X', 'MAIN', 'EQUITY', 'HKD', '2004-06-16')).toThrow(/CHECK/);
    await store.close();
  });
});
