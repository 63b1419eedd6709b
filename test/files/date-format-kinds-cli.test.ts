import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateReaderFor } from '../../src/ingest/date-format.js';
import { Bad } from '../../src/ingest/fields.js';
import { parseChangeRow } from '../../src/ingest/parse-changes.js';
import { parseSecurityRow } from '../../src/ingest/parse-securities.js';
import { runBuiltCli } from '../support/run-cli.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hkc-datefmt-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => { const f = join(dir, name); writeFileSync(f, text); return f; };
const ddmm = dateReaderFor('DD/MM/YYYY') as Exclude<ReturnType<typeof dateReaderFor>, Bad>;
const FIX = 'write every date of the file as DD/MM/YYYY, or give the --date-format the file uses';

describe('--date-format reaches every date cell of securities and changes rows (pure parsers)', () => {
  const secIndex = { code: 0, name: 1, board: 2, type: 3, currency: 4, listing_date: 5, delisting_date: 6, a_share_listing_date: 7 };
  it('listing_date and the optional date columns read in the format; an ISO date there is the bad field, named', () => {
    const row = parseSecurityRow(['700', 'Tencent', 'MAIN', 'EQUITY', 'HKD', '16/06/2004', '', '01/02/2020'], 2, secIndex, ddmm);
    expect('reason' in row ? row : [row.listingDate, row.attributes[10]]).toEqual(['2004-06-16', '2020-02-01']);
    expect(parseSecurityRow(['700', 'Tencent', 'MAIN', 'EQUITY', 'HKD', '16/06/2004', '2030-01-01', ''], 3, secIndex, ddmm))
      .toEqual({ line: 3, field: 'delisting_date', reason: `"2030-01-01" does not match --date-format DD/MM/YYYY; ${FIX}` });
  });
  it('a change\'s date, and a date value, read in the format', () => {
    const index = { code: 0, date: 1, field: 2, value: 3 };
    expect(parseChangeRow(['700', '01/03/2025', 'stabilisation_end', '30/06/2025'], 2, index, new Set(['00700']), ddmm))
      .toEqual({ code: '00700', date: '2025-03-01', field: 'stabilisation_end', value: '2025-06-30' });
    expect(parseChangeRow(['700', '2025-03-01', 'name', 'X'], 4, index, new Set(['00700']), ddmm))
      .toEqual({ line: 4, field: 'date', reason: `"2025-03-01" does not match --date-format DD/MM/YYYY; ${FIX}` });
  });
});

describe('ingest securities | changes | shares --date-format (the built binary)', () => {
  it('reads each kind\'s dates in the format given; a date written otherwise is a bad row naming file, line, field, format and fix', () => {
    const db = join(dir, 'kinds.db');
    const sec = write('sec.csv', 'code,name,board,type,currency,listing_date,a_share_listing_date\n700,Tencent,MAIN,EQUITY,HKD,16/06/2004,\n5,HSBC,MAIN,EQUITY,HKD,1991-01-01,\n9988,Alibaba,MAIN,EQUITY,HKD,26/11/2019,\n');
    const s = runBuiltCli(['--db', db, 'ingest', 'securities', sec, '--date-format', 'DD/MM/YYYY']);
    expect(s.out).toBe(`${sec}: 3 rows read, 2 stored, 1 rejected\n`);
    expect(s.err).toContain(`${sec}, line 3, field "listing_date": "1991-01-01" does not match --date-format DD/MM/YYYY; ${FIX}`);
    const changes = write('changes.csv', 'code,date,field,value\n700,01/03/2025,stabilisation_end,30/06/2025\n9988,2025-03-01,wvr,1\n');
    const c = runBuiltCli(['--db', db, 'ingest', 'changes', changes, '--date-format', 'DD/MM/YYYY']);
    expect(c.out).toBe(`${changes}: 2 rows read, 1 stored, 1 rejected\n`);
    expect(c.err).toContain(`${changes}, line 3, field "date": "2025-03-01" does not match --date-format DD/MM/YYYY; ${FIX}`);
    const shares = write('shares.csv', 'code,date,shares_issued\n700,2/1/2026,9000000000\n9988,13/2/2026,20000000000\n');
    const sh = runBuiltCli(['--db', db, 'ingest', 'shares', shares, '--date-format', 'D/M/YYYY']);
    expect(sh.err).toBe('');
    expect(sh.out).toBe(`${shares}: 2 rows read, 2 stored, 0 rejected\n`);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare('SELECT code, listing_date FROM securities ORDER BY code').all()).toEqual([{ code: '00700', listing_date: '2004-06-16' }, { code: '09988', listing_date: '2019-11-26' }]);
    expect(sqlite.prepare('SELECT code, date, field, value FROM attribute_changes').all()).toEqual([{ code: '00700', date: '2025-03-01', field: 'stabilisation_end', value: '2025-06-30' }]);
    expect(sqlite.prepare('SELECT code, date FROM shares_issued ORDER BY code').all()).toEqual([{ code: '00700', date: '2026-01-02' }, { code: '09988', date: '2026-02-13' }]);
    sqlite.close();
  });

  it('without --date-format a date written another way says which option reads it; --strict stores nothing', () => {
    const db = join(dir, 'iso.db');
    const sec = write('sec-iso.csv', 'code,name,board,type,currency,listing_date\n700,Tencent,MAIN,EQUITY,HKD,16/06/2004\n');
    const r = runBuiltCli(['--db', db, 'ingest', 'securities', sec, '--strict']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hkconnect: ${sec}, line 2, field "listing_date": "16/06/2004" is not a date of the form YYYY-MM-DD; give --date-format (e.g. DD/MM/YYYY) when the file writes its dates another way (nothing from the file was stored).\n`);
  });

  it('kinds whose files write no dates refuse --date-format (exit 2, one sentence), and a bad format is refused before any file is read', () => {
    const db = join(dir, 'usage.db');
    const hsci = write('hsci.csv', 'code,segment\n700,LARGE\n');
    for (const kind of ['hsci', 'southbound', 'official', 'dayquot']) {
      const r = runBuiltCli(['--db', db, 'ingest', kind, hsci, '--date-format', 'DD/MM/YYYY']);
      expect(r.code, kind).toBe(2);
      expect(r.err).toBe(`hkconnect: --date-format applies to the kinds whose files write dates (daily, securities, changes, shares), not ${kind}: its CSV has no date column (the list's date is --as-of or --cutoff, written YYYY-MM-DD) and a published file states its date in its own form.\n`);
    }
    const bad = runBuiltCli(['--db', db, 'ingest', 'shares', hsci, '--date-format', 'YYYY/DD']);
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('hkconnect: --date-format YYYY/DD must name the year (YYYY), the month (MM or M) and the day (DD or D) once each.\n');
  });
});
