import { describe, expect, it } from 'vitest';
import { suspensionRuns } from '../../src/rules/events/long-suspension-deletion.js';
import { CAL, check, history, metricsOf, security } from './builders.js';

// Issue 16: before listing, nothing counts. Each rule's window starts at the listing date, whatever
// records the store holds from before it (an older version stored them; a listing date corrected later).
const BN = 1_000_000_000;
const C = '2025-06-30';

describe('§3 average market cap: the window starts at the listing date', () => {
  it.each([
    ['listed on C - 2 days: only C - 2 .. C count', '2025-06-26', 3],
    ['listed the day after a pre-listing record, at the listing day itself', '2025-06-30', 1],
  ])('%s', (_l, listingDate, days) => {
    const r = metricsOf({ attrs: security({ listingDate }), day: (d) => ({ capHkd: d < listingDate ? 900 * BN : 10 * BN }) });
    expect(r.average).toMatchObject({ avgMarketCapHkd: 10 * BN, daysUsed: days, windowStart: listingDate, dataGapDays: 0 });
  });
});

describe('§4 suspension: the run starts no earlier than the listing date', () => {
  it('listed 2025-03-31, suspended records from 2025-03-25: suspended since 2025-03-31, not 03-25, so not yet 3 months on C', () => {
    // C - 3 months = 2025-03-30: a run from 03-25 would be long, one from the listing day 03-31 is not.
    const r = metricsOf({ attrs: security({ listingDate: '2025-03-31' }), day: (d) => ({ suspended: d >= '2025-03-25' }) });
    expect(r.suspension).toMatchObject({ suspendedOnCutoff: true, suspendedSince: '2025-03-31', longSuspension: false });
  });

  it('at the threshold: listed (and suspended from) 2025-03-28, on or before C - 3 months, is a long suspension', () => {
    const r = metricsOf({ attrs: security({ listingDate: '2025-03-28' }), day: (d) => ({ suspended: d >= '2025-03-03' }) });
    expect(r.suspension).toMatchObject({ suspendedSince: '2025-03-28', longSuspension: true });
  });

  it('a pre-listing suspension does not carry into a listed security that trades from its first day', () => {
    const r = metricsOf({ attrs: security({ listingDate: '2025-06-02' }), day: (d) => ({ suspended: d < '2025-06-02' }) });
    expect(r.suspension).toMatchObject({ suspendedOnCutoff: false, suspendedSince: null });
    expect(r.average.restartedOn).toBeNull();
  });

  it('events: the interim long-suspension runs start at the listing date too', () => {
    const s = history(CAL, '2025-03-03', C, (d) => ({ suspended: d >= '2025-03-25' }));
    expect(suspensionRuns(s, '2025-03-31')).toEqual([{ start: '2025-03-31', last: C, ongoing: true }]);
    expect(suspensionRuns(s)).toEqual([{ start: '2025-03-25', last: C, ongoing: true }]);
  });
});

describe('§5 liquidity: no month before the listing counts', () => {
  it('a month of pre-listing records with high turnover is not a passing month', () => {
    // Listed 2025-06-02; May records (before listing) trade heavily, June after listing thinly.
    const r = metricsOf({
      attrs: security({ listingDate: '2025-06-02' }),
      day: (d) => ({ capHkd: 10 * BN, turnoverHkd: d < '2025-06-02' ? 5 * BN : 1_000_000 }),
    });
    expect(r.liquidity.months.map((mo) => mo.month)).toEqual(['2025-06']);
    expect(r.liquidity.monthsPassed).toBe(0);
  });
});

describe('§7.3 WVR 183-day totals: only days since listing', () => {
  it('a WVR company listed two days before C with HK$46.6m of turnover since listing fails the HK$6bn test', () => {
    const r = metricsOf({
      attrs: security({ wvr: true, listingDate: '2025-06-26' }),
      day: (d) => (d < '2025-06-26' ? { capHkd: 300 * BN, turnoverHkd: 2 * BN } : { capHkd: 30 * BN, turnoverHkd: 15_533_334 }),
    });
    expect(r.wvr).toMatchObject({ turnoverHkd: 46_600_002, passesTurnover: false, avgMarketCapHkd: 30 * BN });
    expect(check(r, 'sb-wvr-183d-turnover')).toMatchObject({ outcome: 'fail' });
  });

  it('at the line: exactly HK$6bn since listing passes, with any amount before it ignored', () => {
    const r = metricsOf({
      attrs: security({ wvr: true, listingDate: '2025-06-27' }),
      day: (d) => (d < '2025-06-27' ? { turnoverHkd: 9 * BN } : { capHkd: 30 * BN, turnoverHkd: 3 * BN }),
    });
    expect(r.wvr).toMatchObject({ turnoverHkd: 6 * BN, passesTurnover: true });
  });
});
