import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { concatSeries, readWindowSeries } from '../../src/db/daily-days.js';
import { TradingCalendar } from '../../src/domain/calendar.js';
import { dailyWriter } from '../support/daily.js';

describe('readWindowSeries', () => {
  it('reads each security window (a, b] in date order, with exact money and flags', async () => {
    const store = await openStore(':memory:');
    const sec = store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', 'HKD', '2020-01-02')`);
    const day = dailyWriter(store);
    sec.run('00001', 'A');
    sec.run('00002', 'B');
    sec.run('00003', 'C (no rows in the window)');
    // Inserted out of order: the read must still come back by date.
    day.run('00001', '2025-01-06', 9_007_199_254_740_991, 0, 0); // the largest exact integer survives the text round trip
    day.run('00001', '2025-01-02', 1_000_000_000, 12_345, 0);
    day.run('00001', '2025-01-03', 1_100_000_000, 0, 1);
    day.run('00001', '2024-12-31', 5, 5, 0); // on the window's exclusive start: left out
    day.run('00002', '2025-01-03', 7, 8, 1);
    day.run('00003', '2025-02-03', 7, 8, 0); // after the window's end
    const out = readWindowSeries(store.sqlite, ['00001', '00002', '00003'], '2024-12-31', '2025-01-31');
    expect([...out.keys()]).toEqual(['00001', '00002']);
    const a = out.get('00001')!;
    expect(a.dates).toEqual(['2025-01-02', '2025-01-03', '2025-01-06']);
    expect([...a.marketCapHkd]).toEqual([1_000_000_000, 1_100_000_000, 9_007_199_254_740_991]);
    expect([...a.turnoverHkd]).toEqual([12_345, 0, 0]);
    expect([...a.suspended]).toEqual([0, 1, 0]);
    expect([...out.get('00002')!.suspended]).toEqual([1]);
    // With a calendar, each record carries its calendar slot (2 x position; odd off the calendar).
    const calendar = new TradingCalendar(['2025-01-02', '2025-01-06']);
    const slotted = readWindowSeries(store.sqlite, ['00001', '00002'], '2024-12-31', '2025-01-31', { calendar });
    expect(slotted.get('00001')!.calendarSlots!.calendar).toBe(calendar);
    expect([...slotted.get('00001')!.calendarSlots!.at]).toEqual([0, 1, 2]);
    expect([...slotted.get('00002')!.calendarSlots!.at]).toEqual([1]);
    expect(a.calendarSlots).toBeUndefined();
    await store.close();
  });

  it('joins a window read in two date ranges into the same series as one read', async () => {
    const store = await openStore(':memory:');
    const day = dailyWriter(store);
    const dates = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];
    dates.forEach((d, i) => {
      day.run('00001', d, 100 + i, 10 + i, i === 1 ? 1 : 0);
      if (i !== 3) day.run('00002', d, 200 + i, 20 + i, 0);
    });
    const calendar = new TradingCalendar(dates);
    const whole = readWindowSeries(store.sqlite, ['00001', '00002'], '2024-12-31', '2025-01-08', { calendar });
    const early = readWindowSeries(store.sqlite, ['00001', '00002'], '2024-12-31', '2025-01-03', { calendar });
    const late = readWindowSeries(store.sqlite, ['00001', '00002'], '2025-01-03', '2025-01-08', { calendar });
    for (const code of ['00001', '00002']) {
      const joined = concatSeries(early.get(code)!, late.get(code)!);
      const one = whole.get(code)!;
      expect(joined.dates).toEqual(one.dates);
      expect([...joined.marketCapHkd]).toEqual([...one.marketCapHkd]);
      expect([...joined.turnoverHkd]).toEqual([...one.turnoverHkd]);
      expect([...joined.suspended]).toEqual([...one.suspended]);
      expect([...joined.calendarSlots!.at]).toEqual([...one.calendarSlots!.at]);
    }
    // Halves on different calendars (or none) give no slots: the rules then derive them.
    expect(concatSeries(early.get('00001')!, readWindowSeries(store.sqlite, ['00001'], '2025-01-03', '2025-01-08').get('00001')!).calendarSlots).toBeUndefined();
    await store.close();
  });

  it('feeds the fingerprint every day row it reads, and only those', async () => {
    const store = await openStore(':memory:');
    const day = dailyWriter(store);
    day.run('00001', '2025-01-02', 100, 1, 0);
    day.run('00002', '2025-01-02', 200, 2, 0);
    day.run('00001', '2025-02-03', 300, 3, 0); // after the window
    const digest = (codes: string[] | null) => {
      const h = createHash('sha256');
      readWindowSeries(store.sqlite, codes, '2024-12-31', '2025-01-31', { hash: h });
      return h.digest('hex');
    };
    const before = digest(['00001']);
    // The same rows whichever codes are wanted: the day rows are hashed as stored.
    expect(digest(null)).toBe(before);
    expect(digest(['00001'])).toBe(before);
    day.run('00001', '2025-02-03', 301, 3, 0);
    expect(digest(['00001'])).toBe(before);
    for (const [code, cap, turnover, susp] of [['00002', 201, 2, 0], ['00002', 201, 3, 0], ['00002', 201, 3, 1]] as const) {
      const prev = digest(['00001']);
      day.run(code, '2025-01-02', cap, turnover, susp);
      expect(digest(['00001'])).not.toBe(prev);
    }
    await store.close();
  });
});
