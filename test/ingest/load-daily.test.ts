import { afterEach, describe, expect, it } from 'vitest';
import { loadDailyFile } from '../../src/ingest/load-daily.js';
import { formatInputIssue } from '../../src/domain/errors.js';
import type { LoadSummary } from '../../src/ingest/types.js';
import { cleanTemp, countRows, expectStoreSound, openTempStore, seedBasics, tableChecksum, writeTemp } from './helpers.js';

afterEach(cleanTemp);

const DAYS = ['2025-01-02', '2025-01-03', '2025-01-06'];
const HEADER = 'date,code,market_cap_hkd,turnover_hkd,suspended,close,volume';
const GOOD = '2025-01-02,700,4000000000000,12000000000,0,420.2,1000';

async function storeWithBasics() {
  const store = await openTempStore();
  // The calendar covers 2025-01-01 .. 2025-01-06: 01-01 closed, 01-02, 01-03, 01-06 open.
  seedBasics(store, ['00700', '00005', '00001'], DAYS, ['2025-01-01']);
  return store;
}

function messages(summary: LoadSummary): string[] {
  return summary.issues.map(formatInputIssue);
}

describe('ingest daily: good files', () => {
  it('stores every row with codes padded to 5 digits and money as whole HK$', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('daily.csv', `${HEADER}\n${GOOD}\n2025-01-02,5,1000000000000.4,0,1,,\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 2, rowsRejected: 0, issueCount: 0 });
    const rows = store.sqlite.prepare('SELECT code, date, market_cap_hkd, typeof(market_cap_hkd) AS t, suspended, close, volume FROM daily ORDER BY code').all();
    expect(rows).toEqual([
      { code: '00005', date: '2025-01-02', market_cap_hkd: 1000000000000, t: 'integer', suspended: 1, close: null, volume: null },
      { code: '00700', date: '2025-01-02', market_cap_hkd: 4000000000000, t: 'integer', suspended: 0, close: 420.2, volume: 1000 },
    ]);
    expect(store.sqlite.prepare('SELECT kind, file, rows_read, rows_stored, rows_rejected, length(sha256) AS n FROM loads').get())
      .toEqual({ kind: 'daily', file, rows_read: 2, rows_stored: 2, rows_rejected: 0, n: 64 });
    expectStoreSound(store);
    await store.close();
  });

  it('accepts a BOM, CRLF line ends, column order changes, unknown columns and true/false booleans', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('daily.csv', `\uFEFFsuspended,Code,extra,turnover_hkd,market_cap_hkd,date\r\nfalse,00700,x,5,100,2025-01-03\r\nTRUE,0005,y,0,90,2025-01-03\r\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 2, issueCount: 0 });
    expect(store.sqlite.prepare('SELECT code, suspended FROM daily ORDER BY code').all()).toEqual([
      { code: '00005', suspended: 1 }, { code: '00700', suspended: 0 },
    ]);
    expectStoreSound(store);
    await store.close();
  });

  it('accepts a weekday outside the calendar range and a header-only file (0 rows)', async () => {
    const store = await storeWithBasics();
    const outside = await loadDailyFile(store, writeTemp('a.csv', `${HEADER}\n2024-12-31,700,1,1,0,,\n`), { strict: false });
    expect(outside).toMatchObject({ status: 'loaded', rowsStored: 1 });
    const empty = await loadDailyFile(store, writeTemp('b.csv', `${HEADER}\n`), { strict: true });
    expect(empty).toMatchObject({ status: 'loaded', rowsRead: 0, rowsStored: 0, rowsRejected: 0 });
    expectStoreSound(store);
    await store.close();
  });
});

describe('ingest daily: each bad row is reported with file, line, field and reason', () => {
  const cases: Array<[string, string, string]> = [
    ['2025-01-02,700,abc,1,0,,', 'market_cap_hkd', '"abc" is not a number'],
    ['2025-01-02,700,-5,1,0,,', 'market_cap_hkd', '-5 is negative; amounts cannot be below zero'],
    ['2025-01-02,700,"1,234",1,0,,', 'market_cap_hkd', '1,234 has thousands separators; write the plain number (1234)'],
    ['2025-01-02,700,4.5E-1,1,0,,', 'market_cap_hkd', '4.5E-1 is not a whole number of HK$; exponent notation is accepted only for whole amounts such as 4.5E+12'],
    ['2025-01-02,700,100000000000001,1,0,,', 'market_cap_hkd', '100000000000001 is above HK$100tn, which is not a plausible amount'],
    ['2025-01-02,700,100000000000000,-1,0,,', 'turnover_hkd', '-1 is negative; amounts cannot be below zero'],
    ['2025-01-02,9999,1,1,0,,', 'code', '09999 is not a known security (load it with `ingest securities` first)'],
    ['2025-01-02,70A,1,1,0,,', 'code', '"70A" is not a stock code (1 to 5 digits, such as 700 or 00700)'],
    ['2025-02-30,700,1,1,0,,', 'date', '"2025-02-30" is not a real calendar date'],
    ['2025/01/02,700,1,1,0,,', 'date', '"2025/01/02" is not a date of the form YYYY-MM-DD; give --date-format (e.g. DD/MM/YYYY) when the file writes its dates another way'],
    ['2025-01-04,700,1,1,0,,', 'date', '2025-01-04 is a Saturday, not a trading day'],
    ['2025-01-01,700,1,1,0,,', 'date', '2025-01-01 is not a trading day: the trading calendar marks the market closed; if the market was open that day, load the file with --open-days 2025-01-01'],
    ['2025-01-02,700,1,1,maybe,,', 'suspended', '"maybe" is not a boolean (0/1 or true/false)'],
    ['2025-01-02,700,1,1,0,-3,', 'close', '-3 is negative; amounts cannot be below zero'],
    ['2025-01-02,700,1,1,0,,2.5', 'volume', '2.5 is not a whole number'],
  ];
  it.each(cases)('%s -> %s', async (row, field, reason) => {
    const store = await storeWithBasics();
    const file = writeTemp('bad.csv', `${HEADER}\n${GOOD.replace('700', '5')}\n${row}\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(messages(summary)).toEqual([`${file}, line 3, field "${field}": ${reason}`]);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 1, rowsRejected: 1 });
    expect(countRows(store, 'daily')).toBe(1);
    expectStoreSound(store);
    await store.close();
  });

  it('a weekday the calendar does not list inside its range is not a trading day', async () => {
    const store = await openTempStore();
    seedBasics(store, ['00700'], ['2025-01-02', '2025-01-06']);
    const file = writeTemp('bad.csv', `${HEADER}\n2025-01-03,700,1,1,0,,\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(messages(summary)).toEqual([`${file}, line 2, field "date": 2025-01-03 is not a trading day (the trading calendar, which covers 2025-01-02 to 2025-01-06, does not list it); the file's 1 row(s) that day cover too few securities to show the market was open`]);
    await store.close();
  });
});

describe('ingest daily: rows on a day the calendar marks closed are bad rows unless --open-days (issue 16)', () => {
  const codes = ['00001', '00002', '00003', '00004'];
  const rowsOn = (date: string, n: number) => codes.slice(0, n).map((c) => `${date},${c},100,1,0,,`).join('\n');

  async function storeWithHoliday(source: 'seed' | 'dayquot') {
    const store = await openTempStore();
    seedBasics(store, codes, ['2025-01-02', '2025-01-03']);
    store.sqlite.prepare(`INSERT INTO calendar (date, is_trading_day, source, note) VALUES ('2025-01-06', 0, ?, ?)`)
      .run(source, source === 'seed' ? 'Test Holiday' : 'NO TRADING (HKEX daily quotations)');
    return store;
  }
  const calendarRow = (store: Awaited<ReturnType<typeof openTempStore>>) =>
    store.sqlite.prepare(`SELECT is_trading_day, source FROM calendar WHERE date = '2025-01-06'`).get();

  it('rows for every security on a seeded holiday (a forward-filled export) do not open it: each is a bad row naming the holiday', async () => {
    const store = await storeWithHoliday('seed');
    const file = writeTemp('d.csv', `${HEADER}\n${rowsOn('2025-01-03', 4)}\n${rowsOn('2025-01-06', 4)}\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 4, rowsRejected: 4 });
    expect(messages(summary)[0]).toBe(`${file}, line 6, field "date": 2025-01-06 is not a trading day: the market was closed (Test Holiday); if the market was open that day, load the file with --open-days 2025-01-06`);
    expect(countRows(store, 'daily')).toBe(4);
    expect(calendarRow(store)).toEqual({ is_trading_day: 0, source: 'seed' });
    expectStoreSound(store);
    await store.close();
  });

  it('--strict stores nothing from such a file; --open-days opens the day (source user) and stores its rows', async () => {
    const file = writeTemp('d.csv', `${HEADER}\n${rowsOn('2025-01-03', 4)}\n${rowsOn('2025-01-06', 3)}\n`);
    const strictStore = await storeWithHoliday('seed');
    const strict = await loadDailyFile(strictStore, file, { strict: true });
    expect(strict.status).toBe('rejected');
    expect(countRows(strictStore, 'daily')).toBe(0);
    expect(calendarRow(strictStore)).toEqual({ is_trading_day: 0, source: 'seed' });
    await strictStore.close();
    const store = await storeWithHoliday('seed');
    const opened = await loadDailyFile(store, file, { strict: true, openDays: ['2025-01-06'] });
    expect(opened).toMatchObject({ status: 'loaded', rowsStored: 7, rowsRejected: 0 });
    expect(calendarRow(store)).toEqual({ is_trading_day: 1, source: 'user' });
    expectStoreSound(store);
    await store.close();
  });

  it('a closure recorded from real data (a holiday report) is named too, and only --open-days overrules it', async () => {
    const store = await storeWithHoliday('dayquot');
    const file = writeTemp('d.csv', `${HEADER}\n${rowsOn('2025-01-03', 4)}\n${rowsOn('2025-01-06', 4)}\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ rowsStored: 4, rowsRejected: 4 });
    expect(messages(summary)[0]).toContain('2025-01-06 is not a trading day: the market was closed (NO TRADING (HKEX daily quotations))');
    expect(calendarRow(store)).toEqual({ is_trading_day: 0, source: 'dayquot' });
    await store.close();
  });

});

describe('ingest daily: rows the file itself gets wrong', () => {
  it('reports a duplicate (date, code) inside one file and keeps the first', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('dup.csv', `${HEADER}\n2025-01-02,700,1,1,0,,\n2025-01-03,700,2,1,0,,\n2025-01-02,00700,3,1,0,,\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(messages(summary)).toEqual([`${file}, line 4, field "code": an earlier line of this file already gives 00700 on 2025-01-02`]);
    expect(store.sqlite.prepare("SELECT market_cap_hkd FROM daily WHERE date = '2025-01-02'").pluck().get()).toBe(1);
    await store.close();
  });

  it('reports a row with the wrong number of fields, bytes that are not UTF-8, and an unterminated quote', async () => {
    const store = await storeWithBasics();
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n${GOOD}\n2025-01-03,700,1,1,0\n2025-01-03,5,1,1,0,`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(',\n2025-01-06,5,1,1,0,,\n2025-01-06,1,"1,1,0,,\n2025-01-06,700,1,1,0,,\n'),
    ]);
    const file = writeTemp('mixed.csv', bytes);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(messages(summary)).toEqual([
      `${file}, line 3: the row has 5 fields but the header has 7 (an unquoted comma inside a value, such as a thousands separator?)`,
      `${file}, line 4, field "close": the value holds bytes that are not valid UTF-8 (save the file as UTF-8)`,
      `${file}, line 6: a quoted value that starts here is never closed (the file ends inside quotes)`,
    ]);
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 2, rowsRejected: 3 });
    await store.close();
  });

  it('survives a 5 MB single line and reports it without echoing it', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('long.csv', `${HEADER}\n${GOOD}\n2025-01-03,700,${'9'.repeat(5 * 1024 * 1024)},1,0,,\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 1, rowsRejected: 1 });
    const message = messages(summary)[0]!;
    expect(message).toContain(`${file}, line 3, field "market_cap_hkd": `);
    expect(message.length).toBeLessThan(300);
    await store.close();
  });
});

describe('ingest daily: whole-file rejections store nothing', () => {
  it('--strict rejects the file at its first bad row', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('strict.csv', `${HEADER}\n${GOOD}\n2025-01-03,700,-1,1,0,,\n2025-01-06,700,1,1,0,,\n`);
    const summary = await loadDailyFile(store, file, { strict: true });
    expect(summary.status).toBe('rejected');
    expect(formatInputIssue(summary.fileIssue!)).toBe(`${file}, line 3, field "market_cap_hkd": -1 is negative; amounts cannot be below zero`);
    expect(countRows(store, 'daily')).toBe(0);
    expect(countRows(store, 'loads')).toBe(0);
    expectStoreSound(store);
    await store.close();
  });

  it.each([
    ['a missing column', 'date,code,market_cap_hkd,suspended\n', 'the header lacks the required column "turnover_hkd"'],
    ['semicolons', 'date;code;market_cap_hkd;turnover_hkd;suspended\n', 'the header lacks the required columns "date", "code", "market_cap_hkd", "turnover_hkd", "suspended"; the header is one column "date;code;market_cap_hkd;turnover_hkd;suspended", so the file is probably not comma-separated'],
    ['a doubled column', 'date,code,code,market_cap_hkd,turnover_hkd,suspended\n', 'the header names the column "code" twice'],
  ])('a wrong header (%s) rejects the file in non-strict mode too', async (_name, header, reason) => {
    const store = await storeWithBasics();
    const file = writeTemp('h.csv', `${header}2025-01-02,700,1,1,0\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary.status).toBe('rejected');
    expect(summary.fileIssue).toMatchObject({ file, line: 1, reason });
    expect(countRows(store, 'daily')).toBe(0);
    await store.close();
  });

  it('an empty file and a missing file are rejected with one sentence', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('empty.csv', '');
    expect((await loadDailyFile(store, file, { strict: false })).fileIssue).toEqual({ file, reason: 'the file is empty: it has no header row' });
    expect((await loadDailyFile(store, `${file}.nope`, { strict: false })).fileIssue).toEqual({ file: `${file}.nope`, reason: 'no such file' });
    await store.close();
  });
});

describe('ingest daily: streaming', () => {
  it('reads a moderate file in chunks (progress sees partial byte counts), not at once', async () => {
    const store = await storeWithBasics();
    const rows = Array.from({ length: 30_000 }, (_, i) => `${DAYS[i % 3]},${['700', '5', '1'][Math.floor(i / 3) % 3]},${i},1,0,,`);
    // Unique (date, code) only for the first 9 rows; the rest are duplicates: reading, not storing, is under test.
    const file = writeTemp('m.csv', `${HEADER}\n${rows.join('\n')}\n`);
    const calls: Array<[number, number]> = [];
    const summary = await loadDailyFile(store, file, { strict: false, progress: (bytes, total) => calls.push([bytes, total]) });
    expect(summary.rowsRead).toBe(30_000);
    expect(calls.length).toBeGreaterThan(1);
    expect(calls[0]![0]).toBeLessThan(calls[0]![1]);
    expect(calls[calls.length - 1]![0]).toBe(calls[0]![1]);
    await store.close();
  });
});

describe('ingest daily: reloads', () => {
  it('is idempotent: the same file twice leaves the table as once', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('d.csv', `${HEADER}\n${GOOD}\n2025-01-03,5,7,8,1,1.5,9\n`);
    await loadDailyFile(store, file, { strict: false });
    const once = tableChecksum(store, 'daily', 'code, date');
    await loadDailyFile(store, file, { strict: false });
    expect(tableChecksum(store, 'daily', 'code, date')).toBe(once);
    expectStoreSound(store);
    await store.close();
  });

  it('a later file row for the same (date, code) replaces the earlier one', async () => {
    const store = await storeWithBasics();
    await loadDailyFile(store, writeTemp('a.csv', `${HEADER}\n2025-01-02,700,100,10,0,1.0,5\n2025-01-03,700,200,20,0,,\n`), { strict: false });
    await loadDailyFile(store, writeTemp('b.csv', `${HEADER}\n2025-01-03,700,300,30,1,,\n`), { strict: false });
    expect(store.sqlite.prepare('SELECT date, market_cap_hkd, suspended FROM daily ORDER BY date').all()).toEqual([
      { date: '2025-01-02', market_cap_hkd: 100, suspended: 0 },
      { date: '2025-01-03', market_cap_hkd: 300, suspended: 1 },
    ]);
    await store.close();
  });
});
