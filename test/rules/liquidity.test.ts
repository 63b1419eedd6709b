import { describe, expect, it } from 'vitest';
import { getMethodology } from '../../src/methodology/index.js';
import { applyPassRule } from '../../src/rules/liquidity.js';
import { medianOf } from '../../src/rules/scan-series.js';
import { check, metricsOf, security } from './builders.js';

const m = getMethodology('hsci-2025');
/** n months, oldest first, failing at the listed positions. */
const months = (n: number, failAt: number[] = []) => Array.from({ length: n }, (_, i) => !failAt.includes(i));

describe('the §5 pass rule', () => {
  it.each([
    ['12 months, all pass', months(12), true],
    ['10 of 12 with 5 of latest 6', months(12, [0, 6]), true],
    ['10 of 12 with 4 of latest 6', months(12, [6, 7]), false],
    ['9 of 12 (all misses old)', months(12, [0, 1, 2]), false],
    ['11 of 12, the miss recent', months(12, [11]), true],
    ['11 months, one miss', months(11, [10]), true],
    ['11 months, two misses', months(11, [0, 10]), false],
    ['7 months, one miss', months(7, [0]), true],
    ['7 months, two misses', months(7, [0, 1]), false],
    ['6 months, all pass', months(6), true],
    ['6 months, one miss', months(6, [5]), false],
    ['1 month, passes', months(1), true],
    ['1 month, fails', months(1, [0]), false],
    ['no month (not listed)', months(0), false],
  ])('%s -> %s', (_label, passes, expected) => {
    expect(applyPassRule(passes, m).pass).toBe(expected);
  });

  it('reports counts and the required number', () => {
    expect(applyPassRule(months(12, [6, 7]), m)).toMatchObject({ monthsPassed: 10, recentPassed: 4, requiredPassed: 10 });
    expect(applyPassRule(months(9, [3]), m)).toMatchObject({ monthsPassed: 8, requiredPassed: 8, monthsCounted: 9 });
  });
});

describe('monthly velocity from the series', () => {
  it.each([
    ['exactly 0.05% passes', 5_000_000, null, true],
    ['one HK$ below fails', 4_999_999, null, false],
    ['free float 0.5 doubles the velocity', 2_500_000, 0.5, true],
    ['same turnover with no free float (1) fails', 2_500_000, null, false],
  ])('%s', (_label, turnoverHkd, freeFloat, pass) => {
    const r = metricsOf({ attrs: security({ freeFloat }), day: () => ({ capHkd: 10_000_000_000, turnoverHkd }) });
    expect(r.liquidity.monthsCounted).toBe(12);
    expect(r.liquidity.monthsPassed).toBe(pass ? 12 : 0);
    expect(r.liquidity.pass).toBe(pass);
    expect(check(r, 'hsci-liquidity').outcome).toBe(pass ? 'pass' : 'fail');
  });

  it('takes the median of the month, not the mean', () => {
    expect(medianOf([3, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    // Every month: one huge day cannot lift a month whose typical day is below the line.
    const r = metricsOf({ day: (d) => ({ turnoverHkd: d.endsWith('-10') ? 9_000_000_000 : 1_000_000 }) });
    expect(r.liquidity.monthsPassed).toBe(0);
  });

  it('fails a listed month without a non-suspended day, and counts from the window start', () => {
    const oneMonth = metricsOf({ day: (d) => ({ suspended: d.startsWith('2025-03') }) });
    expect(oneMonth.liquidity.months.map((x) => x.month)).toEqual([
      '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12',
      '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06',
    ]);
    expect(oneMonth.liquidity.months[8]).toMatchObject({ month: '2025-03', velocity: null, pass: false, days: 0 });
    expect(oneMonth.liquidity.pass).toBe(true); // 11 of 12, 5 of latest 6
    const twoMonths = metricsOf({ day: (d) => ({ suspended: d.startsWith('2025-03') || d.startsWith('2025-04') }) });
    expect(twoMonths.liquidity).toMatchObject({ monthsPassed: 10, recentPassed: 4, pass: false });
    expect(check(twoMonths, 'hsci-liquidity').detail).toBe(
      'liquidity: 10 of 12 months passed, 4 of latest 6; needs 10 and 5 of latest 6; below 0.05%: 2025-03, 2025-04');
  });

  it('counts a month of data gaps as failed', () => {
    const r = metricsOf({ day: (d) => (d.startsWith('2025-05') ? null : {}) });
    expect(r.liquidity.months.find((x) => x.month === '2025-05')).toMatchObject({ pass: false, velocity: null });
  });

  it.each([
    ['2025-01-15', 6, 'all'],
    ['2024-11-15', 8, 'one miss'],
  ])('a security listed %s counts %i months', (listingDate, n) => {
    const r = metricsOf({ attrs: security({ listingDate }), day: (d) => (d < listingDate ? null : {}) });
    expect(r.liquidity.monthsCounted).toBe(n);
    expect(r.liquidity.months[0]!.month).toBe(listingDate.slice(0, 7));
  });

  it('a short history with one low month: passes at 8 months, fails at 6', () => {
    const low = (d: string) => ({ turnoverHkd: d.startsWith('2025-02') ? 1 : 10_000_000 });
    const eight = metricsOf({ attrs: security({ listingDate: '2024-11-15' }), day: (d) => (d < '2024-11-15' ? null : low(d)) });
    expect(eight.liquidity.pass).toBe(true);
    const six = metricsOf({ attrs: security({ listingDate: '2025-01-15' }), day: (d) => (d < '2025-01-15' ? null : low(d)) });
    expect(six.liquidity.pass).toBe(false);
  });
});
