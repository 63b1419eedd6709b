import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { seedStore } from '../../src/jobs/seed.js';

const dir = mkdtempSync(join(tmpdir(), 'hkc-calmig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function calendarOf(db: BetterSqlite3.Database): Array<{ date: string; is_trading_day: number; source: string; note: string | null }> {
  return db.prepare('SELECT date, is_trading_day, source, note FROM calendar ORDER BY date').all() as never;
}

describe('migration 2026-12-04T1100-seed-calendar: the bundled calendar is always there', () => {
  it('a new store holds every day 2015-2027 with the holidays named, without db seed', async () => {
    const store = await openStore(':memory:');
    const cal = calendarOf(store.sqlite);
    expect(cal.length).toBe(4748);
    expect(cal[0]!.date).toBe('2015-01-01');
    expect(cal.at(-1)!.date).toBe('2027-12-31');
    expect(cal.find((d) => d.date === '2025-10-01')).toEqual({ date: '2025-10-01', is_trading_day: 0, source: 'seed', note: 'National Day' });
    expect(cal.find((d) => d.date === '2025-12-25')).toMatchObject({ is_trading_day: 0, note: 'Christmas Day' });
    expect(cal.find((d) => d.date === '2025-12-24')).toMatchObject({ is_trading_day: 1, source: 'seed' });
    // db seed afterwards changes nothing.
    await seedStore(store, { sample: false });
    expect(calendarOf(store.sqlite)).toEqual(cal);
    await store.close();
  });

  it('never overwrites a day real data recorded before it ran, and its down takes out only its own days', async () => {
    const path = join(dir, 'older.db');
    const raw = new BetterSqlite3(path);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) });
    expect((await migrateTo(db, '2026-11-22T2200-run-results-latin1')).error).toBeUndefined();
    // A typhoon closure from an HKEX report, a holiday a user opened, a day seeded by an older db seed.
    raw.exec(`INSERT INTO calendar (date, is_trading_day, source, note) VALUES
      ('2025-09-24', 0, 'dayquot', 'NO TRADING (HKEX daily quotations)'),
      ('2025-10-01', 1, 'user', 'opened by --open-days'),
      ('2025-06-30', 1, 'seed', NULL)`);
    expect((await migrateToLatest(db)).error).toBeUndefined();
    const cal = calendarOf(raw);
    expect(cal.length).toBe(4748);
    expect(cal.find((d) => d.date === '2025-09-24')).toEqual({ date: '2025-09-24', is_trading_day: 0, source: 'dayquot', note: 'NO TRADING (HKEX daily quotations)' });
    expect(cal.find((d) => d.date === '2025-10-01')).toEqual({ date: '2025-10-01', is_trading_day: 1, source: 'user', note: 'opened by --open-days' });
    expect(cal.find((d) => d.date === '2025-12-25')).toMatchObject({ is_trading_day: 0, source: 'seed' });
    expect((await migrateTo(db, '2026-11-22T2200-run-results-latin1')).error).toBeUndefined();
    expect(calendarOf(raw).map((d) => d.date)).toEqual(['2025-09-24', '2025-10-01']);
    // Up again: idempotent, the real days still stand.
    expect((await migrateToLatest(db)).error).toBeUndefined();
    expect(calendarOf(raw)).toEqual(cal.map((d) => d.date === '2025-06-30' ? { ...d, note: null } : d));
    await db.destroy();
  });
});
