import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import {
  countDailyRowsNearest, countDailyRowsOn, deleteDailyRows, insertDailyRows, readLastCapsBefore,
} from '../../src/db/repositories/daily.js';
import { prepareDailyDayRead, prepareDailyRangeRead, readDailyDates, readDailyHistory } from '../../src/db/repositories/daily-reads.js';
import type { DailyRecord } from '../../src/domain/types.js';
import { readSeries, readWindowSeries } from '../../src/jobs/window-series.js';

let store: Store;
beforeEach(async () => {
  store = await openStore(':memory:');
  const insert = store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, 'X', 'MAIN', 'EQUITY', 'HKD', '2000-01-03')`);
  for (const code of ['00001', '00002', '00003', '00005', '00700']) insert.run(code);
});
afterEach(async () => {
  await store.close();
});

function rec(code: string, date: string, cap: number, more: Partial<DailyRecord> = {}): DailyRecord {
  return { code, date, marketCapHkd: cap, turnoverHkd: 0, suspended: false, close: null, volume: null, ...more };
}
const capsOn = (date: string) => store.sqlite.prepare('SELECT code, market_cap_hkd FROM daily WHERE date = ? ORDER BY code').raw().all(date);

describe('the daily table: one row per (code, date)', () => {
  it('stores records and reads them back exactly, nulls and the largest exact integer included, as integers', () => {
    insertDailyRows(store.sqlite, [
      rec('00700', '2025-06-30', 9_007_199_254_740_991, { close: 0.1 + 0.2, volume: 123 }),
      rec('00005', '2025-06-30', 0, { turnoverHkd: 42, suspended: true }),
    ]);
    expect(store.sqlite.prepare('SELECT *, typeof(market_cap_hkd) AS t FROM daily ORDER BY code').all()).toEqual([
      { code: '00005', date: '2025-06-30', market_cap_hkd: 0, turnover_hkd: 42, suspended: 1, close: null, volume: null, t: 'integer' },
      { code: '00700', date: '2025-06-30', market_cap_hkd: 9_007_199_254_740_991, turnover_hkd: 0, suspended: 0, close: 0.30000000000000004, volume: 123, t: 'integer' },
    ]);
    expect(countDailyRowsOn(store.sqlite, '2025-06-30')).toBe(2);
    expect(countDailyRowsOn(store.sqlite, '2025-07-02')).toBe(0);
  });

  it('a later record for the same (code, date) replaces the stored one; storing the same records twice is storing them once', () => {
    insertDailyRows(store.sqlite, [rec('00001', '2025-06-30', 10), rec('00003', '2025-06-30', 30)]);
    insertDailyRows(store.sqlite, [rec('00003', '2025-06-30', 31), rec('00002', '2025-06-30', 20)]);
    insertDailyRows(store.sqlite, [rec('00003', '2025-06-30', 31), rec('00002', '2025-06-30', 20)]);
    expect(capsOn('2025-06-30')).toEqual([['00001', 10], ['00002', 20], ['00003', 31]]);
  });

  it('rolls the whole batch back when one record breaks a constraint', () => {
    expect(() => insertDailyRows(store.sqlite, [rec('00001', '2025-06-30', 10), rec('00001', '2025-07-02', -1)])).toThrow(/CHECK/);
    expect(store.sqlite.prepare('SELECT count(*) FROM daily').pluck().get()).toBe(0);
  });

  it('takes codes out of a day, and answers the nearest day\'s count (before first, else after) and each code\'s last cap', () => {
    expect(countDailyRowsNearest(store.sqlite, '2025-06-30')).toBe(0);
    insertDailyRows(store.sqlite, [rec('00001', '2025-07-03', 10), rec('00002', '2025-07-03', 20), rec('00003', '2025-07-03', 30)]);
    expect(countDailyRowsNearest(store.sqlite, '2025-06-30')).toBe(3);
    insertDailyRows(store.sqlite, [rec('00001', '2025-06-27', 11), rec('00002', '2025-07-04', 21)]);
    expect(countDailyRowsNearest(store.sqlite, '2025-06-30')).toBe(1);
    expect(readLastCapsBefore(store.sqlite, '2025-07-07', ['00001', '00002', '00005'])).toEqual(new Map([['00001', 10], ['00002', 21]]));
    deleteDailyRows(store.sqlite, '2025-07-03', ['00003', '00001']);
    expect(capsOn('2025-07-03')).toEqual([['00002', 20]]);
  });

  it('reads one security\'s history inside [from, to], a code\'s range (from, to], and a window ordered by date then code', () => {
    insertDailyRows(store.sqlite, [
      rec('00001', '2025-06-27', 11, { turnoverHkd: 1, close: 1.5, volume: 10 }), rec('00002', '2025-06-27', 21),
      rec('00002', '2025-06-30', 20), rec('00001', '2025-07-02', 12, { turnoverHkd: 2, suspended: true }),
    ]);
    expect(readDailyHistory(store.sqlite, '00001').map((r) => [r.date, r.marketCapHkd, r.suspended, r.close, r.volume])).toEqual([
      ['2025-06-27', 11, false, 1.5, 10], ['2025-07-02', 12, true, null, null],
    ]);
    expect(readDailyHistory(store.sqlite, '00001', { from: '2025-06-28' }).map((r) => r.date)).toEqual(['2025-07-02']);
    expect(readDailyHistory(store.sqlite, '00001', { to: '2025-06-27' }).map((r) => r.date)).toEqual(['2025-06-27']);
    expect(readDailyHistory(store.sqlite, '00003')).toEqual([]);
    expect(prepareDailyRangeRead(store.sqlite)('00001', '2025-06-27', '2025-07-02')).toEqual([['2025-07-02', 12, 2, 1]]);
    expect(readDailyDates(store.sqlite, '2025-06-26', '2025-07-02')).toEqual(['2025-06-27', '2025-06-30', '2025-07-02']);
    expect(readDailyDates(store.sqlite, '2025-06-27', '2025-06-30')).toEqual(['2025-06-30']);
    expect(readDailyDates(store.sqlite, '2025-07-02', '2025-07-31')).toEqual([]);
    const readDay = prepareDailyDayRead(store.sqlite);
    expect(readDay('2025-06-27')).toEqual({ date: '2025-06-27', codes: ['00001', '00002'], marketCapHkd: [11, 21], turnoverHkd: [1, 0], suspended: [0, 0] });
    expect(readDay('2025-07-02')).toEqual({ date: '2025-07-02', codes: ['00001'], marketCapHkd: [12], turnoverHkd: [2], suspended: [1] });
    expect(readDay('2025-07-01')).toEqual({ date: '2025-07-01', codes: [], marketCapHkd: [], turnoverHkd: [], suspended: [] });
  });
});

describe('the window read (readWindowSeries) against one code at a time (readSeries)', () => {
  it('gives each wanted code the same series, exact integers, gaps and flags included; codes not wanted or without records are left out', () => {
    insertDailyRows(store.sqlite, [
      rec('00001', '2025-06-27', 11, { turnoverHkd: 9_007_199_254_740_991 }), rec('00002', '2025-06-27', 21),
      rec('00005', '2025-06-27', 50),
      rec('00002', '2025-06-30', 20, { suspended: true }),
      rec('00001', '2025-07-02', 9_007_199_254_740_991, { turnoverHkd: 2, suspended: true }), rec('00002', '2025-07-02', 22, { turnoverHkd: 7 }),
    ]);
    const wanted = new Set(['00001', '00002', '00003']);
    const window = readWindowSeries(store, wanted, '2025-06-26', '2025-07-02');
    expect([...window.keys()]).toEqual(['00001', '00002']);
    expect(window).toEqual(readSeries(store, ['00001', '00002', '00003'], '2025-06-26', '2025-07-02'));
    expect(window.get('00001')).toEqual({
      dates: ['2025-06-27', '2025-07-02'], marketCapHkd: Float64Array.of(11, 9_007_199_254_740_991),
      turnoverHkd: Float64Array.of(9_007_199_254_740_991, 2), suspended: Uint8Array.of(0, 1),
    });
    expect(window.get('00002')!.suspended).toEqual(Uint8Array.of(0, 1, 0));
    expect(readWindowSeries(store, wanted, '2025-07-02', '2025-07-31')).toEqual(new Map());
  });
});

describe('the daily table\'s constraints', () => {
  const insert = () => store.sqlite.prepare(
    'INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

  it('refuses negative or fractional money, a flag other than 0/1, a date that is not a real day, and an unknown code', () => {
    insert().run('00001', '2025-06-30', 1, 0, 0, null, null);
    expect(() => insert().run('00001', '2025-07-02', -1, 0, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-07-02', 1.5, 0, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-07-02', 1, -1, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-07-02', 1, 0, 2, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-07-02', 1, 0, 0, -0.5, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-07-02', 1, 0, 0, null, 2.5)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025-02-30', 1, 0, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', '2025/07/02', 1, 0, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('00001', 'soon', 1, 0, 0, null, null)).toThrow(/CHECK/);
    expect(() => insert().run('09999', '2025-07-02', 1, 0, 0, null, null)).toThrow(/FOREIGN KEY/);
    expect(store.sqlite.prepare('SELECT count(*) FROM daily').pluck().get()).toBe(1);
  });

  it('serves one code across years from the (code, date) index and one window from the (date, code) key', () => {
    const plan = (q: string) => (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as Array<{ detail: string }>).map((r) => r.detail).join('; ');
    expect(plan("SELECT market_cap_hkd FROM daily WHERE code = '00700' AND date BETWEEN '2025-01-01' AND '2025-12-31'")).toMatch(/INDEX daily_by_code/);
    expect(plan("SELECT code, avg(market_cap_hkd) FROM daily WHERE date > '2025-06-30' AND date <= '2026-06-30' GROUP BY code")).toMatch(/PRIMARY KEY \(date>\? AND date<\?\)/);
  });
});
