import { afterEach, describe, expect, it } from 'vitest';
import { formatInputIssue } from '../../src/domain/errors.js';
import { loadChangesFile } from '../../src/ingest/load-changes.js';
import { loadSecuritiesFile } from '../../src/ingest/load-securities.js';
import { cleanTemp, countRows, expectStoreSound, openTempStore, tableChecksum, writeTemp } from './helpers.js';

afterEach(cleanTemp);

const SEC_HEADER = 'code,name,board,type,currency,listing_date,wvr,free_float,a_share_code,a_share_exchange,delisting_date';

describe('ingest securities', () => {
  it('stores each security with its attributes; a reload is idempotent and a later file replaces a row', async () => {
    const store = await openTempStore();
    const file = writeTemp('s.csv', `${SEC_HEADER}\n700,Tencent,MAIN,EQUITY,HKD,2004-06-16,0,0.9,,,\n9988,"Alibaba, W",main,equity,HKD,2019-11-26,1,,,,\n1211,BYD,MAIN,EQUITY,CNY,2002-07-31,false,1,002594,SZSE,\n`);
    expect(await loadSecuritiesFile(store, file, { strict: true })).toMatchObject({ status: 'loaded', rowsStored: 3 });
    expect(store.sqlite.prepare('SELECT code, name, board, wvr, free_float, a_share_code, a_share_exchange FROM securities ORDER BY code').all()).toEqual([
      { code: '00700', name: 'Tencent', board: 'MAIN', wvr: 0, free_float: 0.9, a_share_code: null, a_share_exchange: null },
      { code: '01211', name: 'BYD', board: 'MAIN', wvr: 0, free_float: 1, a_share_code: '002594', a_share_exchange: 'SZSE' },
      { code: '09988', name: 'Alibaba, W', board: 'MAIN', wvr: 1, free_float: null, a_share_code: null, a_share_exchange: null },
    ]);
    const once = tableChecksum(store, 'securities', 'code');
    await loadSecuritiesFile(store, file, { strict: true });
    expect(tableChecksum(store, 'securities', 'code')).toBe(once);
    await loadSecuritiesFile(store, writeTemp('t.csv', 'code,name,board,type,currency,listing_date\n700,Tencent Holdings,MAIN,EQUITY,HKD,2004-06-16\n'), { strict: true });
    expect(store.sqlite.prepare("SELECT name FROM securities WHERE code = '00700'").pluck().get()).toBe('Tencent Holdings');
    expectStoreSound(store);
    await store.close();
  });

  it.each([
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,0,,,', 'free_float', '0 is outside 0 < free_float <= 1 (a fraction: 0.25 means 25%)'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,1.5,,,', 'free_float', '1.5 is outside 0 < free_float <= 1 (a fraction: 0.25 means 25%)'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,25%,,,', 'free_float', '"25%" is not a free-float fraction (0 < x <= 1)'],
    ['700,T,NASDAQ,EQUITY,HKD,2004-06-16,0,,,,', 'board', '"NASDAQ" is not one of MAIN/GEM'],
    ['700,T,MAIN,SHARE,HKD,2004-06-16,0,,,,', 'type', '"SHARE" is not one of EQUITY/REIT/STAPLED/ETF/FUND/INVESTMENT_CO/SPAC/PREFERENCE/DEBT/WARRANT/OTHER'],
    ['700,T,MAIN,EQUITY,EUR,2004-06-16,0,,,,', 'currency', '"EUR" is not one of HKD/CNY/USD'],
    ['700,T,MAIN,EQUITY,HKD,2004-13-16,0,,,,', 'listing_date', '"2004-13-16" is not a real calendar date'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,yes,,,,', 'wvr', '"yes" is not a boolean (0/1 or true/false)'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,,12345,SSE,', 'a_share_code', '"12345" is not an A-share code (6 digits)'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,,,HKEX,', 'a_share_exchange', '"HKEX" is not one of SSE/SZSE'],
    ['700,T,MAIN,EQUITY,HKD,2004-06-16,0,,,,2003-01-01', 'delisting_date', '2003-01-01 is before the listing date 2004-06-16'],
    ['700,,MAIN,EQUITY,HKD,2004-06-16,0,,,,', 'name', 'the value is missing'],
    ['123456,T,MAIN,EQUITY,HKD,2004-06-16,0,,,,', 'code', '"123456" is not a stock code (1 to 5 digits, such as 700 or 00700)'],
  ])('%s -> %s', async (row, field, reason) => {
    const store = await openTempStore();
    const file = writeTemp('bad.csv', `${SEC_HEADER}\n5,HSBC,MAIN,EQUITY,HKD,1991-01-02,0,,,,\n${row}\n`);
    const summary = await loadSecuritiesFile(store, file, { strict: false });
    expect(summary.issues.map(formatInputIssue)).toEqual([`${file}, line 3, field "${field}": ${reason}`]);
    expect(countRows(store, 'securities')).toBe(1);
    await store.close();
  });

  it('reports a code given twice in one file', async () => {
    const store = await openTempStore();
    const file = writeTemp('dup.csv', 'code,name,board,type,currency,listing_date\n700,A,MAIN,EQUITY,HKD,2004-06-16\n00700,B,MAIN,EQUITY,HKD,2004-06-16\n');
    const summary = await loadSecuritiesFile(store, file, { strict: false });
    expect(summary.issues.map(formatInputIssue)).toEqual([`${file}, line 3, field "code": an earlier line of this file already gives 00700`]);
    await store.close();
  });
});

describe('ingest changes', () => {
  async function storeWithTencent() {
    const store = await openTempStore();
    await loadSecuritiesFile(store, writeTemp('s.csv', 'code,name,board,type,currency,listing_date\n700,Tencent,MAIN,EQUITY,HKD,2004-06-16\n'), { strict: true });
    return store;
  }

  it('stores each change normalised by its field type', async () => {
    const store = await storeWithTencent();
    const file = writeTemp('c.csv', 'code,date,field,value\n700,2025-03-01,wvr,true\n700,2025-03-01,FREE_FLOAT,0.5\n700,2025-04-01,board,gem\n700,2025-05-01,delisting_date,\n700,2025-06-01,sfc_high_concentration,0\n');
    expect(await loadChangesFile(store, file, { strict: true })).toMatchObject({ status: 'loaded', rowsStored: 5 });
    expect(store.sqlite.prepare('SELECT date, field, value FROM attribute_changes ORDER BY date, field').all()).toEqual([
      { date: '2025-03-01', field: 'free_float', value: '0.5' },
      { date: '2025-03-01', field: 'wvr', value: '1' },
      { date: '2025-04-01', field: 'board', value: 'GEM' },
      { date: '2025-05-01', field: 'delisting_date', value: '' },
      { date: '2025-06-01', field: 'sfc_high_concentration', value: '0' },
    ]);
    const once = tableChecksum(store, 'attribute_changes', 'code, field, date');
    await loadChangesFile(store, file, { strict: true });
    expect(tableChecksum(store, 'attribute_changes', 'code, field, date')).toBe(once);
    expectStoreSound(store);
    await store.close();
  });

  it.each([
    ['701,2025-03-01,wvr,1', 'code', '00701 is not a known security (load it with `ingest securities` first)'],
    ['700,2025-02-29,wvr,1', 'date', '"2025-02-29" is not a real calendar date'],
    ['700,2025-03-01,colour,red', 'field', '"colour" is not an attribute that can change (one of name, board, type, currency, delisting_date, wvr, secondary_listing, free_float, a_share_code, a_share_exchange, a_share_listing_date, stabilisation_end, sfc_high_concentration, a_share_risk_alert)'],
    ['700,2025-03-01,wvr,2', 'value', 'for wvr: "2" is not a boolean (0/1 or true/false)'],
    ['700,2025-03-01,free_float,0', 'value', 'for free_float: 0 is outside 0 < free_float <= 1 (a fraction: 0.25 means 25%)'],
    ['700,2025-03-01,type,STOCK', 'value', 'for type: "STOCK" is not one of EQUITY/REIT/STAPLED/ETF/FUND/INVESTMENT_CO/SPAC/PREFERENCE/DEBT/WARRANT/OTHER'],
    ['700,2025-03-01,stabilisation_end,soon', 'value', 'for stabilisation_end: "soon" is not a date of the form YYYY-MM-DD; give --date-format (e.g. DD/MM/YYYY) when the file writes its dates another way'],
    ['700,2025-03-01,name,', 'value', 'for name: the value is missing'],
  ])('%s -> %s', async (row, field, reason) => {
    const store = await storeWithTencent();
    const file = writeTemp('bad.csv', `code,date,field,value\n${row}\n`);
    const summary = await loadChangesFile(store, file, { strict: false });
    expect(summary.issues.map(formatInputIssue)).toEqual([`${file}, line 2, field "${field}": ${reason}`]);
    expect(countRows(store, 'attribute_changes')).toBe(0);
    await store.close();
  });

  it('reports the same change twice in one file', async () => {
    const store = await storeWithTencent();
    const file = writeTemp('dup.csv', 'code,date,field,value\n700,2025-03-01,wvr,1\n700,2025-03-01,wvr,0\n');
    const summary = await loadChangesFile(store, file, { strict: false });
    expect(summary.issues.map(formatInputIssue)).toEqual([`${file}, line 3, field "field": an earlier line of this file already changes wvr of 00700 on 2025-03-01`]);
    await store.close();
  });
});
