/**
 * The observable promises of docs/contract.md, pinned through `runCli` on a small store that is
 * itself built through the CLI (db seed, ingest of every CSV kind, the SSE JSON list). What is pinned:
 * exit codes 0/1/2, one-sentence errors without stack traces, code normalisation, the input-file rules,
 * the JSON rows of every query, the `screen --format json` shape and the `events` rows.
 *
 * The market (cut-off 2026-06-30, constant caps, velocity 0.2%): 00700 3,000bn and 00005 1,000bn
 * (constituents), 00388 600bn and 00011 400bn (additions: coverage 85.0% and 92.4%), 00012 400bn
 * (99.8%, waits), 01234 10bn (constituent past 96%, suspended from 2026-06-01: a removal and a future
 * long-suspension event), 06999 5bn, a new A+H listing whose stabilisation ends after C (pending),
 * 06998 1bn, an old A+H listing outside the HSCI (a Southbound add through the A+H path).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { commandModules } from '../../src/cli/commands/index.js';
import type { CliContext } from '../../src/cli/context.js';
import { openStore, resolveDbPath } from '../../src/db/connection.js';
import { CLI_BIN } from '../support/run-cli.js';

let dir: string;
let db: string;
/** Daily rows after the initial load. */
let dailyRows: number;

interface Outcome { code: number; out: string; err: string }

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Outcome> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, env, now: () => new Date('2026-07-20T02:00:00Z'), isTTY: false,
  };
  const code = await runCli(args, ctx);
  return { code, out, err };
}
const run = (...args: string[]): Promise<Outcome> => cli(['--db', db, ...args]);
async function json<T = unknown>(...args: string[]): Promise<T> {
  const r = await run(...args, '--format', 'json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as T;
}
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
async function countRows(sql: string): Promise<number> {
  const store = await openStore(db);
  try {
    return Number(store.sqlite.prepare(sql).pluck().get());
  } finally {
    await store.close();
  }
}
/** One line on stderr, prefixed, and no stack trace. */
function expectOneSentence(err: string): void {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).toMatch(/^hkconnect: /);
  expect(err).not.toMatch(/\n\s+at /);
}

const CAPS_BN: Record<string, number> = { '700': 3000, '5': 1000, '388': 600, '11': 400, '12': 400, '1234': 10, '6999': 5, '6998': 1 };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-contract-'));
  db = join(dir, 'store.db');
  expect((await run('db', 'seed')).code).toBe(0);
  // Column order free, an unknown column, blank optional cells, booleans as 0/1 and true/false, codes without zeros.
  const securities = file('securities.csv', [
    'name,code,listing_date,board,type,currency,wvr,secondary_listing,free_float,a_share_code,a_share_exchange,a_share_listing_date,stabilisation_end,note',
    'Big Co,700,2004-06-16,MAIN,EQUITY,HKD,false,0,,,,,,ignored',
    'Bank Co,5,1991-01-02,MAIN,EQUITY,HKD,0,false,0.9,,,,,',
    'Exchange Co,388,2000-06-27,MAIN,EQUITY,HKD,,,,,,,,',
    'Eleven Co,11,1990-01-02,MAIN,EQUITY,HKD,0,0,,,,,,',
    'Twelve Co,12,1990-01-02,MAIN,EQUITY,HKD,0,0,,,,,,',
    'Small Co,1234,2010-01-04,MAIN,EQUITY,HKD,true,0,1,,,,,',
    'New AH Co,6999,2026-06-15,MAIN,EQUITY,HKD,0,0,,601999,SSE,2015-01-05,2026-07-15,',
    'Old AH Co,6998,2016-03-01,MAIN,EQUITY,HKD,0,0,,601998,SSE,2010-01-04,,',
  ].join('\n'));
  const store = await openStore(db);
  const days = store.sqlite.prepare("SELECT date FROM calendar WHERE is_trading_day = 1 AND date BETWEEN '2025-06-02' AND '2026-06-30' ORDER BY date").pluck().all() as string[];
  await store.close();
  const lines = ['turnover_hkd,suspended,date,code,market_cap_hkd,close'];
  for (const [code, bn] of Object.entries(CAPS_BN)) {
    for (const date of days) {
      if (code === '6999' && date < '2026-06-15') continue;
      const cap = bn * 1e9;
      const suspended = code === '1234' && date >= '2026-06-01';
      lines.push(`${suspended ? 0 : cap * 0.002},${suspended ? 1 : 0},${date},${code},${cap},${suspended ? '' : '10.5'}`);
    }
  }
  const daily = file('daily.csv', lines.join('\n'));
  const hsci = file('hsci.csv', 'segment,code\nLARGE,700\nLARGE,5\nSMALL,1234\n');
  const sh = file('sh.csv', 'code,channel,name\n700,BOTH,Big Co\n5,BOTH,Bank Co\n1234,SH,Small Co\n');
  const szJson = file('sz.json', JSON.stringify({ '00700': 'Big Co', '00005': 'Bank Co' }));
  for (const args of [
    ['ingest', 'securities', securities], ['ingest', 'daily', daily], ['ingest', 'hsci', hsci, '--as-of', '2026-03-09'],
    ['ingest', 'southbound', sh, '--as-of', '2026-03-09'], ['ingest', 'southbound', szJson, '--channel', 'SZ', '--as-of', '2026-03-10'],
  ]) {
    const r = await run(...args);
    expect(r.err, args.join(' ')).toBe('');
    expect(r.code, args.join(' ')).toBe(0);
  }
  dailyRows = await countRows('SELECT COUNT(*) FROM daily');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('running it', () => {
  it('reads the store from --db, else HKCONNECT_DB, else ./data/hkconnect.db', async () => {
    expect(resolveDbPath(undefined, {})).toBe('./data/hkconnect.db');
    expect(resolveDbPath(undefined, { HKCONNECT_DB: '/x/env.db' })).toBe('/x/env.db');
    expect(resolveDbPath('/x/flag.db', { HKCONNECT_DB: '/x/env.db' })).toBe('/x/flag.db');
    const viaEnv = await cli(['query', 'constituents', '--as-of', '2026-06-30', '--format', 'json'], { HKCONNECT_DB: db });
    expect(JSON.parse(viaEnv.out)).toHaveLength(3);
  });

  it('creates a store only with db, ingest, fetch or demo; any other command on a missing file is exit 2 naming it', async () => {
    const missing = join(dir, 'no-such-folder', 'typo.db');
    for (const args of [['query', 'runs'], ['query', 'constituents', '--as-of', '2026-06-30'], ['screen', '--cutoff', '2026-06-30'], ['explain', '700', '--cutoff', '2026-06-30'], ['events', '--from', '2026-01-01', '--to', '2026-06-30'], ['diff', '--cutoff', '2026-06-30'], ['schedule', '--once']]) {
      const r = await cli(['--db', missing, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expectOneSentence(r.err);
      expect(r.err).toContain(`there is no store at ${missing}`);
      expect(r.err).toContain('npx hkconnect demo');
      expect(r.err).toContain('HKCONNECT_DB');
    }
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('migrates a new store on db migrate, and an existing one on any command', async () => {
    const fresh = join(dir, 'fresh.db');
    expect((await cli(['--db', fresh, 'db', 'migrate'])).code).toBe(0);
    expect((await cli(['--db', fresh, 'query', 'runs', '--format', 'json'])).out).toBe('[]\n');
    const store = await openStore(fresh, { migrate: false });
    const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    await store.close();
    expect(tables).toEqual(expect.arrayContaining(['calendar', 'securities', 'daily', 'runs']));
  });

  it.each([
    [['screen', '--cutoff', '2026-06-30', '--bogus'], 2, /bogus/],
    [['--bogus', 'query', 'runs'], 2, /bogus/],
    [['screen', '--cutoff', '2026-02-30'], 2, /2026-02-30/],
    [['events', '--from', '2026-1-1', '--to', '2026-12-31'], 2, /2026-1-1/],
    [['query', 'history', '700', '--to', '30/06/2026'], 2, /30\/06\/2026/],
    [['screen', '--cutoff', '2026-06-30', '--format', 'xml'], 2, /"xml" is not a valid format \(one of table, json, csv, md, html\)/],
    [['db', 'frob'], 2, /"frob" is not a valid action \(one of migrate, seed, close-day\)/],
    [['screen', '--cutoff', '2026-06-30', '--effective', '2026-06-30'], 2, /effective date 2026-06-30 is not after the cut-off 2026-06-30/],
    [['explain', '700', '--cutoff', '2026-06-30', '--effective', '2026-06-01'], 2, /effective date 2026-06-01 is not after the cut-off/],
    [['screen', '--cutoff', '2026-07-31'], 1, /no daily data for 2026-07-31/],
    [['screen', '--cutoff', '2026-06-30', '--out', '/nonexistent-dir/review.json'], 2, /cannot write \/nonexistent-dir\/review.json: the directory/],
  ])('%j exits %i with one sentence on stderr', async (args, exit, message) => {
    const r = await run(...args);
    expect(r.code).toBe(exit);
    expect(r.out).toBe('');
    expectOneSentence(r.err);
    expect(r.err).toMatch(message);
  });

  it('prints help that wraps at word boundaries (no word cut in half)', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    const unwrapped = r.out.replace(/\n\s+/g, ' ');
    for (const make of commandModules) {
      const describe = make({} as CliContext).describe;
      if (typeof describe === 'string') expect(unwrapped).toContain(describe);
    }
  });

  it('names the database file it cannot open (a directory, a file that is not SQLite) and exits 2', async () => {
    const garbage = file('garbage.db', 'not a database, just text '.repeat(200));
    for (const path of [dir, garbage]) {
      const r = await cli(['--db', path, 'query', 'runs']);
      expect(r.code).toBe(2);
      expectOneSentence(r.err);
      expect(r.err).toContain(`cannot open the database ${path}`);
    }
  });

  it('exits 1 when the data is missing: screen and events on a store holding only the bundled calendar', async () => {
    const empty = join(dir, 'empty.db');
    expect((await cli(['--db', empty, 'db', 'migrate'])).code).toBe(0);
    for (const args of [['screen', '--cutoff', '2026-06-30'], ['events', '--from', '2026-01-01', '--to', '2026-06-30']]) {
      const r = await cli(['--db', empty, ...args]);
      expect(r.code).toBe(1);
      expectOneSentence(r.err);
      expect(r.err).toMatch(/no daily data for 2026-06-30|holds no securities/);
      expect(r.err).toContain(empty);
    }
  });

  it('prints the stack trace only with --debug', async () => {
    const r = await run('screen', '--cutoff', '2026-07-31', '--debug');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/\n\s+at /);
  });

  it('accepts codes with or without leading zeros and writes 5 digits', async () => {
    for (const code of ['700', '0700', '00700']) {
      const rows = await json<Array<Record<string, unknown>>>('query', 'history', code, '--from', '2026-06-29', '--to', '2026-06-30');
      expect(rows.map((r) => r.date)).toEqual(['2026-06-29', '2026-06-30']);
    }
    const text = await run('explain', '5', '--cutoff', '2026-06-30', '--format', 'json');
    expect(JSON.parse(text.out).code).toBe('00005');
  });

  it('exits with the code as a process (built CLI)', () => {
    const p = spawnSync(process.execPath, [CLI_BIN, '--db', db, 'screen', '--cutoff', '2026-13-01'], { encoding: 'utf8' });
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expectOneSentence(p.stderr);
  });
});

describe('the built CLI as a process', () => {
  const bin = CLI_BIN;

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const child = spawn(process.execPath, [bin, '--db', db, 'query', 'history', '700', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect(err).toBe('');
    expect(status).toBe(0);
  });
});

describe('input files', () => {
  it('stores the CSV rows as given: codes padded, booleans read, blank cells as not given', async () => {
    const store = await openStore(db);
    const rows = store.sqlite.prepare("SELECT code, wvr, secondary_listing, free_float FROM securities WHERE code IN ('00005', '00700', '01234') ORDER BY code").all();
    await store.close();
    expect(rows).toEqual([
      { code: '00005', wvr: 0, secondary_listing: 0, free_float: 0.9 },
      { code: '00700', wvr: 0, secondary_listing: 0, free_float: null },
      { code: '01234', wvr: 1, secondary_listing: 0, free_float: 1 },
    ]);
  });

  it('reloads idempotently; a later row for the same (date, code) replaces the earlier one', async () => {
    const again = file('again.csv', 'code,date,market_cap_hkd,turnover_hkd,suspended\n700,2026-06-30,3000000000000,6000000000,0\n');
    expect((await run('ingest', 'daily', again)).code).toBe(0);
    expect((await run('ingest', 'daily', again)).code).toBe(0);
    expect(await countRows('SELECT COUNT(*) FROM daily')).toBe(dailyRows);
    const later = file('later.csv', 'code,date,market_cap_hkd,turnover_hkd,suspended\n700,2026-06-30,3000000000000,7000000000,0\n');
    expect((await run('ingest', 'daily', later)).code).toBe(0);
    const [row] = await json<Array<{ turnoverHkd: number }>>('query', 'history', '700', '--from', '2026-06-30');
    expect(row?.turnoverHkd).toBe(7_000_000_000);
    expect((await run('ingest', 'daily', again)).code).toBe(0);
  });

  it('skips and reports bad rows with file, line and field; --strict stores nothing and exits 2', async () => {
    const bad = file('bad.csv', 'code,date,market_cap_hkd,turnover_hkd,suspended\n700,2026-06-29,3000000000000,1,0\n700,2026-06-26,abc,1,0\n');
    const strict = await run('ingest', 'daily', bad, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.err).toMatch(/bad\.csv, line 3, field "market_cap_hkd"/);
    expect(strict.err).not.toMatch(/\n\s+at /);
    const [kept] = await json<Array<{ turnoverHkd: number }>>('query', 'history', '700', '--from', '2026-06-29', '--to', '2026-06-29');
    expect(kept?.turnoverHkd).toBe(6_000_000_000);
    const lenient = await run('ingest', 'daily', bad);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toMatch(/bad\.csv, line 3, field "market_cap_hkd"/);
    const [stored] = await json<Array<{ turnoverHkd: number }>>('query', 'history', '700', '--from', '2026-06-29', '--to', '2026-06-29');
    expect(stored?.turnoverHkd).toBe(1);
  });
});

describe('query', () => {
  it('history rows: date, marketCapHkd, turnoverHkd, suspended (boolean), close (number or null), by date', async () => {
    const rows = await json<Array<Record<string, unknown>>>('query', 'history', '1234', '--from', '2026-05-29', '--to', '2026-06-01');
    expect(rows).toEqual([
      { date: '2026-05-29', marketCapHkd: 10_000_000_000, turnoverHkd: 20_000_000, suspended: false, close: 10.5 },
      { date: '2026-06-01', marketCapHkd: 10_000_000_000, turnoverHkd: 0, suspended: true, close: null },
    ]);
  });

  it('constituents rows: code, segment (and the name, an addition)', async () => {
    const rows = await json<Array<{ name: string }>>('query', 'constituents', '--as-of', '2026-06-30');
    expect(rows.every((r) => typeof r.name === 'string' && r.name.length > 0)).toBe(true);
    expect(await json('query', 'constituents', '--as-of', '2026-06-30')).toMatchObject([
      { code: '00005', segment: 'LARGE' }, { code: '00700', segment: 'LARGE' }, { code: '01234', segment: 'SMALL' },
    ]);
  });

  it('southbound rows: code, channels (and the name, an addition); --channel filters', async () => {
    const rows = await json<Array<{ name: string }>>('query', 'southbound', '--as-of', '2026-06-30');
    expect(rows.every((r) => typeof r.name === 'string' && r.name.length > 0)).toBe(true);
    expect(await json('query', 'southbound', '--as-of', '2026-06-30')).toMatchObject([
      { code: '00005', channels: ['SH', 'SZ'] }, { code: '00700', channels: ['SH', 'SZ'] }, { code: '01234', channels: ['SH'] },
    ]);
    expect(await json('query', 'southbound', '--as-of', '2026-06-30', '--channel', 'SZ')).toMatchObject([
      { code: '00005', channels: ['SZ'] }, { code: '00700', channels: ['SZ'] },
    ]);
  });

  it.each(['table', 'csv'])('every query also prints --format %s', async (format) => {
    for (const args of [['history', '700'], ['constituents', '--as-of', '2026-06-30'], ['southbound', '--as-of', '2026-06-30'], ['runs']]) {
      const r = await run('query', ...args, '--format', format);
      expect(r.code).toBe(0);
      expect(r.out.split('\n')[0]).toMatch(format === 'csv' ? /^[a-zA-Z]+(,[a-zA-Z]+)+$/ : /^\s*[a-zA-Z]+(\s+[a-zA-Z]+)+$/);
    }
  });
});

describe('screen --format json', () => {
  let review: any;
  beforeAll(async () => {
    review = await json('screen', '--cutoff', '2026-06-30');
  });

  it('has the contract top level', () => {
    expect(review).toMatchObject({ cutoff: '2026-06-30', effectiveDate: '2026-09-07', kind: 'semi-annual', methodology: 'hsci-2025' });
    expect(Object.keys(review.hsci)).toEqual(expect.arrayContaining(['add', 'remove', 'constituents']));
    expect(Object.keys(review.southbound).sort()).toEqual(['SH', 'SZ']);
    expect(Array.isArray(review.pending) && Array.isArray(review.warnings)).toBe(true);
  });

  it('lists the HSCI changes with whole-HK$ averages, fractional coverage and the full constituent list', () => {
    expect(review.hsci.add.map((r: any) => [r.code, r.segment])).toEqual([['00011', 'SMALL'], ['00388', 'MID']]);
    for (const r of review.hsci.add) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['code', 'name', 'segment', 'avgMarketCapHkd', 'coverage', 'reason']));
      expect(Number.isInteger(r.avgMarketCapHkd)).toBe(true);
    }
    expect(review.hsci.add[0].avgMarketCapHkd).toBe(400_000_000_000);
    expect(review.hsci.add[0].coverage).toBeCloseTo(5000 / 5416, 10);
    expect(review.hsci.remove.map((r: any) => r.code)).toEqual(['01234']);
    expect(Object.keys(review.hsci.remove[0])).toEqual(expect.arrayContaining(['code', 'name', 'avgMarketCapHkd', 'coverage', 'reason']));
    expect(review.hsci.constituents).toEqual([
      { code: '00005', segment: 'LARGE' }, { code: '00011', segment: 'SMALL' }, { code: '00388', segment: 'MID' }, { code: '00700', segment: 'LARGE' },
    ]);
  });

  it('lists the Southbound changes per channel with their path, sorted by code', () => {
    for (const ch of ['SH', 'SZ']) {
      expect(review.southbound[ch].add.map((r: any) => [r.code, r.path])).toEqual([['00011', 'HSCI_SMALL'], ['00388', 'HSCI_MID'], ['06998', 'A_PLUS_H']]);
      for (const r of review.southbound[ch].add) expect(Object.keys(r)).toEqual(expect.arrayContaining(['code', 'path', 'reason']));
    }
    expect(review.southbound.SH.remove.map((r: any) => r.code)).toEqual(['01234']);
    expect(Object.keys(review.southbound.SH.remove[0])).toEqual(expect.arrayContaining(['code', 'reason']));
    expect(review.southbound.SZ.remove).toEqual([]);
  });

  it('holds the new A+H listing as pending with its date', () => {
    expect(review.pending.map((p: any) => ({ code: p.code, event: p.event, date: p.date }))).toEqual([
      { code: '06999', event: 'A_PLUS_H_STABILISATION', date: '2026-07-16' },
    ]);
  });

  it('is recorded as a run with the contract row keys', async () => {
    const runs = await json<Array<Record<string, unknown>>>('query', 'runs');
    const last = runs[runs.length - 1]!;
    expect(Object.keys(last)).toEqual(['id', 'cutoff', 'kind', 'startedAt', 'finishedAt', 'status', 'trigger']);
    expect(last).toMatchObject({ cutoff: '2026-06-30', kind: 'semi-annual', status: 'succeeded', trigger: 'cli' });
    expect(typeof last.id).toBe('number');
  });
});

describe('events', () => {
  it('rows carry code, event, date, reason', async () => {
    const rows = await json<Array<Record<string, unknown>>>('events', '--from', '2026-06-01', '--to', '2026-12-31');
    expect(rows.map((r) => [r.code, r.event])).toEqual([['06999', 'A_PLUS_H_STABILISATION'], ['01234', 'LONG_SUSPENSION_DELETION']]);
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(expect.arrayContaining(['code', 'event', 'date', 'reason']));
      expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
