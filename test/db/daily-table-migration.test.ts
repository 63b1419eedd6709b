import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';

/**
 * 2026-12-04T1000 turns a store's packed `daily_days` (and its decoding view) into the plain `daily`
 * table and back. The store is built as the code before it built stores: records written through
 * the migrations up to 2026-11-22T2200. Checksums (count and sum per column, a hash of the ordered
 * rows) must be the same before, after, and after going back down.
 */
const dir = mkdtempSync(join(tmpdir(), 'hkc-daily-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checksum(sqlite: BetterSqlite3.Database): unknown {
  const totals = sqlite.prepare(`SELECT count(*) AS n, sum(market_cap_hkd) AS cap, sum(turnover_hkd) AS turnover, sum(suspended) AS suspended,
    count(close) AS closes, total(close) AS closeSum, count(volume) AS volumes, sum(volume) AS volumeSum FROM daily`).get();
  const rows = sqlite.prepare('SELECT code, date, market_cap_hkd, turnover_hkd, suspended, close, volume FROM daily ORDER BY code, date').raw().all();
  return { totals, hash: createHash('sha256').update(JSON.stringify(rows)).digest('hex') };
}

const kinds = (sqlite: BetterSqlite3.Database) =>
  sqlite.prepare("SELECT name, type FROM sqlite_master WHERE name IN ('daily', 'daily_days') ORDER BY name").raw().all();

describe('migration 2026-12-04T1000-daily-table', () => {
  it('keeps every record of a packed store going up, and again coming back down', async () => {
    const raw = new BetterSqlite3(join(dir, 'old.db'));
    raw.pragma('foreign_keys = ON');
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await migrateTo(db, '2026-11-22T0001-initial')).error).toBeUndefined();
    const codes = Array.from({ length: 40 }, (_, i) => String(i * 37 + 1).padStart(5, '0'));
    const security = raw.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, 'X', 'MAIN', 'EQUITY', 'HKD', '2000-01-03')`);
    for (const code of codes) security.run(code);
    const daily = raw.prepare('INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)');
    raw.transaction(() => {
      for (let d = 0; d < 60; d++) {
        const date = new Date(Date.UTC(2025, 0, 2 + d)).toISOString().slice(0, 10);
        codes.forEach((code, k) => {
          if ((d + k) % 11 === 0) return; // a gap
          const cap = 1_000_000_007 * (k + 1) + d * 9_999_991 + (k === 3 ? 9_000_000_000_000 : 0);
          daily.run(code, date, cap, (d * k) % 5 === 0 ? 0 : cap % 100_000_000, (d + 2 * k) % 13 === 0 ? 1 : 0,
            k % 4 === 0 ? null : (cap % 1000) / 7, k % 3 === 0 ? null : d * 1000 + k);
        });
      }
    })();
    const fromTable = checksum(raw);
    // Today's store: the records packed one row per date behind the view.
    expect((await migrateTo(db, '2026-11-22T2200-run-results-latin1')).error).toBeUndefined();
    expect(kinds(raw)).toEqual([['daily', 'view'], ['daily_days', 'table']]);
    const packed = checksum(raw);
    expect(packed).toEqual(fromTable);

    expect((await migrateToLatest(db)).error).toBeUndefined();
    expect(kinds(raw)).toEqual([['daily', 'table']]);
    expect(checksum(raw)).toEqual(packed);
    expect(raw.prepare("SELECT typeof(market_cap_hkd), typeof(volume) FROM daily WHERE volume IS NOT NULL LIMIT 1").raw().get()).toEqual(['integer', 'integer']);
    expect(raw.pragma('foreign_key_check')).toEqual([]);

    expect((await migrateTo(db, '2026-11-22T2200-run-results-latin1')).error).toBeUndefined();
    expect(kinds(raw)).toEqual([['daily', 'view'], ['daily_days', 'table']]);
    expect(checksum(raw)).toEqual(packed);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    await db.destroy();
  });
});
