import { describe, expect, it } from 'vitest';
import { describeCapJump, describeCapJumps, findCapJumps } from '../../src/ingest/day-over-day.js';

const DATES = ['2025-06-09', '2025-06-10', '2025-06-11', '2025-06-12', '2025-06-13'];
const series = (caps: number[], suspended: number[] = caps.map(() => 0)) => ({ dates: DATES.slice(0, caps.length), marketCapHkd: caps, suspended });

describe('findCapJumps: a day-over-day market cap move beyond the factor', () => {
  it('flags a move just above the factor, up or down, and not one at it or just below', () => {
    expect(findCapJumps('00001', series([100, 500]), 5)).toEqual([]);
    expect(findCapJumps('00001', series([100, 499.9]), 5)).toEqual([]);
    expect(findCapJumps('00001', series([100, 500.1]), 5)).toEqual([
      { code: '00001', from: '2025-06-09', to: '2025-06-10', fromCapHkd: 100, toCapHkd: 500.1, factor: 5.001 },
    ]);
    expect(findCapJumps('00001', series([500.1, 100]), 5).map((j) => j.factor)).toEqual([5.001]);
  });

  it('a row in HK$ thousands shows as the drop and the jump back; the factor is a parameter', () => {
    const jumps = findCapJumps('00700', series([5_000e9, 5_000e9, 5.05e9, 5_100e9]), 5);
    expect(jumps.map((j) => [j.from, j.to, Math.round(j.factor)])).toEqual([['2025-06-10', '2025-06-11', 990], ['2025-06-11', '2025-06-12', 1010]]);
    expect(findCapJumps('00700', series([5_000e9, 5_000e9, 5.05e9, 5_100e9]), 2000)).toEqual([]);
  });

  it('skips suspended days (a stale cap) and zero caps, comparing the non-suspended days around them', () => {
    expect(findCapJumps('00002', series([100, 1, 100], [0, 1, 0]), 5)).toEqual([]);
    expect(findCapJumps('00002', series([100, 0, 100]), 5)).toEqual([]);
    expect(findCapJumps('00002', series([100, 1, 10_000], [0, 1, 0]), 5).map((j) => [j.from, j.to])).toEqual([['2025-06-09', '2025-06-11']]);
  });

  it('keeps only moves whose later day is inside [from, to]', () => {
    const s = series([1, 10, 100, 1000]);
    expect(findCapJumps('00003', s, 5, '2025-06-11', '2025-06-11').map((j) => j.to)).toEqual(['2025-06-11']);
  });

  it('describes each security once, in figures, with how many more moves it made', () => {
    const jumps = findCapJumps('00700', series([5_000e9, 5_000e9, 5.05e9, 5_100e9]), 5);
    expect(describeCapJumps(jumps, 5)).toEqual([
      '00700: market cap down 990x day over day, HK$5,000bn on 2025-06-10 to HK$5.05bn on 2025-06-11 (and 1 more such move(s), last 2025-06-11 to 2025-06-12); '
      + 'more than the 5x a real market cap moves in a day: check the source (a figure in HK$ thousands, a wrong share count) and reload the day',
    ]);
  });

  it('shows a factor just past the line with the decimals it takes (5.001x, never "5.0x"), and small caps in whole HK$', () => {
    const [j] = findCapJumps('00001', series([100, 500.1]), 5);
    expect(describeCapJump(j!, 5)).toBe('00001: market cap up 5.001x day over day, HK$100 on 2025-06-09 to HK$500 on 2025-06-10');
    const [k] = findCapJumps('00001', series([1e9, 6.2e9]), 5);
    expect(describeCapJump(k!, 5)).toBe('00001: market cap up 6.2x day over day, HK$1bn on 2025-06-09 to HK$6.2bn on 2025-06-10');
  });
});
