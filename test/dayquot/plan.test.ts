import { describe, expect, it } from 'vitest';
import type { DayquotRow } from '../../src/ingest/parse-dayquot.js';
import { multiplyPriceByShares, planDayquotRow, type DayquotFacts } from '../../src/ingest/parse-dayquot-plan.js';

const row = (over: Partial<DayquotRow> = {}): DayquotRow => ({
  code: '00700', name: 'TENCENT', currency: 'HKD', markers: '', suspended: false, halted: false,
  previousClose: 453, close: 441.4, ask: 441.6, bid: 441.4, high: 447.6, low: 440.6,
  sharesTraded: 20_289_781, turnover: 8_990_301_596, turnoverHkd: 8_990_301_596, line: 68, ...over,
});
const facts = (over: Partial<DayquotFacts> = {}): DayquotFacts => ({
  securityCurrency: 'HKD', sharesIssued: 9_200_000_000, lastMarketCapHkd: () => 777, ...over,
});
const D = '2026-09-01';

describe('multiplyPriceByShares: exact decimal, half up to whole HK$', () => {
  it.each([
    [0.145, 100, 15], // the double 0.145 * 100 is 14.4999...; the decimal product is 14.5, up to 15
    [0.001, 499, 0], [0.001, 500, 1], [0.001, 501, 1],
    [4.705, 100, 471], [69.05, 3_829_975_732, 264_459_824_295], [441.4, 9_200_000_000, 4_060_880_000_000],
    [161, 3, 483], [0.0001, 5_000, 1],
  ])('%d x %d = %d', (price, shares, cap) => {
    expect(multiplyPriceByShares(price, shares)).toBe(cap);
  });
});

describe('planDayquotRow', () => {
  it('a priced HKD row: cap from close x shares, turnover and volume from the report', () => {
    expect(planDayquotRow(row(), D, facts())).toEqual({ kind: 'store', record: {
      date: D, code: '00700', marketCapHkd: 4_060_880_000_000, turnoverHkd: 8_990_301_596, suspended: false, close: 441.4, volume: 20_289_781,
    } });
  });

  it('a code outside securities is counted, never an issue', () => {
    expect(planDayquotRow(row(), D, facts({ securityCurrency: undefined }))).toEqual({ kind: 'unknown-code' });
  });

  it('no trade ("-"): turnover and volume 0, close from the closing line', () => {
    const plan = planDayquotRow(row({ high: null, low: null, sharesTraded: null, turnover: null, turnoverHkd: null, close: 1.3 }), D, facts({ sharesIssued: 10 }));
    expect(plan).toEqual({ kind: 'store', record: { date: D, code: '00700', marketCapHkd: 13, turnoverHkd: 0, suspended: false, close: 1.3, volume: 0 } });
  });

  it('closing N/A falls back to the previous close; both N/A is an issue on "closing"', () => {
    const fallback = planDayquotRow(row({ close: null, previousClose: 2 }), D, facts({ sharesIssued: 10 }));
    expect(fallback).toMatchObject({ kind: 'store', record: { marketCapHkd: 20, close: 2 } });
    expect(planDayquotRow(row({ close: null, previousClose: null }), D, facts())).toMatchObject({ kind: 'issue', field: 'closing' });
  });

  it('suspended and halted rows are stored suspended with the last known cap, else 0; shares not needed', () => {
    for (const over of [{ suspended: true }, { halted: true }]) {
      const stopped = row({ ...over, close: null, previousClose: null, turnover: null, turnoverHkd: null, sharesTraded: null });
      expect(planDayquotRow(stopped, D, facts({ sharesIssued: undefined }))).toEqual({ kind: 'store', record: {
        date: D, code: '00700', marketCapHkd: 777, turnoverHkd: 0, suspended: true, close: null, volume: null,
      } });
      expect(planDayquotRow(stopped, D, facts({ lastMarketCapHkd: () => undefined }))).toMatchObject({ record: { marketCapHkd: 0 } });
    }
  });

  it('no shares on record is an issue on "shares_issued"', () => {
    expect(planDayquotRow(row(), D, facts({ sharesIssued: undefined }))).toEqual({
      kind: 'issue', field: 'shares_issued', reason: 'no shares issued on record for code 00700 on or before 2026-09-01; load a shares file first',
    });
  });

  it('a non-HKD counter keeps close and volume, with no HK$ money and no shares needed', () => {
    const cny = row({ code: '89988', currency: 'CNY', close: 94.7, sharesTraded: 152_100, turnover: 14_372_815, turnoverHkd: null });
    expect(planDayquotRow(cny, D, facts({ securityCurrency: 'CNY', sharesIssued: undefined }))).toEqual({ kind: 'store', record: {
      date: D, code: '89988', marketCapHkd: 0, turnoverHkd: 0, suspended: false, close: 94.7, volume: 152_100,
    } });
  });

  it('a currency that disagrees with securities is an issue on "currency"', () => {
    expect(planDayquotRow(row({ currency: 'CNY' }), D, facts())).toMatchObject({ kind: 'issue', field: 'currency' });
  });
});
