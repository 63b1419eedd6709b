import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';
import { openStore } from '../../src/db/connection.js';
import { dailyWriter } from '../support/daily.js';

let dir: string;
let dbPath: string;

/** A small store: two securities, a few days, two HSCI snapshots and Southbound lists with different dates per channel. */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-query-'));
  dbPath = join(dir, 'q.db');
  const store = await openStore(dbPath);
  const s = store.sqlite;
  const sec = s.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', 'HKD', '2004-06-16')`);
  sec.run('00700', 'TENCENT'); sec.run('00005', 'HSBC'); sec.run('09988', 'BABA');
  const daily = dailyWriter(store);
  daily.run('00700', '2025-06-27', 4_500_000_000_000, 9_100_000_000, 0, 492.4);
  daily.run('00700', '2025-06-30', 4_520_000_000_000, 8_000_000_000, 0, 494.2);
  daily.run('00700', '2025-07-02', 4_520_000_000_000, 0, 1, null);
  daily.run('00005', '2025-06-30', 1_700_000_000_000, 3_000_000_000, 0, 95.1);
  const snap = s.prepare(`INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES (?, ?, 'test', '2025-01-01T00:00:00Z')`);
  const hsci = s.prepare(`INSERT INTO hsci_members (as_of, code, segment) VALUES (?, ?, ?)`);
  snap.run('HSCI', '2025-03-10'); hsci.run('2025-03-10', '00700', 'LARGE'); hsci.run('2025-03-10', '00005', 'LARGE');
  snap.run('HSCI', '2025-09-08'); hsci.run('2025-09-08', '00700', 'LARGE'); hsci.run('2025-09-08', '09988', 'MID');
  const sb = s.prepare(`INSERT INTO southbound_members (as_of, channel, code) VALUES (?, ?, ?)`);
  snap.run('SB_SH', '2025-03-10'); sb.run('2025-03-10', 'SH', '00700'); sb.run('2025-03-10', 'SH', '00005');
  snap.run('SB_SZ', '2025-03-10'); sb.run('2025-03-10', 'SZ', '00700'); sb.run('2025-03-10', 'SZ', '00005');
  // The SZ list changes later than the SH list: each channel has its own snapshot in force.
  snap.run('SB_SZ', '2025-06-16'); sb.run('2025-06-16', 'SZ', '00700'); sb.run('2025-06-16', 'SZ', '09988');
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCliCaptured(dbPath, new Date('2025-07-10T02:00:00Z'), args);
const json = async (...args: string[]) => {
  const r = await run(...args, '--format', 'json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as unknown;
};

describe('query history', () => {
  it('returns the contract rows by date, suspended as a boolean and close as a number or null', async () => {
    expect(await json('query', 'history', '700')).toEqual([
      { date: '2025-06-27', marketCapHkd: 4_500_000_000_000, turnoverHkd: 9_100_000_000, suspended: false, close: 492.4 },
      { date: '2025-06-30', marketCapHkd: 4_520_000_000_000, turnoverHkd: 8_000_000_000, suspended: false, close: 494.2 },
      { date: '2025-07-02', marketCapHkd: 4_520_000_000_000, turnoverHkd: 0, suspended: true, close: null },
    ]);
  });

  it('keeps --from and --to inclusive', async () => {
    const rows = await json('query', 'history', '00700', '--from', '2025-06-30', '--to', '2025-07-02') as Array<{ date: string }>;
    expect(rows.map((r) => r.date)).toEqual(['2025-06-30', '2025-07-02']);
    expect(await json('query', 'history', '700', '--to', '2025-06-29')).toHaveLength(1);
    expect(await json('query', 'history', '700', '--from', '2025-07-03')).toEqual([]);
  });

  it('writes CSV and a table', async () => {
    const csv = await run('query', 'history', '5', '--format', 'csv');
    expect(csv.out).toBe('date,marketCapHkd,turnoverHkd,suspended,close\n2025-06-30,1700000000000,3000000000,false,95.1\n');
    const table = await run('query', 'history', '5');
    expect(table.out.split('\n')[0]).toMatch(/^date\s+marketCapHkd\s+turnoverHkd\s+suspended\s+close$/);
  });

  it('exits 2 (an unknown code, as in explain) with one sentence naming the store', async () => {
    const r = await run('query', 'history', '1234');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^hkconnect: the store \S+ holds no security 01234; check the code, or load it with "hkconnect ingest securities"\.\n$/);
  });

  it.each([
    [['query', 'history', '7000000'], /not a stock code/],
    [['query', 'history', 'ABC'], /not a stock code/],
    [['query', 'history', '700', '--from', '2025-02-30'], /--from 2025-02-30 does not exist: February 2025 has 28 days/],
    [['query', 'history', '700', '--to', '30/06/2025'], /--to "30\/06\/2025"/],
    [['query', 'history', '700', '--from', '2025-07-01', '--to', '2025-06-01'], /after --to/],
    [['query', 'history', '700', '--format', 'xml'], /Invalid values/],
  ])('rejects %j with exit 2', async (args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe('query constituents', () => {
  it('returns the snapshot in force (the latest with as_of on or before the date), with names', async () => {
    const march = [{ code: '00005', name: 'HSBC', segment: 'LARGE' }, { code: '00700', name: 'TENCENT', segment: 'LARGE' }];
    const september = [{ code: '00700', name: 'TENCENT', segment: 'LARGE' }, { code: '09988', name: 'BABA', segment: 'MID' }];
    expect(await json('query', 'constituents', '--as-of', '2025-03-10')).toEqual(march);
    expect(await json('query', 'constituents', '--as-of', '2025-09-07')).toEqual(march);
    expect(await json('query', 'constituents', '--as-of', '2025-09-08')).toEqual(september);
    expect(await json('query', 'constituents', '--as-of', '2026-12-31')).toEqual(september);
  });

  it('returns an empty list with a note before the first snapshot', async () => {
    const r = await run('query', 'constituents', '--as-of', '2025-03-09', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.err).toMatch(/no HSCI list was loaded in \S+ with an as-of date on or before 2025-03-09/);
  });

  it('needs a valid --as-of', async () => {
    expect((await run('query', 'constituents')).code).toBe(2);
    expect((await run('query', 'constituents', '--as-of', '2025-13-01')).code).toBe(2);
  });
});

describe('query southbound', () => {
  it('merges the two channel lists per code, channels SH then SZ', async () => {
    expect(await json('query', 'southbound', '--as-of', '2025-03-10')).toEqual([
      { code: '00005', name: 'HSBC', channels: ['SH', 'SZ'] },
      { code: '00700', name: 'TENCENT', channels: ['SH', 'SZ'] },
    ]);
    // From 2025-06-16 the SZ list differs; the SH list of 2025-03-10 is still in force.
    expect(await json('query', 'southbound', '--as-of', '2025-06-30')).toEqual([
      { code: '00005', name: 'HSBC', channels: ['SH'] },
      { code: '00700', name: 'TENCENT', channels: ['SH', 'SZ'] },
      { code: '09988', name: 'BABA', channels: ['SZ'] },
    ]);
  });

  it('with --channel lists only that channel', async () => {
    expect(await json('query', 'southbound', '--as-of', '2025-06-30', '--channel', 'SZ')).toEqual([
      { code: '00700', name: 'TENCENT', channels: ['SZ'] },
      { code: '09988', name: 'BABA', channels: ['SZ'] },
    ]);
    expect(await json('query', 'southbound', '--as-of', '2025-06-30', '--channel', 'SH')).toEqual([
      { code: '00005', name: 'HSBC', channels: ['SH'] },
      { code: '00700', name: 'TENCENT', channels: ['SH'] },
    ]);
    // Any case, as ingest accepts it.
    expect(await json('query', 'southbound', '--as-of', '2025-06-30', '--channel', 'sz')).toEqual([
      { code: '00700', name: 'TENCENT', channels: ['SZ'] },
      { code: '09988', name: 'BABA', channels: ['SZ'] },
    ]);
  });

  it('prints channels joined in CSV, empty before any list, and rejects a bad channel', async () => {
    const csv = await run('query', 'southbound', '--as-of', '2025-03-10', '--format', 'csv');
    expect(csv.out).toBe('code,name,channels\n00005,HSBC,SH SZ\n00700,TENCENT,SH SZ\n');
    const before = await run('query', 'southbound', '--as-of', '2025-01-01', '--format', 'json');
    expect(JSON.parse(before.out)).toEqual([]);
    expect(before.err).toMatch(/no Southbound SH list/);
    expect((await run('query', 'southbound', '--as-of', '2025-03-10', '--channel', 'BJ')).code).toBe(2);
  });
});
