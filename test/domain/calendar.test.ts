import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TradingCalendar } from '../../src/domain/calendar.js';

const calendar = new TradingCalendar(['2025-12-30', '2025-12-31', '2026-01-02', '2026-01-05', '2026-02-02']);

describe('TradingCalendar slots', () => {
  it('puts a trading day at twice its position and any other date just before the next trading day', () => {
    expect(calendar.slotOf('2025-12-30')).toBe(0);
    expect(calendar.slotOf('2026-01-02')).toBe(4);
    expect(calendar.slotOf('2026-01-01')).toBe(3); // holiday: between 2025-12-31 (2) and 2026-01-02 (4)
    expect(calendar.slotOf('2025-01-01')).toBe(-1); // before the calendar
    expect(calendar.slotOf('2026-03-01')).toBe(9); // after it
  });

  it('orders dates as their strings do (dates off the calendar between the same trading days tie), and slotsOf agrees with slotOf', () => {
    const day = fc.date({ min: new Date(Date.UTC(2025, 11, 25)), max: new Date(Date.UTC(2026, 2, 5)), noInvalidDate: true })
      .map((t) => t.toISOString().slice(0, 10));
    fc.assert(fc.property(fc.array(day, { maxLength: 30 }), (raw) => {
      const dates = [...new Set(raw)].sort();
      const slots = calendar.slotsOf(dates);
      expect([...slots]).toEqual(dates.map((d) => calendar.slotOf(d)));
      for (let k = 1; k < dates.length; k += 1) {
        if (calendar.isTradingDay(dates[k]!)) expect(slots[k]!).toBeGreaterThan(slots[k - 1]!);
        else expect(slots[k]!).toBeGreaterThanOrEqual(slots[k - 1]!);
      }
      for (const d of dates) expect(calendar.slotOf(d) % 2 === 0).toBe(calendar.isTradingDay(d));
    }));
  });

  it('gives each trading day its month index', () => {
    expect([...calendar.monthIndexes]).toEqual([2025 * 12 + 11, 2025 * 12 + 11, 2026 * 12, 2026 * 12, 2026 * 12 + 1]);
  });
});
