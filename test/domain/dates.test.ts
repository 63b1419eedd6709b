import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { addDays, addMonths, daysBetween, endOfMonth, isIsoDate, weekday } from '../../src/domain/dates.js';

// The date arithmetic is plain integer math; luxon (what it replaced on the review path) is the reference.
const ref = (d: string) => DateTime.fromISO(d, { zone: 'Asia/Hong_Kong' });
const iso = (dt: DateTime) => dt.toFormat('yyyy-MM-dd');
const dates = fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true })
  .map((t) => t.toISOString().slice(0, 10));

describe('calendar-date arithmetic', () => {
  it('agrees with luxon on months, days, differences, weekdays and month ends', () => {
    fc.assert(fc.property(dates, dates, fc.integer({ min: -400, max: 400 }), (a, b, n) => {
      expect(addMonths(a, n)).toBe(iso(ref(a).plus({ months: n })));
      expect(addDays(a, n)).toBe(iso(ref(a).plus({ days: n })));
      expect(daysBetween(a, b)).toBe(Math.round(ref(b).diff(ref(a), 'days').days));
      expect(weekday(a)).toBe(ref(a).weekday);
      expect(endOfMonth(a)).toBe(iso(ref(a).endOf('month')));
    }), { numRuns: 2000 });
  });

  it('clamps the day to the month end and crosses years', () => {
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', -6)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-06-30', -12)).toBe('2025-06-30');
    expect(addMonths('2026-03-15', -27)).toBe('2023-12-15');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01']) expect(isIsoDate(ok)).toBe(true);
    for (const bad of ['2025-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-06-00', '2026-6-30', '20260630', '', '2026-06-30T00:00']) {
      expect(isIsoDate(bad)).toBe(false);
    }
    expect(() => addMonths('2025-02-29', 1)).toThrow(/not a real calendar date/);
    expect(() => addDays('30/06/2026', 1)).toThrow(/not a date of the form YYYY-MM-DD/);
  });
});
