import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/run-cli.js';
import { EQUITY_MAIN, hkexListXlsx } from './hkex-list.js';

const REAL = new URL('../fixtures/real/hkex-list-of-securities-2021-10-11.xlsx', import.meta.url).pathname;
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hkc-files-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hkconnect ingest securities FILE.xlsx (the built binary)', () => {
  it('loads the real HKEX list; a daily record moves the inferred listing date; explain says it is inferred', () => {
    const db = join(dir, 'store.db');
    expect(runBuiltCli(['--db', db, 'db', 'seed']).code).toBe(0);
    const r = runBuiltCli(['--db', db, 'ingest', 'securities', REAL]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${REAL}: 18494 rows read, 18494 stored, 0 rejected; list as at 2021-10-11: 18494 new (listing date inferred), 0 dated change(s), 0 delisted\n`);
    const daily = join(dir, 'daily.csv');
    writeFileSync(daily, 'date,code,market_cap_hkd,turnover_hkd,suspended\n2021-10-08,700,5000000000000,10000000000,0\n2021-10-11,700,5000000000000,10000000000,0\n');
    expect(runBuiltCli(['--db', db, 'ingest', 'daily', daily]).code).toBe(0);
    const e = runBuiltCli(['--db', db, 'explain', '700', '--cutoff', '2021-10-11']);
    expect(e.code).toBe(0);
    expect(e.out).toContain('board MAIN, type EQUITY, currency HKD, listed 2021-10-08 (inferred)');
    expect(e.out).toContain("the listing date 2021-10-08 is inferred: HKEX's list of securities gives none");
  });

  it('--strict: a bad row rejects the file with one sentence naming file, line and field; exit 2, nothing stored', () => {
    const db = join(dir, 'strict.db');
    const file = join(dir, 'bad.xlsx');
    writeFileSync(file, hkexListXlsx('01/03/2025', [['00001', 'ALPHA', ...EQUITY_MAIN], ['00002', 'BETA', 'Crypto Tokens', '']]));
    const r = runBuiltCli(['--db', db, 'ingest', 'securities', file, '--strict']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hkconnect: ${file}, line 5, field "Category": "Crypto Tokens" / "" is not a category this tool knows; tell the maintainers, or load 00002 through a securities CSV (nothing from the file was stored).\n`);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM securities').pluck().get()).toBe(0);
    sqlite.close();
  });
});
