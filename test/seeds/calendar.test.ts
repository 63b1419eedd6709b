import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { seedStore } from '../../src/jobs/seed.js';
import { buildCalendarDays, parseHolidayCsv } from '../../seeds/calendar-days.js';
import { packageRoot } from '../../seeds/seed-files.js';
import { addDays } from '../../src/domain/dates.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

let store: Store;
let seeded: Store;
beforeAll(async () => { seeded = await openStore(':memory:'); await seedStore(seeded, { sample: false }); });
afterAll(async () => { await seeded.close(); });
beforeEach(async () => { store = seeded; });

function day(date: string): { is_trading_day: number; source: string; note: string | null } | undefined {
  return store.sqlite.prepare('SELECT is_trading_day, source, note FROM calendar WHERE date = ?').get(date) as never;
}
function tradingDaysIn(year: number): number {
  return store.sqlite.prepare(`SELECT count(*) FROM calendar WHERE is_trading_day = 1 AND date LIKE ?`).pluck().get(`${year}-%`) as number;
}

/** Easter Sunday by the anonymous Gregorian algorithm: an independent check of the Easter holidays in the data. */
function easterSunday(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

describe('the seeded trading calendar', () => {
  it('writes every calendar day 2015-01-01..2027-12-31, from the package root', async () => {
    expect(existsSync(join(packageRoot(), 'seeds', 'hk-holidays.csv'))).toBe(true);
    const summary = await seedStore(store, { sample: false });
    expect(summary).toMatch(/4748 days/);
    expect(store.sqlite.prepare('SELECT count(*), min(date), max(date) FROM calendar').raw().get()).toEqual([4748, '2015-01-01', '2027-12-31']);
    expect(store.sqlite.prepare(`SELECT count(*) FROM calendar WHERE source <> 'seed'`).pluck().get()).toBe(0);
  });

  const closed2024 = ['2024-01-01', '2024-02-12', '2024-02-13', '2024-03-29', '2024-04-01', '2024-04-04', '2024-05-01', '2024-05-15',
    '2024-06-10', '2024-07-01', '2024-09-18', '2024-10-01', '2024-10-11', '2024-12-25', '2024-12-26'];
  const closed2025 = ['2025-01-01', '2025-01-29', '2025-01-30', '2025-01-31', '2025-04-04', '2025-04-18', '2025-04-21', '2025-05-01',
    '2025-05-05', '2025-07-01', '2025-10-01', '2025-10-07', '2025-10-29', '2025-12-25', '2025-12-26'];
  it.each([...closed2024, ...closed2025])('%s is a holiday with its name', async (date) => {
    const row = day(date)!;
    expect(row.is_trading_day).toBe(0);
    expect(row.note).not.toBe('weekend');
    expect(row.note?.length).toBeGreaterThan(3);
  });

  it('counts exactly the weekday holidays of 2024 and 2025 as closed, and nothing else', async () => {
    const closedWeekdays = (y: number) => store.sqlite.prepare(
      `SELECT date FROM calendar WHERE is_trading_day = 0 AND note <> 'weekend' AND date LIKE ? ORDER BY date`).pluck().all(`${y}-%`);
    expect(closedWeekdays(2024)).toEqual(closed2024);
    expect(closedWeekdays(2025)).toEqual(closed2025);
  });

  it('opens on half-days and on ordinary days around the holidays, closes on weekends', async () => {
    // Lunar New Year's Eve, Christmas Eve and New Year's Eve are half-day sessions: still trading days.
    for (const d of ['2024-02-09', '2024-12-24', '2024-12-31', '2025-01-28', '2025-12-24', '2025-12-31', '2024-02-14', '2025-10-06']) {
      expect(day(d), d).toEqual({ is_trading_day: 1, source: 'seed', note: null });
    }
    expect(day('2025-05-31')).toEqual({ is_trading_day: 0, source: 'seed', note: 'weekend' }); // Tuen Ng on a Saturday
    expect(day('2026-06-28')).toEqual({ is_trading_day: 0, source: 'seed', note: 'weekend' });
    expect(day('2026-06-30')?.is_trading_day).toBe(1);
  });

  it('has 246 to 250 trading days every year, exactly as the official counts for 2024 and 2025', async () => {
    for (let y = 2015; y <= 2027; y++) {
      expect(tradingDaysIn(y), String(y)).toBeGreaterThanOrEqual(246);
      expect(tradingDaysIn(y), String(y)).toBeLessThanOrEqual(250);
    }
    expect(tradingDaysIn(2024)).toBe(247);
    expect(tradingDaysIn(2025)).toBe(246);
  });

  it('closes on Good Friday and Easter Monday every year (checked against computed Easter dates)', async () => {
    for (let y = 2015; y <= 2027; y++) {
      const easter = easterSunday(y);
      expect(day(addDays(easter, -2))?.is_trading_day, `${y} Good Friday`).toBe(0);
      expect(day(addDays(easter, 1))?.is_trading_day, `${y} Easter Monday`).toBe(0);
    }
  });

  it('is idempotent and leaves days recorded from real data alone', async () => {
    store = await openStore(':memory:');
    await seedStore(store, { sample: false });
    const snapshot = store.sqlite.prepare('SELECT * FROM calendar ORDER BY date').all();
    store.sqlite.prepare(`UPDATE calendar SET is_trading_day = 0, source = 'dayquot', note = 'typhoon' WHERE date = '2025-07-02'`).run();
    await seedStore(store, { sample: false });
    expect(day('2025-07-02')).toEqual({ is_trading_day: 0, source: 'dayquot', note: 'typhoon' });
    store.sqlite.prepare(`UPDATE calendar SET is_trading_day = 1, source = 'seed', note = NULL WHERE date = '2025-07-02'`).run();
    expect(store.sqlite.prepare('SELECT * FROM calendar ORDER BY date').all()).toEqual(snapshot);
    await store.close();
  });
});

describe('parseHolidayCsv', () => {
  it('reports a weekend date, a bad date, a duplicate and a missing name with their lines', () => {
    const text = 'date,name\n2025-05-31,Tuen Ng\n2025-02-30,X\n2025-01-01,New Year\n2025-01-01,Again\n2025-01-02,\n';
    const { holidays, issues } = parseHolidayCsv(text, 'h.csv');
    expect([...holidays.keys()]).toEqual(['2025-01-01']);
    expect(issues.map((i) => [i.line, i.field])).toEqual([[2, 'date'], [3, 'date'], [5, 'date'], [6, 'name']]);
  });

  it('builds weekend and holiday notes', () => {
    const days = buildCalendarDays(new Map([['2025-01-01', 'New Year']]), '2024-12-31', '2025-01-05');
    expect(days.map((d) => [d.date, d.isTradingDay, d.note])).toEqual([
      ['2024-12-31', true, null], ['2025-01-01', false, 'New Year'], ['2025-01-02', true, null],
      ['2025-01-03', true, null], ['2025-01-04', false, 'weekend'], ['2025-01-05', false, 'weekend'],
    ]);
  });
});
