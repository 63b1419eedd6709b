import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getMethodology } from '../../src/methodology/index.js';
import { runBuiltCli } from '../support/run-cli.js';
import { cleanTemp, tempDir, writeTemp } from './helpers.js';

afterEach(cleanTemp);

/**
 * End to end through the built binary, as a user runs it: every daily load (long CSV, --layout wide,
 * an HKEX dayquot report) reports day-over-day market cap moves beyond the methodology's factor as
 * warnings in its load report, against the stored previous day as well as within the file; and a
 * dayquot row dated before its security's listing date is a bad row.
 */
const FACTOR = getMethodology().dataQuality.maxDayOverDayFactor;
const SAMPLE = resolve(__dirname, '../fixtures/real/hkex-dayquot-d260901e-sample.htm');
const HEADER = 'date,code,market_cap_hkd,turnover_hkd,suspended';
const SECURITIES = [
  'code,name,board,type,currency,listing_date',
  '700,Tencent,MAIN,EQUITY,HKD,2004-06-16',
  '5,HSBC,MAIN,EQUITY,HKD,1991-01-01',
  '1,CKH,MAIN,EQUITY,HKD,2015-03-18',
  '',
].join('\n');
const TENCENT = 4_060_880_000_000;

function hk(db: string, ...args: string[]) {
  return runBuiltCli(['--db', db, ...args], { env: { ...process.env, HKCONNECT_DB: '', COLUMNS: '' } });
}

/** A fresh store (through the binary) with three securities and 2026-08-31 stored for each. */
function storeWithPreviousDay(cap700: number): string {
  const db = join(tempDir(), 'store.db');
  expect(hk(db, 'ingest', 'securities', writeTemp('securities.csv', SECURITIES)).code).toBe(0);
  const day = writeTemp('d0831.csv', `${HEADER}\n2026-08-31,700,${cap700},1,0\n2026-08-31,5,2826560000000,1,0\n2026-08-31,1,264459824295,1,0\n`);
  const r = hk(db, 'ingest', 'daily', day);
  expect(r).toMatchObject({ code: 0, err: '' });
  return db;
}

describe('hkconnect ingest: day-over-day warnings (built binary)', () => {
  it('ingest daily: a one-day append with 00700 in HK$ thousands is a warning; exit 0 and the row is stored, with --strict too', () => {
    const db = storeWithPreviousDay(TENCENT);
    const append = writeTemp('d0901.csv', `${HEADER}\n2026-09-01,700,${TENCENT / 1000},1,0\n2026-09-01,5,2826560000000,1,0\n2026-09-01,1,264459824295,1,0\n`);
    const r = hk(db, 'ingest', 'daily', '--strict', append);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${append}: 3 rows read, 3 stored, 0 rejected; 1 day-over-day warning (market cap moved more than ${FACTOR}x)\n`);
    expect(r.err.split('\n')).toEqual([
      `${append}: warning: 1 day-over-day market cap move beyond ${FACTOR}x (dataQuality.maxDayOverDayFactor), stored but likely wrong: `
      + 'check the source (a figure in HK$ thousands, a wrong share count) and reload the day; a real move (a large rights issue, a share consolidation) needs nothing',
      `${append}: warning: 00700: market cap down 1,000x day over day, HK$4,060.88bn on 2026-08-31 to HK$4.06bn on 2026-09-01`,
      '',
    ]);
    const history = hk(db, 'query', 'history', '700', '--format', 'json');
    expect((JSON.parse(history.out) as Array<{ date: string; marketCapHkd: number }>).map((h) => h.marketCapHkd)).toEqual([TENCENT, TENCENT / 1000]);
  });

  it('ingest daily: exactly the factor and a move within the file\'s own rows', () => {
    const db = storeWithPreviousDay(TENCENT);
    const file = writeTemp('more.csv', `${HEADER}\n2026-09-01,700,${TENCENT * FACTOR},1,0\n2026-09-02,700,${TENCENT},1,0\n2026-09-01,5,2826560000000,1,0\n2026-09-02,5,1,1,0\n`);
    const r = hk(db, 'ingest', 'daily', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('; 1 day-over-day warning (');
    expect(r.err).toContain(`${file}: warning: 00005: market cap down 2,826,560,000,000x day over day, HK$2,826.56bn on 2026-09-01 to HK$1 on 2026-09-02`);
    expect(r.err).not.toContain('00700');
  });

  it('ingest daily --layout wide: the same warning, naming code and dates', () => {
    const db = storeWithPreviousDay(TENCENT);
    const caps = writeTemp('caps.csv', `date,700,5\n2026-09-01,${TENCENT},2826560000000\n2026-09-02,${TENCENT / 10_000},2826560000000\n`);
    const turnover = writeTemp('turnover.csv', 'date,700,5\n2026-09-01,1,1\n2026-09-02,1,1\n');
    const suspended = writeTemp('suspended.csv', 'date,700,5\n2026-09-01,0,0\n2026-09-02,0,0\n');
    const r = hk(db, 'ingest', 'daily', '--layout', 'wide', `market_cap_hkd=${caps}`, `turnover_hkd=${turnover}`, `suspended=${suspended}`);
    expect(r.code).toBe(0);
    expect(r.out).toBe(`${caps}: 4 rows read, 4 stored, 0 rejected; 1 day-over-day warning (market cap moved more than ${FACTOR}x)\n`);
    expect(r.err).toContain(`${caps}: warning: 00700: market cap down 10,000x day over day, HK$4,060.88bn on 2026-09-01 to HK$406.088m on 2026-09-02`);
  });

  it('ingest dayquot: the real report against a stored previous day in HK$ thousands', () => {
    const db = storeWithPreviousDay(TENCENT / 1000);
    expect(hk(db, 'ingest', 'shares', writeTemp('shares.csv', 'code,date,shares_issued\n700,2026-06-30,9200000000\n5,2026-06-30,17600000000\n1,2026-06-30,3829975732\n')).code).toBe(0);
    const report = join(tempDir(), 'd260901e.htm');
    copyFileSync(SAMPLE, report);
    const r = hk(db, 'ingest', 'dayquot', report);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`; 1 day-over-day warning \\(market cap moved more than ${FACTOR}x\\)\\n$`));
    expect(r.err).toContain(`${report}: warning: 00700: market cap up 1,000x day over day, HK$4.06bn on 2026-08-31 to HK$4,060.88bn on 2026-09-01`);
  });
});

describe('hkconnect ingest dayquot: rows before listing (built binary)', () => {
  it('names file, line, code, listing date and the fix; --strict rejects the report (exit 2) and stores nothing', () => {
    const db = join(tempDir(), 'store.db');
    const late = SECURITIES.replace('700,Tencent,MAIN,EQUITY,HKD,2004-06-16', '700,Tencent,MAIN,EQUITY,HKD,2026-09-04');
    expect(hk(db, 'ingest', 'securities', writeTemp('securities.csv', late)).code).toBe(0);
    expect(hk(db, 'ingest', 'shares', writeTemp('shares.csv', 'code,date,shares_issued\n700,2026-06-30,9200000000\n5,2026-06-30,17600000000\n1,2026-06-30,3829975732\n')).code).toBe(0);
    const strict = hk(db, 'ingest', 'dayquot', '--strict', SAMPLE);
    expect(strict.code).toBe(2);
    expect(strict.err).toBe(`hkconnect: ${SAMPLE}, line 68, field "date": 00700 was listed on 2026-09-04, so it has no record on 2026-09-01; `
      + 'if the report is right, correct listing_date with ingest securities and load the report again (nothing from the file was stored).\n');
    expect(JSON.parse(hk(db, 'query', 'history', '5', '--format', 'json').out)).toEqual([]);
    const lenient = hk(db, 'ingest', 'dayquot', SAMPLE);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toBe(`${SAMPLE}: 14 rows read, 2 stored, 1 rejected; 11 rows for codes not in securities\n`);
    expect(lenient.err).toBe(`${SAMPLE}, line 68, field "date": 00700 was listed on 2026-09-04, so it has no record on 2026-09-01; `
      + 'if the report is right, correct listing_date with ingest securities and load the report again\n');
  });
});
