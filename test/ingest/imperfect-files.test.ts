import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';

// Files shaped like the ones real users bring (issue 16), loaded through the CLI into a real store
// that holds the bundled calendar only (no db seed).
const dir = mkdtempSync(join(tmpdir(), 'hkc-imperfect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let db = '';
let n = 0;
const now = new Date('2026-01-05T02:00:00Z');
const cli = (...args: string[]) => runCliCaptured(db, now, args);
function file(name: string, text: string): string {
  const path = join(dir, `${n}-${name}`);
  writeFileSync(path, text);
  return path;
}
const SECURITIES = `code,name,board,type,currency,listing_date,wvr
700,TENCENT,MAIN,EQUITY,HKD,2004-06-16,0
5,HSBC HOLDINGS,MAIN,EQUITY,HKD,1991-01-02,0
2259,ZIJIN GOLD,MAIN,EQUITY,HKD,2025-09-30,1
`;
const count = (sql: string) => {
  const raw = new BetterSqlite3(db, { readonly: true });
  try { return raw.prepare(sql).pluck().get(); } finally { raw.close(); }
};

beforeEach(async () => {
  n += 1;
  db = join(dir, `store-${n}.db`);
  expect((await cli('ingest', 'securities', file('sec.csv', SECURITIES))).code).toBe(0);
});

// A vendor export forward-fills the last values onto holidays: 2025-10-01 (National Day), 2025-12-25.
const VENDOR = `date,code,market_cap_hkd,turnover_hkd,suspended
2025-09-30,700,5000000000000,20000000000,0
2025-09-30,5,2000000000000,5000000000,0
2025-10-01,700,5000000000000,20000000000,0
2025-10-01,5,2000000000000,5000000000,0
2025-10-02,700,5100000000000,21000000000,0
2025-10-02,5,2010000000000,5100000000,0
2025-12-24,700,5200000000000,9000000000,0
2025-12-25,700,5200000000000,9000000000,0
`;

describe('a vendor file with forward-filled holiday rows', () => {
  it('loads the trading days and rejects each holiday row naming the holiday; the holidays stay closed', async () => {
    const r = await cli('ingest', 'daily', file('vendor.csv', VENDOR));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/5 stored, 3 rejected/);
    expect(r.err).toContain('line 4, field "date": 2025-10-01 is not a trading day: the market was closed (National Day); if the market was open that day, load the file with --open-days 2025-10-01');
    expect(r.err).toContain('line 9, field "date": 2025-12-25 is not a trading day: the market was closed (Christmas Day)');
    expect(count("SELECT count(*) FROM calendar WHERE date IN ('2025-10-01', '2025-12-25') AND is_trading_day = 0 AND source = 'seed'")).toBe(2);
  });

  it('with --strict stores nothing and exits 2 with one sentence', async () => {
    const r = await cli('ingest', 'daily', '--strict', file('vendor.csv', VENDOR));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 4, field "date": 2025-10-01 is not a trading day: the market was closed \(National Day\)/);
    expect(count('SELECT count(*) FROM daily')).toBe(0);
  });

  it('--open-days opens the days the user says were open, and stores their rows', async () => {
    const r = await cli('ingest', 'daily', file('vendor.csv', VENDOR), '--open-days', '2025-10-01,2025-12-25');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/8 stored, 0 rejected/);
    expect(count("SELECT count(*) FROM calendar WHERE date IN ('2025-10-01', '2025-12-25') AND is_trading_day = 1 AND source = 'user'")).toBe(2);
  });

  it('--open-days on a weekend, a bad date or another kind is bad usage (exit 2, one sentence)', async () => {
    const weekend = await cli('ingest', 'daily', file('vendor.csv', VENDOR), '--open-days', '2025-10-04');
    expect(weekend.code).toBe(2);
    expect(weekend.err).toBe('hkconnect: --open-days 2025-10-04 is a Saturday; the market never opens on a weekend.\n');
    expect((await cli('ingest', 'daily', file('vendor.csv', VENDOR), '--open-days', '2025-13-01')).err).toMatch(/--open-days 2025-13-01 does not exist: there is no month 13/);
    expect((await cli('ingest', 'securities', file('sec.csv', SECURITIES), '--open-days', '2025-10-01')).err).toMatch(/--open-days applies to daily files only, not securities/);
  });
});

describe('rows dated before the security\'s listing date', () => {
  it('are bad rows naming the listing date; the rows from the listing day on are stored', async () => {
    const daily = `date,code,market_cap_hkd,turnover_hkd,suspended
2025-09-26,2259,30000000000,9000000000000,0
2025-09-29,2259,30000000000,9000000000000,0
2025-09-30,2259,31000000000,23000000,0
2025-10-02,2259,32000000000,23600000,0
`;
    const r = await cli('ingest', 'daily', file('early.csv', daily));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 stored, 2 rejected/);
    expect(r.err).toContain('line 2, field "date": 02259 was listed on 2025-09-30, so it has no record on 2025-09-26; drop the row, or correct listing_date with ingest securities if the listing date is wrong');
    expect(r.err).toContain('line 3, field "date": 02259 was listed on 2025-09-30, so it has no record on 2025-09-29');
    expect(count("SELECT min(date) FROM daily WHERE code = '02259'")).toBe('2025-09-30');
  });
});

describe('db close-day closes a day again', () => {
  it('records the day closed (source user), takes its rows out, and a later file\'s rows that day are bad rows again', async () => {
    expect((await cli('ingest', 'daily', file('vendor.csv', VENDOR), '--open-days', '2025-10-01,2025-12-25')).code).toBe(0);
    const r = await cli('db', 'close-day', '2025-10-01', '--note', 'National Day (reopened by mistake)');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe('2025-10-01: closed (was open (source user)); 2 daily row(s) taken out.\n');
    expect(count("SELECT count(*) FROM daily WHERE date = '2025-10-01'")).toBe(0);
    expect(count("SELECT is_trading_day || source || note FROM calendar WHERE date = '2025-10-01'")).toBe('0userNational Day (reopened by mistake)');
    expect(count('SELECT count(*) FROM daily')).toBe(6);
    const again = await cli('ingest', 'daily', file('vendor.csv', VENDOR));
    expect(again.err).toContain('2025-10-01 is not a trading day: the market was closed (National Day (reopened by mistake))');
    // Migrating or seeding again never reopens it.
    expect((await cli('db', 'seed')).code).toBe(0);
    expect(count("SELECT is_trading_day FROM calendar WHERE date = '2025-10-01'")).toBe(0);
  });

  it('a date that is not one is bad usage', async () => {
    const r = await cli('db', 'close-day', '2025-02-30');
    expect(r.code).toBe(2);
    expect(r.err).toBe('hkconnect: 2025-02-30 is not a real date of the form YYYY-MM-DD.\n');
  });
});
