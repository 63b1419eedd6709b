import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { DailyDays, DayColumns, mergeDays, readHistory, readWindowSeries } from '../../src/db/daily-days.js';

let store: Store;
let days: DailyDays;
beforeEach(async () => {
  store = await openStore(':memory:');
  days = new DailyDays(store.sqlite);
});
afterEach(async () => {
  await store.close();
});

function day(...rows: Array<[number, number, number?, boolean?, (number | null)?, (number | null)?]>): DayColumns {
  const d = new DayColumns(1);
  for (const [code, cap, turnover = 0, suspended = false, close = null, volume = null] of rows) d.push(code, cap, turnover, suspended, close, volume);
  return d;
}

const viewRows = (date: string) => store.sqlite.prepare('SELECT * FROM daily WHERE date = ? ORDER BY code').all(date);

describe('daily_days: one row per trading day', () => {
  it('stores a day in code order and reads it back exactly, nulls and the largest exact integer included', () => {
    days.upsert('2025-06-30', day([700, 9_007_199_254_740_991, 0, false, 0.1 + 0.2, 123], [5, 0, 42, true, null, null], [1, 7, 8, false, 2.545, null]));
    const back = days.read('2025-06-30')!;
    expect([...back.code.subarray(0, back.length)]).toEqual([1, 5, 700]);
    expect(back.record(2, '2025-06-30')).toEqual({
      date: '2025-06-30', code: '00700', marketCapHkd: 9_007_199_254_740_991, turnoverHkd: 0, suspended: false, close: 0.30000000000000004, volume: 123,
    });
    expect(back.record(1, '2025-06-30')).toMatchObject({ code: '00005', suspended: true, close: null, volume: null });
    // The view unpacks the same values for plain SQL.
    expect(viewRows('2025-06-30')).toEqual([
      { code: '00001', date: '2025-06-30', market_cap_hkd: 7, turnover_hkd: 8, suspended: 0, close: 2.545, volume: null },
      { code: '00005', date: '2025-06-30', market_cap_hkd: 0, turnover_hkd: 42, suspended: 1, close: null, volume: null },
      { code: '00700', date: '2025-06-30', market_cap_hkd: 9_007_199_254_740_991, turnover_hkd: 0, suspended: 0, close: 0.30000000000000004, volume: 123 },
    ]);
    expect(days.countOn('2025-06-30')).toBe(3);
    expect(days.countOn('2025-07-02')).toBe(0);
  });

  it('an upsert replaces the records of the codes it carries and keeps the others', () => {
    days.upsert('2025-06-30', day([1, 10], [3, 30]));
    days.upsert('2025-06-30', day([3, 31, 1], [2, 20]));
    expect(viewRows('2025-06-30').map((r) => [(r as { code: string }).code, (r as { market_cap_hkd: number }).market_cap_hkd])).toEqual([
      ['00001', 10], ['00002', 20], ['00003', 31],
    ]);
    // The same upsert twice leaves the store as once.
    days.upsert('2025-06-30', day([3, 31, 1], [2, 20]));
    expect(days.countOn('2025-06-30')).toBe(3);
  });

  it('merges by code: the incoming record wins a tie, order is kept', () => {
    const merged = mergeDays(day([1, 1], [4, 4], [9, 9]), day([4, 40], [5, 50]));
    expect([...merged.code.subarray(0, merged.length)]).toEqual([1, 4, 5, 9]);
    expect([...merged.cap.subarray(0, merged.length)]).toEqual([1, 40, 50, 9]);
  });

  it('removes codes from a day, and the day row itself once it is empty', () => {
    days.upsert('2025-06-30', day([1, 10], [3, 30]));
    days.remove('2025-06-30', new Set([3]));
    expect(days.countOn('2025-06-30')).toBe(1);
    days.remove('2025-06-30', new Set([1]));
    expect(store.sqlite.prepare('SELECT count(*) FROM daily_days').pluck().get()).toBe(0);
  });

  it('answers the nearest day count (before first, else after), the last date and each code\'s last cap', () => {
    expect(days.countOnNearest('2025-06-30')).toBe(0);
    expect(days.lastDate()).toBeNull();
    days.upsert('2025-07-03', day([1, 10], [2, 20], [3, 30]));
    expect(days.countOnNearest('2025-06-30')).toBe(3);
    days.upsert('2025-06-27', day([1, 11]));
    expect(days.countOnNearest('2025-06-30')).toBe(1);
    expect(days.lastDate()).toBe('2025-07-03');
    days.upsert('2025-07-04', day([2, 21]));
    // 00001's last cap before 07-07 is on 07-03 (walks back past 07-04); 00009 has none.
    expect(days.lastCapsBefore('2025-07-07', new Set([1, 2, 9]))).toEqual(new Map([[2, 21], [1, 10]]));
  });

  it('reads one security\'s history inside [from, to], skipping days without it', () => {
    days.upsert('2025-06-27', day([1, 11, 1, false, 1.5, 10]));
    days.upsert('2025-06-30', day([2, 20]));
    days.upsert('2025-07-02', day([1, 12, 2, true]));
    expect(readHistory(store.sqlite, '00001').map((r) => [r.date, r.marketCapHkd, r.suspended, r.close, r.volume])).toEqual([
      ['2025-06-27', 11, false, 1.5, 10], ['2025-07-02', 12, true, null, null],
    ]);
    expect(readHistory(store.sqlite, '00001', { from: '2025-06-28' }).map((r) => r.date)).toEqual(['2025-07-02']);
    expect(readHistory(store.sqlite, '00001', { to: '2025-06-27' }).map((r) => r.date)).toEqual(['2025-06-27']);
    expect(readHistory(store.sqlite, '00003')).toEqual([]);
  });

  it('transposes a window (from, to] into per-security series, for all codes or the ones asked', () => {
    days.upsert('2025-06-27', day([1, 11], [2, 21]));
    days.upsert('2025-06-30', day([1, 12, 5, true], [2, 22]));
    days.upsert('2025-07-02', day([2, 23], [3, 33]));
    const all = readWindowSeries(store.sqlite, null, '2025-06-27', '2025-07-02');
    expect([...all.keys()].sort()).toEqual(['00001', '00002', '00003']);
    expect(all.get('00002')!.dates).toEqual(['2025-06-30', '2025-07-02']);
    expect([...all.get('00002')!.marketCapHkd]).toEqual([22, 23]);
    expect([...all.get('00001')!.suspended]).toEqual([1]);
    expect([...all.get('00001')!.turnoverHkd]).toEqual([5]);
    const some = readWindowSeries(store.sqlite, ['00003', '00001', '00009'], '2025-06-26', '2025-06-30');
    expect([...some.keys()]).toEqual(['00001']);
    expect([...some.get('00001')!.marketCapHkd]).toEqual([11, 12]);
  });
});
