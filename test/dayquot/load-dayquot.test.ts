import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { dateFromFileName, loadDayquotFile } from '../../src/ingest/load-dayquot.js';
import { loadSharesFile } from '../../src/ingest/load-shares.js';
import { getMethodology } from '../../src/methodology/index.js';
import { renderDailyQuotations } from '../fixtures/dayquot/generate.js';
import { insertSecurities, makeTempDirs, openTestStore, readCalendar, readDaily, writeText } from './helpers.js';
import { dailyWriter } from '../support/daily.js';

const REAL = resolve(__dirname, '../fixtures/real');
const SAMPLE = join(REAL, 'hkex-dayquot-d260901e-sample.htm');
const HOLIDAY = join(REAL, 'hkex-dayquot-d261001e-holiday.htm');
const NOW = new Date('2026-11-22T08:00:00Z');
const lenient = { strict: false, now: NOW };

const SHARES_CSV = [
  'code,date,shares_issued',
  '1,2026-06-30,3829975732',
  '3,2026-08-31,18665958000',
  '5,2026-06-30,17600000000',
  '5,2026-09-02,1', // in force only after the report date: must not be used
  '7,2026-06-30,1000000000',
  '46,2026-06-30,250000000',
  '106,2026-06-30,500000000',
  '700,2026-06-30,9100000000',
  '700,2026-09-01,9200000000', // in force from the report date itself: used
  '9988,2026-06-30,19000000000',
  '',
].join('\n');

const tmp = makeTempDirs();
let store: Store;
let dir: string;

beforeEach(async () => {
  dir = tmp.dir();
  store = await openTestStore(dir);
  // 00107, 02800, 89009 and 89988 are left out: they are counted as codes not in securities.
  insertSecurities(store, ['00001', '00003', '00005', '00007', '00046', '00106', '00700', '09988', '00127', ['80737', 'CNY']]);
  const shares = await loadSharesFile(store, writeText(dir, 'shares.csv', SHARES_CSV), lenient);
  expect(shares).toMatchObject({ status: 'loaded', rowsRead: 10, rowsStored: 10, rowsRejected: 0 });
  // A stored cap the day before, carried onto 00007's suspended day.
  dailyWriter(store).run('00007', '2026-08-31', 1234567, 10, 0, 1.23);
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

describe('ingest dayquot: the real sample into a real store', () => {
  it('stores close x shares in force, turnover, suspensions, the CNY counter; counts unknown codes; reports missing shares', async () => {
    const summary = await loadDayquotFile(store, SAMPLE, lenient);
    expect(summary).toMatchObject({
      status: 'loaded', date: '2026-09-01', holiday: false, rowsRead: 14, rowsStored: 9, rowsRejected: 1, unknownCodes: 4,
      notes: ['4 rows for codes not in securities'],
    });
    expect(summary.issues).toEqual([{
      file: SAMPLE, line: 78, field: 'shares_issued',
      reason: 'no shares issued on record for code 00127 on or before 2026-09-01; load a shares file first',
    }]);
    const on = (d: string) => readDaily(store).filter((r) => r.date === d);
    expect(on('2026-09-01')).toEqual([
      { code: '00001', date: '2026-09-01', market_cap_hkd: 264_459_824_295, turnover_hkd: 502_493_854, suspended: 0, close: 69.05, volume: 7_261_139 },
      { code: '00003', date: '2026-09-01', market_cap_hkd: 132_154_982_640, turnover_hkd: 161_278_937, suspended: 0, close: 7.08, volume: 22_740_984 },
      { code: '00005', date: '2026-09-01', market_cap_hkd: 2_826_560_000_000, turnover_hkd: 1_828_542_012, suspended: 0, close: 160.6, volume: 11_434_136 },
      { code: '00007', date: '2026-09-01', market_cap_hkd: 1_234_567, turnover_hkd: 0, suspended: 1, close: null, volume: null },
      { code: '00046', date: '2026-09-01', market_cap_hkd: 325_000_000, turnover_hkd: 0, suspended: 0, close: 1.3, volume: 0 },
      { code: '00106', date: '2026-09-01', market_cap_hkd: 0, turnover_hkd: 0, suspended: 1, close: null, volume: null },
      { code: '00700', date: '2026-09-01', market_cap_hkd: 4_060_880_000_000, turnover_hkd: 8_990_301_596, suspended: 0, close: 441.4, volume: 20_289_781 },
      { code: '09988', date: '2026-09-01', market_cap_hkd: 2_097_600_000_000, turnover_hkd: 11_022_005_788, suspended: 0, close: 110.4, volume: 99_751_649 },
      { code: '80737', date: '2026-09-01', market_cap_hkd: 0, turnover_hkd: 0, suspended: 0, close: 1.75, volume: 0 },
    ]);
  });

  it('marks the report date a trading day (source dayquot) and records the load', async () => {
    store.sqlite.prepare(`INSERT INTO calendar (date, is_trading_day, source) VALUES ('2026-09-01', 0, 'seed')`).run();
    await loadDayquotFile(store, SAMPLE, lenient);
    expect(readCalendar(store)).toEqual([{ date: '2026-09-01', is_trading_day: 1, source: 'dayquot' }]);
    const loads = store.sqlite.prepare(`SELECT kind, file, rows_read, rows_stored, rows_rejected, loaded_at FROM loads WHERE kind = 'dayquot'`).all();
    expect(loads).toEqual([{ kind: 'dayquot', file: SAMPLE, rows_read: 14, rows_stored: 9, rows_rejected: 1, loaded_at: NOW.toISOString() }]);
  });

  it('is idempotent: loading the report twice leaves daily and calendar as once', async () => {
    await loadDayquotFile(store, SAMPLE, lenient);
    const daily = readDaily(store);
    const calendar = readCalendar(store);
    const again = await loadDayquotFile(store, SAMPLE, lenient);
    expect(again).toMatchObject({ status: 'loaded', rowsStored: 9 });
    expect(readDaily(store)).toEqual(daily);
    expect(readCalendar(store)).toEqual(calendar);
  });

  it('--strict rejects the whole file on its first bad row and stores nothing, calendar included', async () => {
    const before = readDaily(store);
    const summary = await loadDayquotFile(store, SAMPLE, { ...lenient, strict: true });
    expect(summary.status).toBe('rejected');
    expect(summary.rowsStored).toBe(0);
    expect(summary.fileIssue).toMatchObject({ line: 78, field: 'shares_issued' });
    expect(readDaily(store)).toEqual(before);
    expect(readCalendar(store)).toEqual([]);
    expect(store.sqlite.prepare(`SELECT COUNT(*) FROM loads WHERE kind = 'dayquot'`).pluck().get()).toBe(0);
  });

  it('with shares for 00127 loaded too, the strict load stores every known code', async () => {
    await loadSharesFile(store, writeText(dir, 'more.csv', 'code,date,shares_issued\n00127,2026-01-01,1000000\n'), lenient);
    const summary = await loadDayquotFile(store, SAMPLE, { ...lenient, strict: true });
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 10, rowsRejected: 0 });
    expect(readDaily(store).find((r) => r.code === '00127')).toMatchObject({ market_cap_hkd: 1_080_000, turnover_hkd: 65_810 });
  });

  it('a code listed HKD in securities but CNY in the report is a currency issue', async () => {
    store.sqlite.prepare(`UPDATE securities SET currency = 'HKD' WHERE code = '80737'`).run();
    const summary = await loadDayquotFile(store, SAMPLE, lenient);
    expect(summary.issues.find((i) => i.field === 'currency')).toEqual({
      file: SAMPLE, line: 74, field: 'currency', reason: 'code 80737 is CNY in the report but HKD in securities',
    });
  });
});

describe('ingest dayquot: holiday reports', () => {
  it('the real NO TRADING file marks 2026-10-01 closed (date from the dYYMMDDe name) and stores no rows', async () => {
    const summary = await loadDayquotFile(store, HOLIDAY, lenient);
    expect(summary).toMatchObject({ status: 'loaded', holiday: true, date: '2026-10-01', rowsRead: 0, rowsStored: 0, rowsRejected: 0 });
    expect(summary.notes).toEqual(['2026-10-01 is a holiday (NO TRADING): marked closed']);
    expect(readCalendar(store)).toEqual([{ date: '2026-10-01', is_trading_day: 0, source: 'dayquot' }]);
    expect(readDaily(store).filter((r) => r.date === '2026-10-01')).toEqual([]);
  });

  it('a holiday file whose name carries no date is rejected, nothing stored', async () => {
    const renamed = join(dir, 'holiday.htm');
    copyFileSync(HOLIDAY, renamed);
    const summary = await loadDayquotFile(store, renamed, lenient);
    expect(summary.status).toBe('rejected');
    expect(summary.fileIssue?.reason).toMatch(/carries no date/);
    expect(readCalendar(store)).toEqual([]);
  });

  it('a holiday report for a date that already has prices is rejected', async () => {
    dailyWriter(store).run('00001', '2026-10-01', 5, 0, 0);
    const summary = await loadDayquotFile(store, HOLIDAY, lenient);
    expect(summary.status).toBe('rejected');
    expect(summary.fileIssue?.reason).toBe('the report says 2026-10-01 had NO TRADING, but the store holds 1 daily rows for it');
  });

  it('reads dates from file names only in the dYYMMDDe form', () => {
    expect(dateFromFileName('/x/d261001e.htm')).toBe('2026-10-01');
    expect(dateFromFileName('hkex-dayquot-d261001e-holiday.htm')).toBe('2026-10-01');
    expect(dateFromFileName('d261301e.htm')).toBeNull();
    expect(dateFromFileName('holiday.htm')).toBeNull();
  });
});

describe('ingest dayquot: a malformed line in a report', () => {
  const quote = (code: number, close: number) => ({
    code, name: `S${code}`, previousClose: close, ask: close, high: close, sharesTraded: 10, close, bid: close, low: close, turnover: 10 * close,
  });
  const text = renderDailyQuotations({ date: '2026-09-02', quotes: [quote(1, 70), quote(5, 160)] }).replace(/(S5 +HKD +)160\.00/, '$11G0.00');

  it('is skipped and reported with its line and field; the other rows load', async () => {
    const file = writeText(dir, 'd260902e.htm', text, 'latin1');
    const line = text.split('\n').findIndex((l) => l.includes('1G0.00')) + 1;
    const summary = await loadDayquotFile(store, file, lenient);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 1, rowsRejected: 1 });
    expect(summary.issues).toEqual([{ file, line, field: 'previous close', reason: '"1G0.00" is not a number, "-" or "N/A"' }]);
    expect(readDaily(store).filter((r) => r.date === '2026-09-02').map((r) => [r.code, r.market_cap_hkd])).toEqual([['00001', 70 * 3_829_975_732]]);
  });

  it('--strict rejects the whole report on it', async () => {
    const file = writeText(dir, 'd260902e.htm', text, 'latin1');
    const summary = await loadDayquotFile(store, file, { ...lenient, strict: true });
    expect(summary).toMatchObject({ status: 'rejected', rowsStored: 0, fileIssue: { field: 'previous close' } });
    expect(readDaily(store).filter((r) => r.date === '2026-09-02')).toEqual([]);
    expect(readCalendar(store)).toEqual([]);
  });
});

describe('ingest dayquot: file-level problems', () => {
  it('a file that is not a report is rejected with one sentence', async () => {
    const summary = await loadDayquotFile(store, writeText(dir, 'd260901e.htm', 'code,date\n1,2\n'), lenient);
    expect(summary.status).toBe('rejected');
    expect(summary.fileIssue?.reason).toMatch(/no QUOTATIONS section found/);
  });

  it('a missing file is rejected, not thrown', async () => {
    const summary = await loadDayquotFile(store, join(dir, 'nope.htm'), lenient);
    expect(summary).toMatchObject({ status: 'rejected', fileIssue: { reason: 'no such file' } });
  });
});

describe('ingest dayquot: before listing, nothing counts', () => {
  const listOn = (code: string, date: string, inferred = 0) =>
    store.sqlite.prepare('UPDATE securities SET listing_date = ?, listing_date_inferred = ? WHERE code = ?').run(date, inferred, code);
  const tencent = () => readDaily(store).filter((r) => r.code === '00700').map((r) => r.date);

  it('a row of the real report dated before its security\'s listing date is a bad row naming file, line, code, listing date and the fix', async () => {
    listOn('00700', '2026-09-02'); // the day after the report
    const summary = await loadDayquotFile(store, SAMPLE, lenient);
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 8, rowsRejected: 2 });
    expect(summary.issues).toContainEqual({
      file: SAMPLE, line: 68, field: 'date',
      reason: '00700 was listed on 2026-09-02, so it has no record on 2026-09-01; if the report is right, correct listing_date with ingest securities and load the report again',
    });
    expect(tencent()).toEqual([]);
  });

  it('listed on the report date or the day before: stored', async () => {
    listOn('00700', '2026-09-01');
    expect((await loadDayquotFile(store, SAMPLE, lenient)).issues.filter((i) => i.field === 'date')).toEqual([]);
    expect(tencent()).toEqual(['2026-09-01']);
    listOn('00700', '2026-08-31');
    expect((await loadDayquotFile(store, SAMPLE, lenient)).issues.filter((i) => i.field === 'date')).toEqual([]);
  });

  it('--strict rejects the whole report on it, as for daily files: nothing stored, calendar included', async () => {
    await loadSharesFile(store, writeText(dir, 'more.csv', 'code,date,shares_issued\n00127,2026-01-01,1000000\n'), lenient);
    listOn('00700', '2026-09-02');
    const summary = await loadDayquotFile(store, SAMPLE, { ...lenient, strict: true });
    expect(summary).toMatchObject({ status: 'rejected', rowsStored: 0, fileIssue: { line: 68, field: 'date' } });
    expect(summary.fileIssue?.reason).toMatch(/^00700 was listed on 2026-09-02/);
    expect(readDaily(store).filter((r) => r.date === '2026-09-01')).toEqual([]);
    expect(readCalendar(store)).toEqual([]);
  });

  it('an inferred listing date (HKEX\'s list gives none) is not a line: it moves back to the report date', async () => {
    listOn('00700', '2026-09-02', 1);
    const summary = await loadDayquotFile(store, SAMPLE, lenient);
    expect(summary.issues.filter((i) => i.field === 'date')).toEqual([]);
    expect(store.sqlite.prepare(`SELECT listing_date FROM securities WHERE code = '00700'`).pluck().get()).toBe('2026-09-01');
  });
});

describe('ingest dayquot: day-over-day market cap moves beyond the factor are warnings', () => {
  const FACTOR = getMethodology().dataQuality.maxDayOverDayFactor;
  const CAP_0901 = 4_060_880_000_000; // 00700 in the real report: 441.4 x 9,200,000,000 shares

  it('a stored previous day in HK$ thousands: the report\'s 1,000x move is named; the rows are stored', async () => {
    dailyWriter(store).run('00700', '2026-08-31', CAP_0901 / 1000, 10, 0);
    const summary = await loadDayquotFile(store, SAMPLE, lenient);
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 9, capJumps: { maxFactor: FACTOR, count: 1 } });
    expect(summary.capJumps!.first).toEqual([
      { code: '00700', from: '2026-08-31', to: '2026-09-01', fromCapHkd: CAP_0901 / 1000, toCapHkd: CAP_0901, factor: 1000 },
    ]);
    expect(readDaily(store).find((r) => r.code === '00700' && r.date === '2026-09-01')?.market_cap_hkd).toBe(CAP_0901);
  });

  it('at the factor, just below, and a suspended previous day: no warning; just above: one', async () => {
    const w = dailyWriter(store);
    for (const [cap, suspended, count] of [[CAP_0901 / FACTOR, 0, 0], [CAP_0901 / FACTOR + 1, 0, 0], [CAP_0901 / FACTOR - 1_000, 0, 1], [1, 1, 0]] as const) {
      w.run('00700', '2026-08-31', cap, 10, suspended);
      expect((await loadDayquotFile(store, SAMPLE, lenient)).capJumps?.count).toBe(count);
    }
  });
});
