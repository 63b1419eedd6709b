import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanTemp, tempDir, writeTemp } from '../ingest/helpers.js';
import { runBuiltCli } from '../support/run-cli.js';

afterEach(cleanTemp);

function store(): string {
  const db = join(tempDir(), 's.db');
  const sec = writeTemp('sec.csv', 'code,name,board,type,currency,listing_date\n700,Tencent,MAIN,EQUITY,HKD,2004-06-16\n5,HSBC,MAIN,EQUITY,HKD,1991-01-02\n');
  expect(runBuiltCli(['--db', db, 'ingest', 'securities', sec]).code).toBe(0);
  return db;
}

describe('ingest daily --layout wide FIELD=FILE... (the built binary)', () => {
  it('joins one file per field (dates down, tickers across, Bloomberg tickers, DD/MM/YYYY, exponents) into daily records', () => {
    const db = store();
    const caps = writeTemp('caps.csv', 'Date,700 HK Equity,5 HK Equity\n30/06/2025,4.5E+12,1.1E+12\n02/07/2025,4.6E+12,\n');
    const turn = writeTemp('turn.csv', 'Date,700 HK Equity,5 HK Equity\n30/06/2025,1.2E+10,3000000000\n02/07/2025,1.3E+10,\n');
    const susp = writeTemp('susp.csv', 'Date,700 HK Equity,5 HK Equity\n30/06/2025,0,0\n02/07/2025,0,1\n');
    const r = runBuiltCli(['--db', db, 'ingest', 'daily', '--layout', 'wide', `market_cap_hkd=${caps}`, `turnover_hkd=${turn}`, `suspended=${susp}`, '--date-format', 'DD/MM/YYYY']);
    expect(r.out).toBe(`${caps}: 4 rows read, 3 stored, 1 rejected\n`);
    expect(r.err).toBe(`${caps}, line 3, field "5 HK Equity": no market_cap_hkd for 00005 on 2025-07-02, while ${susp} (line 3) gives a value for that day\n`);
    expect(r.code).toBe(0);
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare('SELECT date, code, market_cap_hkd, turnover_hkd, suspended FROM daily ORDER BY date, code').all()).toEqual([
      { date: '2025-06-30', code: '00005', market_cap_hkd: 1_100_000_000_000, turnover_hkd: 3_000_000_000, suspended: 0 },
      { date: '2025-06-30', code: '00700', market_cap_hkd: 4_500_000_000_000, turnover_hkd: 12_000_000_000, suspended: 0 },
      { date: '2025-07-02', code: '00700', market_cap_hkd: 4_600_000_000_000, turnover_hkd: 13_000_000_000, suspended: 0 },
    ]);
    sqlite.close();
  });

  it('a bad value names its own file, line and ticker column; --strict stores nothing; the fields must be named', () => {
    const db = store();
    const caps = writeTemp('caps.csv', 'Date,0700.HK\n2025-06-30,4.5E-1\n');
    const turn = writeTemp('turn.csv', 'Date,0700.HK\n2025-06-30,1\n');
    const susp = writeTemp('susp.csv', 'Date,0700.HK\n2025-06-30,maybe\n');
    const r = runBuiltCli(['--db', db, 'ingest', 'daily', '--layout', 'wide', `market_cap_hkd=${caps}`, `turnover_hkd=${turn}`, `suspended=${susp}`, '--strict']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hkconnect: ${caps}, line 2, field "0700.HK": 4.5E-1 is not a whole number of HK$; exponent notation is accepted only for whole amounts such as 4.5E+12 (nothing from the file was stored).\n`);
    const unnamed = runBuiltCli(['--db', db, 'ingest', 'daily', '--layout', 'wide', caps, turn, susp]);
    expect(unnamed.code).toBe(2);
    expect(unnamed.err).toBe(`hkconnect: --layout wide takes each file as FIELD=FILE (market_cap_hkd=caps.csv); "${caps}" names no field.\n`);
    const lacking = runBuiltCli(['--db', db, 'ingest', 'daily', '--layout', 'wide', `market_cap_hkd=${caps}`]);
    expect(lacking.err).toBe('hkconnect: --layout wide needs a file for each of market_cap_hkd, turnover_hkd, suspended; missing: turnover_hkd, suspended.\n');
  });
});
