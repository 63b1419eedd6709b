import { describe, expect, it } from 'vitest';
import { check, metricsOf, security } from './builders.js';

const BN = 1_000_000_000;
// C = 2025-06-30: the 183-day window is (2024-12-29, 2025-06-30], first day 2024-12-30.

describe('§7.3 WVR 183-day tests', () => {
  it.each([
    ['average exactly HK$20bn passes', 20 * BN, true],
    ['one day HK$1 lower fails', 20 * BN - 1, false],
  ])('%s', (_label, firstDayCap, pass) => {
    const r = metricsOf({
      attrs: security({ wvr: true }),
      day: (d) => ({ capHkd: d === '2024-12-30' ? firstDayCap : d < '2024-12-30' ? 1 : 20 * BN }),
    });
    expect(r.wvr).toMatchObject({ windowStart: '2024-12-30', passesCap: pass });
    const c = check(r, 'sb-wvr-183d-cap');
    expect(c).toMatchObject({ outcome: pass ? 'pass' : 'fail', threshold: 20 * BN, borderline: true });
    expect(c.distance! >= 0).toBe(pass);
  });

  it.each([
    ['exactly HK$6bn passes', 6 * BN, true],
    ['HK$1 less fails', 6 * BN - 1, false],
  ])('aggregate turnover %s', (_label, turnoverHkd, pass) => {
    const r = metricsOf({
      attrs: security({ wvr: true }),
      // a big day just outside the window must not count
      day: (d) => ({ turnoverHkd: d === '2025-03-03' ? turnoverHkd : d === '2024-12-27' ? 50 * BN : 0 }),
    });
    expect(r.wvr!.turnoverHkd).toBe(turnoverHkd);
    expect(r.wvr!.passesTurnover).toBe(pass);
    expect(check(r, 'sb-wvr-183d-turnover')).toMatchObject({ outcome: pass ? 'pass' : 'fail', distance: turnoverHkd - 6 * BN });
  });

  it('flags a cap 10% off the line as borderline, and further off as not', () => {
    const near = metricsOf({ attrs: security({ wvr: true }), day: () => ({ capHkd: 18 * BN }) });
    expect(check(near, 'sb-wvr-183d-cap')).toMatchObject({ outcome: 'fail', borderline: true });
    const far = metricsOf({ attrs: security({ wvr: true }), day: () => ({ capHkd: 17.9 * BN }) });
    expect(check(far, 'sb-wvr-183d-cap').borderline).toBe(false);
  });

  it.each([
    // listed 2025-01-10: 6 months -> 2025-07-10, then the 20th trading day after it is 2025-08-07
    ['seasoned on the effective date', '2025-08-07', 'pass'],
    ['seasoned the day after the effective date', '2025-08-06', 'fail'],
  ])('%s', (_label, effectiveDate, outcome) => {
    const r = metricsOf({ attrs: security({ wvr: true, listingDate: '2025-01-10' }), effectiveDate, day: (d) => (d < '2025-01-10' ? null : {}) });
    expect(r.wvr!.seasonedOn).toBe('2025-08-07');
    expect(check(r, 'sb-wvr-seasoning').outcome).toBe(outcome);
  });

  it('is null for a company without weighted voting rights', () => {
    expect(metricsOf().wvr).toBeNull();
    expect(metricsOf().checks.some((c) => c.rule.startsWith('sb-wvr'))).toBe(false);
  });
});

describe('§7.1.3 new A+H listings', () => {
  const aPlusH = { aShareExchange: 'SSE' as const, aShareCode: '600001', listingDate: '2025-05-20' };
  it.each([
    // default stabilisation: 2025-05-20 + 30 days = 2025-06-19; A share's 10th trading day 2025-06-02
    ['default 30 days', { aShareListingDate: '2025-05-20' }, '2025-06-20'],
    ['recorded stabilisation end', { aShareListingDate: '2025-05-20', stabilisationEnd: '2025-06-10' }, '2025-06-11'],
    // A share listed 2025-06-16: its 10th trading day is 2025-06-27 (a Friday) -> next trading day Monday
    ['A share seasoned last', { aShareListingDate: '2025-06-16', stabilisationEnd: '2025-06-10' }, '2025-06-30'],
    ['A share\'s 10th trading day on the stabilisation end', { aShareListingDate: '2025-05-28', stabilisationEnd: '2025-06-10' }, '2025-06-11'],
    ['A share listing date unknown: long listed', { stabilisationEnd: '2025-06-10' }, '2025-06-11'],
  ])('%s', (_label, extra, eligibleFrom) => {
    const r = metricsOf({ attrs: security({ ...aPlusH, ...extra }), day: (d) => (d < '2025-05-20' ? null : {}) });
    expect(r.aPlusH).toEqual({ exchange: 'SSE', eligibleFrom });
    expect(check(r, 'sb-a-plus-h-new-listing').outcome).toBe('pass');
  });

  it('is not yet eligible by that path when the date falls after the cut-off (whether it is pending is the screen\'s call)', () => {
    const r = metricsOf({ attrs: security({ ...aPlusH, listingDate: '2025-06-10', aShareListingDate: '2025-06-10' }), day: (d) => (d < '2025-06-10' ? null : {}) });
    expect(r.aPlusH!.eligibleFrom).toBe('2025-07-11'); // 2025-06-10 + 30 = 2025-07-10, a Thursday
    expect(check(r, 'sb-a-plus-h-new-listing')).toMatchObject({ outcome: 'fail', detail: expect.stringMatching(/eligible from 2025-07-11, after the cut-off 2025-06-30: not yet eligible by that path at this review$/) });
  });

  it('is null without an A share', () => expect(metricsOf().aPlusH).toBeNull());
});

describe('§2 ranking universe', () => {
  it.each([
    ['a plain Main Board HKD equity', {}, null, 'hsci-universe'],
    ['GEM', { board: 'GEM' as const }, null, 'hsci-universe-board'],
    ['an ETF', { type: 'ETF' as const }, null, 'hsci-universe-type'],
    ['a REIT', { type: 'REIT' as const }, null, 'hsci-universe'],
    ['a USD counter', { currency: 'USD' as const }, null, 'hsci-universe-currency'],
    ['listed after C', { listingDate: '2025-07-01' }, null, 'hsci-universe-listed'],
    ['listed on C', { listingDate: '2025-06-30' }, null, 'hsci-universe'],
    ['delisted on C', { delistingDate: '2025-06-30' }, null, 'hsci-universe-listed'],
    ['delisted the day after C', { delistingDate: '2025-07-01' }, null, 'hsci-universe'],
    ['suspended through the whole window', {}, true, 'hsci-universe-trading'],
  ])('%s -> %s', (_label, over, suspended, rule) => {
    const r = metricsOf({ attrs: security(over), day: () => ({ suspended: suspended ?? false }) });
    expect(r.universe.rule).toBe(rule);
    expect(r.universe.eligible).toBe(rule === 'hsci-universe');
  });

  it.each([
    ['STAPLED', 'hsci-universe'], ['EQUITY', 'hsci-universe'], ['FUND', 'hsci-universe-type'], ['INVESTMENT_CO', 'hsci-universe-type'],
    ['SPAC', 'hsci-universe-type'], ['PREFERENCE', 'hsci-universe-type'], ['DEBT', 'hsci-universe-type'],
    ['WARRANT', 'hsci-universe-type'], ['OTHER', 'hsci-universe-type'],
  ] as const)('§2.2 type %s -> %s', (type, rule) => {
    expect(metricsOf({ attrs: security({ type }) }).universe.rule).toBe(rule);
  });

  it('§2.3 only the HKD counter is ranked (a CNY counter is not)', () => {
    expect(metricsOf({ attrs: security({ currency: 'CNY' }) }).universe.rule).toBe('hsci-universe-currency');
  });

  it('applies a type change as of C (an equity that became an investment company on C is out; one dated after C is not)', () => {
    const changes = (date: string) => [{ code: '00001', date, field: 'type' as const, value: 'INVESTMENT_CO' }];
    expect(metricsOf({ changes: changes('2025-06-30') }).universe.rule).toBe('hsci-universe-type');
    expect(metricsOf({ changes: changes('2025-07-01') }).universe.rule).toBe('hsci-universe');
    expect(metricsOf({ attrs: security({ type: 'FUND' }), changes: [{ code: '00001', date: '2025-01-02', field: 'type', value: 'EQUITY' }] }).universe.rule).toBe('hsci-universe');
  });

  it('applies a board change dated the day before, on, or after C as of C', () => {
    const changes = (date: string) => [{ code: '00001', date, field: 'board' as const, value: 'GEM' }];
    expect(metricsOf({ changes: changes('2025-06-29') }).universe.rule).toBe('hsci-universe-board');
    expect(metricsOf({ changes: changes('2025-06-30') }).universe.rule).toBe('hsci-universe-board');
    expect(metricsOf({ changes: changes('2025-07-01') }).universe.rule).toBe('hsci-universe');
  });

  it('uses each day\'s free float for velocity (a change mid-window)', () => {
    // velocity 0.03% on free float 1, 0.06% on 0.5 from 2025-01-01: the first six months fail.
    const r = metricsOf({
      changes: [{ code: '00001', date: '2025-01-01', field: 'free_float', value: '0.5' }],
      day: () => ({ turnoverHkd: 3_000_000 }),
    });
    expect(r.liquidity.months.map((x) => x.pass)).toEqual([false, false, false, false, false, false, true, true, true, true, true, true]);
  });
});
