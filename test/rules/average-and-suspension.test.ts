import { describe, expect, it } from 'vitest';
import { getMethodology } from '../../src/methodology/index.js';
import { check, metricsOf, security } from './builders.js';

describe('§3 average market cap', () => {
  it('averages the non-suspended trading days of (C - 12 months, C]', () => {
    // HK$1bn before the window (ignored), HK$2bn inside, HK$99bn on suspended days (never used).
    const r = metricsOf({
      day: (d) => (d <= '2024-06-30' ? { capHkd: 1e9 } : d === '2025-01-15' ? { capHkd: 99e9, suspended: true } : { capHkd: 2e9 }),
    });
    expect(r.average).toMatchObject({ avgMarketCapHkd: 2e9, method: 'daily', windowStart: '2024-07-01', windowEnd: '2025-06-30', dataGapDays: 0, restartedOn: null });
    expect(r.average.daysUsed).toBe(261 - 1); // 261 weekdays in the window, one suspended
    expect(check(r, 'hsci-average-daily').detail).toMatch(/^average market cap HK\$2\.00bn over 260 non-suspended trading day\(s\) from 2024-07-01 to 2025-06-30$/);
  });

  it('cuts the window at the listing date (two days of history are enough)', () => {
    const r = metricsOf({ attrs: security({ listingDate: '2025-06-27' }), day: (d) => (d === '2025-06-27' ? { capHkd: 1e9 } : d === '2025-06-30' ? { capHkd: 3e9 } : null) });
    expect(r.average).toMatchObject({ avgMarketCapHkd: 2e9, daysUsed: 2, windowStart: '2025-06-27', dataGapDays: 0 });
    expect(r.universe.eligible).toBe(true);
  });

  it('leaves data gaps out, counts them and warns', () => {
    const gaps = new Set(['2024-10-02', '2025-02-03', '2025-06-30']);
    const r = metricsOf({ day: (d) => (gaps.has(d) ? null : { capHkd: d < '2025-01-01' ? 1e9 : 3e9 }) });
    expect(r.average.dataGapDays).toBe(3);
    expect(r.average.daysUsed).toBe(258);
    expect(r.warnings).toEqual([expect.stringMatching(/3 trading day\(s\) without a daily record.*first 2024-10-02/)]);
    expect(check(r, 'hsci-average-daily').detail).toMatch(/3 trading day\(s\) without data left out/);
  });

  it('counts the days before a late first record as gaps, and an empty history as all gaps', () => {
    const late = metricsOf({ day: (d) => (d < '2024-07-08' ? null : {}) });
    expect(late.average).toMatchObject({ dataGapDays: 5, daysUsed: 256, windowStart: '2024-07-01' });
    const empty = metricsOf({ day: () => null });
    expect(empty.average).toMatchObject({ dataGapDays: 261, daysUsed: 0, avgMarketCapHkd: null });
    expect(empty.universe.rule).toBe('hsci-universe-trading');
    expect(empty.liquidity.pass).toBe(false);
  });

  it('counts no gap after a delisting, and leaves a delisted security out of the universe', () => {
    const r = metricsOf({ attrs: security({ delistingDate: '2025-06-02' }), day: (d) => (d >= '2025-06-02' ? null : {}) });
    expect(r.average.dataGapDays).toBe(0);
    expect(r.universe.rule).toBe('hsci-universe-listed');
  });

  it('averages a mid-month preview over 13 touched months but counts 12 liquidity months', () => {
    const r = metricsOf({ cutoff: '2025-06-13', day: (d) => ({ capHkd: d <= '2024-06-30' ? 1e9 : 3e9 }) });
    expect(r.average.windowStart).toBe('2024-06-14');
    expect(r.average.avgMarketCapHkd).toBeLessThan(3e9); // 2024-06-14..28 at HK$1bn are in
    expect(r.liquidity.months[0]!.month).toBe('2024-07');
    expect(r.liquidity.monthsCounted).toBe(12);
  });

  it('uses month-end caps under hsci-2024 (a suspended month-end falls back to the month\'s last trading day)', () => {
    const capOf = (d: string) => (Number(d.slice(5, 7)) * 1e9);
    const r = metricsOf({
      methodology: getMethodology('hsci-2024'),
      day: (d) => (d === '2025-06-30' ? { capHkd: 50e9, suspended: true } : { capHkd: d === '2025-06-27' ? 12e9 : capOf(d) }),
    });
    // Jul..Dec 2024 = 7..12, Jan..May 2025 = 1..5, June 2025: the 27th at 12bn.
    const expected = (7 + 8 + 9 + 10 + 11 + 12 + 1 + 2 + 3 + 4 + 5 + 12) * 1e9 / 12;
    expect(r.average.method).toBe('month-end');
    expect(r.average.avgMarketCapHkd).toBeCloseTo(expected, 0);
    expect(r.southboundAvgMarketCapHkd).toBeCloseTo(expected, 0);
    expect(check(r, 'hsci-average-month-end').detail).toMatch(/over 12 month-end\(s\)/);
  });

  it.each([
    // run from S to the last suspended day L; prolonged when S <= L - 3 months
    ['exactly 3 months restarts', '2024-09-02', '2024-12-02', '2024-12-03'],
    ['one day shorter does not', '2024-09-03', '2024-12-02', null],
    ['a run begun before the window restarts inside it', '2024-03-01', '2024-07-12', '2024-07-15'],
    ['a resumption before the window does not restart', '2024-03-01', '2024-06-26', null],
  ])('prolonged suspension: %s', (_label, from, to, restartedOn) => {
    const r = metricsOf({ day: (d) => ({ capHkd: d < from ? 5e9 : 1e9, suspended: d >= from && d <= to }) });
    expect(r.average.restartedOn).toBe(restartedOn);
    if (restartedOn) {
      expect(r.average.windowStart).toBe(restartedOn);
      expect(r.liquidity.months[0]!.month).toBe(restartedOn.slice(0, 7));
      expect(r.average.avgMarketCapHkd).toBe(1e9);
    } else {
      expect(r.average.windowStart).toBe('2024-07-01');
    }
  });
});

describe('§4 suspension on the cut-off', () => {
  const cutoff = '2025-07-02'; // C - 3 months = 2025-04-02, a Wednesday
  it.each([
    ['since exactly C - 3 months: long', '2025-04-02', true],
    ['since one day later: not long', '2025-04-03', false],
  ])('%s', (_label, since, long) => {
    const r = metricsOf({ cutoff, day: (d) => ({ suspended: d >= since }) });
    expect(r.suspension).toEqual({ suspendedOnCutoff: true, suspendedSince: since, longSuspension: long });
    expect(check(r, 'hsci-long-suspension').outcome).toBe(long ? 'fail' : 'pass');
    expect(check(r, 'hsci-suspended-on-cutoff').outcome).toBe('fail');
  });

  // C = 2025-06-30: C - 3 months = 2025-03-30, a Sunday. "Continuously since a day on or before" it means the
  // run of suspended trading days began on or before it: on Friday 03-28 at the latest.
  it.each([
    ['since Fri 2025-03-28, the last trading day on or before C - 3 months: long', '2025-03-28', true],
    ['since Mon 2025-03-31, the first trading day after it: not long', '2025-03-31', false],
    ['since Thu 2025-03-27: long', '2025-03-27', true],
  ])('C - 3 months on a non-trading day: %s', (_label, since, long) => {
    const r = metricsOf({ day: (d) => ({ suspended: d >= since }) });
    expect(r.suspension).toEqual({ suspendedOnCutoff: true, suspendedSince: since, longSuspension: long });
  });

  it('is not suspended when trading on C, even after a suspension', () => {
    const r = metricsOf({ day: (d) => ({ suspended: d >= '2025-01-02' && d < '2025-06-30' }) });
    expect(r.suspension).toEqual({ suspendedOnCutoff: false, suspendedSince: null, longSuspension: false });
    expect(r.capOnCutoffHkd).toBe(1e10);
  });

  it('carries the suspension across a data gap on C', () => {
    const r = metricsOf({ day: (d) => (d === '2025-06-30' ? null : { suspended: d >= '2025-06-02' }) });
    expect(r.suspension).toMatchObject({ suspendedOnCutoff: true, suspendedSince: '2025-06-02', longSuspension: false });
  });

  it('gives the last traded cap for a suspended security', () => {
    const r = metricsOf({ day: (d) => (d >= '2025-06-02' ? { suspended: true, capHkd: 1 } : { capHkd: d === '2025-05-30' ? 7e9 : 1e9 }) });
    expect(r.capOnCutoffHkd).toBe(7e9);
  });
});
