import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/run-cli.js';

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-vendor-'));
  db = join(dir, 'store.db');
  const sec = join(dir, 'securities.csv');
  writeFileSync(sec, 'code,name,board,type,currency,listing_date\n0700.HK,Tencent,MAIN,EQUITY,HKD,2004-06-16\n5 HK Equity,HSBC,MAIN,EQUITY,HKD,1991-01-02\n');
  const r = runBuiltCli(['--db', db, 'ingest', 'securities', sec]);
  if (r.code !== 0) throw new Error(r.err);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vendor shapes through the built binary: ticker styles, --date-format, exponent notation', () => {
  it('reads 700 HK Equity / 0700.HK, 30/06/2025 with --date-format DD/MM/YYYY and 4.5E+12; a non-matching date and 4.5E-1 are bad rows', () => {
    const daily = join(dir, 'bbg.csv');
    writeFileSync(daily, [
      'date,code,market_cap_hkd,turnover_hkd,suspended',
      '30/06/2025,700 HK Equity,4.5E+12,1.2E+10,0',
      '30/06/2025,0005.HK,1.1E+12,3000000000,0',
      '2025-07-02,700 HK Equity,4.5E+12,1.2E+10,0',
      '02/07/2025,5 HK,4.5E-1,1,0',
      '',
    ].join('\n'));
    const r = runBuiltCli(['--db', db, 'ingest', 'daily', daily, '--date-format', 'DD/MM/YYYY']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${daily}: 4 rows read, 2 stored, 2 rejected\n`);
    expect(r.err).toBe([
      `${daily}, line 4, field "date": "2025-07-02" does not match --date-format DD/MM/YYYY; write every date of the file as DD/MM/YYYY, or give the --date-format the file uses`,
      `${daily}, line 5, field "market_cap_hkd": 4.5E-1 is not a whole number of HK$; exponent notation is accepted only for whole amounts such as 4.5E+12`,
      '',
    ].join('\n'));
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare(`SELECT code, date, market_cap_hkd, turnover_hkd FROM daily ORDER BY code`).all()).toEqual([
      { code: '00005', date: '2025-06-30', market_cap_hkd: 1_100_000_000_000, turnover_hkd: 3_000_000_000 },
      { code: '00700', date: '2025-06-30', market_cap_hkd: 4_500_000_000_000, turnover_hkd: 12_000_000_000 },
    ]);
    sqlite.close();
  });

  it('--strict stores nothing from the file; a bad --date-format is refused', () => {
    const daily = join(dir, 'strict.csv');
    writeFileSync(daily, 'date,code,market_cap_hkd,turnover_hkd,suspended\n02/07/2025,700.HK,1,1,0\n2025-07-03,700.HK,1,1,0\n');
    const r = runBuiltCli(['--db', db, 'ingest', 'daily', daily, '--date-format', 'DD/MM/YYYY', '--strict']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hkconnect: ${daily}, line 3, field "date": "2025-07-03" does not match --date-format DD/MM/YYYY; write every date of the file as DD/MM/YYYY, or give the --date-format the file uses (nothing from the file was stored).\n`);
    const bad = runBuiltCli(['--db', db, 'ingest', 'daily', daily, '--date-format', 'DD/MM']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe(`hkconnect: --date-format DD/MM must name the year (YYYY), the month (MM or M) and the day (DD or D) once each.\n`);
  });

  it('CLI arguments take the same ticker styles', () => {
    const r = runBuiltCli(['--db', db, 'explain', '700 HK Equity', '--cutoff', '2025-06-30']);
    expect(r.err).toBe('');
    expect(r.out.startsWith('00700 Tencent:')).toBe(true);
  });
});
