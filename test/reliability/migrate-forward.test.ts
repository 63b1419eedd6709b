import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import { openStore } from '../../src/db/connection.js';
import { migrateTo } from '../../src/db/migrate.js';
import { migrations } from '../../src/db/migration-list.js';
import { readRunResultJson } from '../../src/db/repositories/runs.js';

// Issue 8: a database made by the first migration is migrated forward on open without losing rows.
const OLD_RESULT = JSON.stringify({ cutoff: '2024-12-31', kind: 'semi-annual', note: '港股通 调入 — non-ASCII survives', decisions: [{ code: '00700', checks: [] }] });
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
    raw.exec(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES ('00005', 'HSBC', 'MAIN', 'EQUITY', 'HKD', '1991-01-02')`);
    raw.exec(`INSERT INTO calendar (date, is_trading_day, source) VALUES ('2025-07-02', 1, 'seed')`);
    raw.exec(`INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended) VALUES ('00700', '2025-06-30', 4400000000000, 9000000000, 0)`);
    raw.exec(`INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended, close, volume) VALUES
      ('00005', '2025-06-30', 1700000000000, 3000000000, 0, 95.15, 31234567), ('00700', '2025-07-02', 4400000000000, 0, 1, NULL, NULL)`);
    raw.exec(`INSERT INTO hsci_members (as_of, code, segment) VALUES ('2025-03-10', '00700', 'LARGE')`);
    raw.prepare(`INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger, result_json) VALUES ('2024-12-31', 'semi-annual', 'hsci-2025', '2025-01-02T09:00:00+08:00', 'succeeded', 'cli', ?)`)
      .run(OLD_RESULT);
    raw.exec(`INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger, error) VALUES ('2024-12-31', 'semi-annual', 'hsci-2025', '2025-01-02T10:00:00+08:00', 'failed', 'cli', 'no daily data')`);
    await db.destroy();

    const store = await openStore(path);
    const applied = store.sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all();
    expect(applied).toEqual(names);
    // Through 2026-11-22T1800 (one packed row per date) and back to the plain table (2026-12-04T1000): every value kept.
    expect(store.sqlite.prepare("SELECT type FROM sqlite_master WHERE name = 'daily'").pluck().get()).toBe('table');
    expect(store.sqlite.prepare('SELECT * FROM daily ORDER BY date, code').all()).toEqual([
      { code: '00005', date: '2025-06-30', market_cap_hkd: 1_700_000_000_000, turnover_hkd: 3_000_000_000, suspended: 0, close: 95.15, volume: 31_234_567 },
      { code: '00700', date: '2025-06-30', market_cap_hkd: 4_400_000_000_000, turnover_hkd: 9_000_000_000, suspended: 0, close: null, volume: null },
      { code: '00700', date: '2025-07-02', market_cap_hkd: 4_400_000_000_000, turnover_hkd: 0, suspended: 1, close: null, volume: null },
    ]);
    expect(store.sqlite.prepare('SELECT count(*) FROM securities').pluck().get()).toBe(2);
    expect(store.sqlite.prepare('SELECT segment FROM hsci_members').pluck().get()).toBe('LARGE');
    expect(store.sqlite.prepare('SELECT status FROM runs ORDER BY id').pluck().all()).toEqual(['succeeded', 'failed']);
    // Run results are kept deflated; the text read back is the text stored, character for character.
    expect(store.sqlite.prepare('SELECT count(*) FROM runs WHERE result_json IS NOT NULL').pluck().get()).toBe(0);
    expect(await readRunResultJson(store.db, 1)).toBe(OLD_RESULT);
    expect(await readRunResultJson(store.db, 2)).toBeNull();
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    await store.close();
  });
});
