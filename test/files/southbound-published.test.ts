import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanTemp, tempDir, writeTemp } from '../ingest/helpers.js';
import { runBuiltCli } from '../support/run-cli.js';
import { buildXlsx } from '../support/xlsx.js';

afterEach(cleanTemp);
const FIX = (name: string) => new URL(`../fixtures/constructed/${name}`, import.meta.url).pathname;
const pages = (...n: number[]) => JSON.stringify(n.flatMap((i) => JSON.parse(readFileSync(FIX(`szse-southbound-list-2026-08-03-page${i}.json`), 'utf8')) as unknown[]));

function members(db: string, channel: string, asOf: string): string[] {
  const sqlite = new BetterSqlite3(db, { readonly: true });
  const codes = sqlite.prepare('SELECT code FROM southbound_members WHERE channel = ? AND as_of = ? ORDER BY code').pluck().all(channel, asOf) as string[];
  sqlite.close();
  return codes;
}

describe('ingest southbound: the SZSE list and the exchanges\' notices as published (the built binary)', () => {
  it('SZSE JSON pages in one file: the SZ snapshot dated by the list; a missing page refuses the file', () => {
    const db = join(tempDir(), 's.db');
    const whole = writeTemp('szse.json', pages(1, 2, 3));
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', whole]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${whole}: 45 rows read, 45 stored, 0 rejected\n`);
    expect(members(db, 'SZ', '2026-08-03')).toHaveLength(45);
    const partial = writeTemp('p.json', pages(1, 3));
    const p = runBuiltCli(['--db', db, 'ingest', 'southbound', partial]);
    expect(p.code).toBe(2);
    expect(p.err).toBe(`hkconnect: ${partial}: page(s) 2 of 3 are missing: give every page file of the list in one command (or their directory), or use hkconnect fetch (nothing from the file was stored).\n`);
    const sh = runBuiltCli(['--db', db, 'ingest', 'southbound', whole, '--channel', 'SH']);
    expect(sh.code).toBe(2);
  });

  it('SZSE xlsx download with --as-of', () => {
    const db = join(tempDir(), 's.db');
    const xlsx = writeTemp('szse.xlsx', buildXlsx([['港股代码', '中文简称', '英文简称'], ['00001', '长和', 'CKH HOLDINGS'], ['00700', '腾讯控股', 'TENCENT']], { sheetName: '港股通标的证券名单' }));
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', xlsx, '--as-of', '2026-08-03']);
    expect(r.code).toBe(0);
    expect(members(db, 'SZ', '2026-08-03')).toEqual(['00001', '00700']);
    const undated = runBuiltCli(['--db', db, 'ingest', 'southbound', xlsx]);
    expect(undated.err).toBe(`hkconnect: ${xlsx}: the SZSE list states no date: give the date it is in force from with --as-of DATE.\n`);
  });

  it('an SSE notice applied to the SH list in force before its effective date; loading it again is the same', () => {
    const db = join(tempDir(), 's.db');
    const base = writeTemp('sh.csv', 'code,channel\n1,SH\n3907,SH\n3918,SH\n');
    expect(runBuiltCli(['--db', db, 'ingest', 'southbound', base, '--as-of', '2026-08-31']).code).toBe(0);
    const notice = FIX('sse-adjustment-notice-2026-09-07.html');
    for (let i = 0; i < 2; i++) {
      const r = runBuiltCli(['--db', db, 'ingest', 'southbound', notice]);
      expect(r.err).toBe('');
      expect(r.out).toBe(`${notice}: 5 rows read, 5 stored, 0 rejected\n`);
    }
    expect(members(db, 'SH', '2026-09-07')).toEqual(['00001', '00350', '06264', '09805']);
    expect(members(db, 'SH', '2026-08-31')).toEqual(['00001', '03907', '03918']);
  });

  it('an SZSE notice without an earlier SZ list is refused; a removal of a code not listed is a bad row naming its line', () => {
    const db = join(tempDir(), 's.db');
    const notice = FIX('szse-adjustment-notice-2026-09-07.html');
    const none = runBuiltCli(['--db', db, 'ingest', 'southbound', notice]);
    expect(none.code).toBe(2);
    expect(none.err).toBe(`hkconnect: ${notice}: no SZ list in force before 2026-09-07 is stored: load the list first (ingest southbound ... --channel SZ), then its notices (nothing from the file was stored).\n`);
    expect(runBuiltCli(['--db', db, 'ingest', 'southbound', writeTemp('sz.csv', 'code,channel\n1,SZ\n'), '--as-of', '2026-08-31']).code).toBe(0);
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', notice]);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`${notice}, line 21, field "code": 03907 is not on the SZ list of 2026-08-31, so it cannot be removed\n`);
    expect(members(db, 'SZ', '2026-09-07')).toEqual(['00001', '00350', '09805']);
    const strict = runBuiltCli(['--db', join(tempDir(), 't.db'), 'ingest', 'southbound', notice, '--channel', 'SH']);
    expect(strict.code).toBe(2);
  });
});
