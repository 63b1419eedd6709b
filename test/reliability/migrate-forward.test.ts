import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../src/db/connection.js';
import { migrateTo } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migration-list.js';

// Issue 8: a database made by the first migration is migrated forward on open without losing rows.
const dir = mkdtempSync(join(tmpdir(), 'hkc-fwd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a store from an older schema', () => {
  it('is migrated to the latest schema on open, keeping every row', async () => {
    const path = join(dir, 'old.db');
    const names = Object.keys(migrations).sort();
    const first = names[0]!;
    // Make the file exactly as the first migration left it.
    const raw = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    const { error } = await migrateTo(db, first);
    expect(error).toBeUndefined();
    raw.exec(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES ('00700', 'TENCENT', 'MAIN', 'EQUITY', 'HKD', '2004-06-16')`);
    raw.exec(`INSERT INTO calendar (date, is_trading_day, source) VALUES ('2025-06-30', 1, 'seed')`);
    raw.exec(`INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended) VALUES ('00700', '2025-06-30', 4400000000000, 9000000000, 0)`);
    raw.exec(`INSERT INTO hsci_members (as_of, code, segment) VALUES ('2025-03-10', '00700', 'LARGE')`);
    raw.exec(`INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger) VALUES ('2024-12-31', 'semi-annual', 'hsci-2025', '2025-01-02T09:00:00+08:00', 'succeeded', 'cli')`);
    await db.destroy();

    const store = await openStore(path);
    const applied = store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
    expect(applied).toEqual(names);
    expect(store.sqlite.prepare('SELECT market_cap_hkd FROM daily').pluck().get()).toBe(4_400_000_000_000);
    expect(store.sqlite.prepare('SELECT count(*) FROM securities').pluck().get()).toBe(1);
    expect(store.sqlite.prepare('SELECT segment FROM hsci_members').pluck().get()).toBe('LARGE');
    expect(store.sqlite.prepare('SELECT status FROM runs').pluck().get()).toBe('succeeded');
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    await store.close();
  });
});
