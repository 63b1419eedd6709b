import { describe, expect, it } from 'vitest';
import { getMethodology } from '../../src/methodology/index.js';
import type { SecurityMetrics } from '../../src/rules/security-metrics.js';
import { extendSeries, recentMedianTurnover } from '../../src/screen/extend-series.js';
import { screenReview } from '../../src/screen/screen-review.js';
import { closeCallsOf, liquidityCallsOf } from '../../src/screen/what-it-takes.js';
import { BN, buildInput, buildMetrics } from '../screen/build-metrics.js';

const m = getMethodology('hsci-2025');

describe('extendSeries: the deterministic preview carries the last day forward', () => {
  const series = {
    dates: ['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29'],
    marketCapHkd: Float64Array.from([10, 11, 12, 13]), turnoverHkd: Float64Array.from([1, 9, 3, 100]), suspended: Uint8Array.from([0, 0, 1, 0]),
  };
  it('repeats the last cap and suspension, the median turnover of the recent non-suspended days', () => {
    const x = extendSeries(series, ['2026-06-01', '2026-06-02'], 3);
    expect(x.futureDays).toBe(2);
    expect(x.series.dates).toEqual([...series.dates, '2026-06-01', '2026-06-02']);
    expect([...x.series.marketCapHkd.slice(4)]).toEqual([13, 13]);
    expect([...x.series.turnoverHkd.slice(4)]).toEqual([9, 9]); // median of 100, 9, 1 (the suspended day left out)
    expect([...x.series.suspended.slice(4)]).toEqual([0, 0]);
    expect(series.marketCapHkd.length).toBe(4);
  });
  it('a name suspended on its last day stays suspended and gains no counted day; an empty series stays empty', () => {
    const suspendedLast = { ...series, suspended: Uint8Array.from([0, 0, 0, 1]) };
    const x = extendSeries(suspendedLast, ['2026-06-01'], 3);
    expect(x.futureDays).toBe(0);
    expect(x.series.suspended[4]).toBe(1);
    const empty = { dates: [], marketCapHkd: new Float64Array(0), turnoverHkd: new Float64Array(0), suspended: new Uint8Array(0) };
    expect(extendSeries(empty, ['2026-06-01'], 3)).toEqual({ series: empty, futureDays: 0 });
    expect(recentMedianTurnover(empty, 5)).toBe(0);
  });
});

/** Twenty names of 10bn and three near the end (total 220.5bn): 00001 at 7.9bn sits at 94.29%, a close call past the add line. */
function market(extra: SecurityMetrics[]): SecurityMetrics[] {
  return [...Array.from({ length: 20 }, (_, i) => buildMetrics({ code: String(10000 + i), avg: 10 * BN })), ...extra];
}

describe('closeCallsOf: what a close call needs over the days left', () => {
  it('needs the remaining days to average the cap that puts its window average on the HK$ line', () => {
    // 00001 (a non-constituent just past the add line) has 245 days in its average, 20 of them still to come.
    const near = { ...buildMetrics({ code: '00001', avg: 7.9 * BN }), capOnCutoffHkd: 8 * BN };
    const metrics = market([near, buildMetrics({ code: '00002', avg: 6.6 * BN }), buildMetrics({ code: '00003', avg: 6 * BN })]);
    const result = screenReview(buildInput(metrics));
    const calls = closeCallsOf(result, new Map(metrics.map((x) => [x.code, x])), new Map([['00001', { futureDays: 20, lastClose: 4 }]]));
    const c = calls.find((x) => x.code === '00001')!;
    expect(c.line).toBe('hsci-coverage-add');
    const line = result.lines!.addAvgCapHkd!;
    expect(c.lineAvgCapHkd).toBe(line);
    // The average with the remaining days at neededCap sits on the line: (avg x 245 + (needed - last) x 20) / 245.
    const after = (7.9 * BN * 245 + (c.neededCapHkd! - 8 * BN) * 20) / 245;
    expect(Math.abs(after - line)).toBeLessThan(300);
    expect(c.neededMove).toBeCloseTo(c.neededCapHkd! / (8 * BN) - 1, 6);
    expect(c.neededAvgPrice).toBeCloseTo(4 * (1 + c.neededMove!), 6);
    expect(c.note).toContain('over the 20 day(s) left');
  });

  it('says when the average cannot move (no day left that counts) and when the line is out of reach', () => {
    const near = { ...buildMetrics({ code: '00001', avg: 7.9 * BN }), capOnCutoffHkd: 8 * BN };
    const metrics = market([near, buildMetrics({ code: '00002', avg: 6.6 * BN }), buildMetrics({ code: '00003', avg: 6 * BN })]);
    const result = screenReview(buildInput(metrics));
    const byCode = new Map(metrics.map((x) => [x.code, x]));
    const frozen = closeCallsOf(result, byCode, new Map([['00001', { futureDays: 0, lastClose: null }]])).find((x) => x.code === '00001')!;
    expect(frozen.neededCapHkd).toBeNull();
    expect(frozen.note).toContain('cannot move');
    // One day left out of 245 cannot lift the average by the gap to the line.
    const far = { ...near, average: { ...near.average, avgMarketCapHkd: 7.0 * BN } };
    const r2 = screenReview(buildInput(market([far, buildMetrics({ code: '00002', avg: 6.6 * BN }), buildMetrics({ code: '00003', avg: 6 * BN })])));
    const reach = closeCallsOf(r2, new Map([...byCode, ['00001', far]]), new Map([['00001', { futureDays: 1, lastClose: 1 }]]));
    for (const c of reach) if (c.neededCapHkd !== null) expect(c.neededCapHkd).toBeGreaterThan(0);
  });
});

describe('liquidityCallsOf: how many of the open months must pass', () => {
  const months = (passes: boolean[]) => passes.map((pass, i) => ({ month: `2025-${String(i + 7).padStart(2, '0')}`.replace(/2025-(1[3-9])/, (_, mm: string) => `2026-0${Number(mm) - 12}`), velocity: pass ? 0.001 : 0.0001, pass, days: 20 }));
  const withMonths = (code: string, passes: boolean[]): SecurityMetrics => {
    const x = buildMetrics({ code, avg: 10 * BN });
    return { ...x, liquidity: { ...x.liquidity, months: months(passes), pass: true } };
  };
  it('counts the needed passes among the months from the first day left (10 of 12 and 5 of the latest 6)', () => {
    // 12 months 2025-07..2026-06; on D in May, May and June are open. 8 known passes of 10 -> both must pass.
    const tight = withMonths('00001', [true, true, true, false, true, true, false, true, true, true, false, false]);
    // 9 known passes, 4 of the latest six known -> one of the two.
    const one = withMonths('00002', [true, true, true, true, true, false, true, true, true, true, false, false]);
    // 6 known passes -> settled: cannot reach 10 whatever comes.
    const settled = withMonths('00003', [true, true, true, true, false, false, false, false, true, true, false, false]);
    const metrics = [tight, one, settled];
    const result = screenReview(buildInput(metrics, { hsci: { '00001': 'LARGE', '00002': 'LARGE', '00003': 'LARGE' } }));
    const calls = liquidityCallsOf(result, new Map(metrics.map((x) => [x.code, x])), '2026-05-04', m);
    expect(calls.map((c) => [c.code, c.monthsLeft, c.monthsNeeded])).toEqual([['00001', 2, 2], ['00002', 2, 1]]);
    expect(liquidityCallsOf(result, new Map(metrics.map((x) => [x.code, x])), null, m)).toEqual([]);
  });
});
