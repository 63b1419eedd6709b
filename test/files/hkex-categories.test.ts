import { describe, expect, it } from 'vitest';
import { boardOfCategory, currencyOf, markersOfName, typeOfCategory } from '../../src/ingest/hkex-categories.js';

describe('HKEX name markers', () => {
  it.each([
    ['XIAOMI-W', { wvr: true, secondaryListing: false, stapled: false, currency: null }],
    ['BABA-SW', { wvr: true, secondaryListing: true, stapled: false, currency: null }],
    ['HUAZHU-S', { wvr: false, secondaryListing: true, stapled: false, currency: null }],
    ['TENCENT-R', { wvr: false, secondaryListing: false, stapled: false, currency: 'CNY' }],
    ['MEITUAN-WR', { wvr: true, secondaryListing: false, stapled: false, currency: 'CNY' }],
    ['BABA-SWR', { wvr: true, secondaryListing: true, stapled: false, currency: 'CNY' }],
    ['ISHARES AXJ-U', { wvr: false, secondaryListing: false, stapled: false, currency: 'USD' }],
    ['LANGHAM-SS', { wvr: false, secondaryListing: false, stapled: true, currency: null }],
    ['JACOBIO-B', { wvr: false, secondaryListing: false, stapled: false, currency: null }],
    // endings that are part of the name, not markers
    ['WAH YAN-NEW', { wvr: false, secondaryListing: false, stapled: false, currency: null }],
    ['GLOBAL BIO-CHEM', { wvr: false, secondaryListing: false, stapled: false, currency: null }],
    ['SOMETHING-T', { wvr: false, secondaryListing: false, stapled: false, currency: null }],
    ['CKH HOLDINGS', { wvr: false, secondaryListing: false, stapled: false, currency: null }],
  ])('%s', (name, expected) => {
    expect(markersOfName(name)).toEqual(expected);
  });

  it('the RMB counter: the code range 80000-89999 at its edges, or -R', () => {
    const none = markersOfName('X');
    expect(currencyOf('79999', none)).toBe('HKD');
    expect(currencyOf('80000', none)).toBe('CNY');
    expect(currencyOf('89999', none)).toBe('CNY');
    expect(currencyOf('90000', none)).toBe('HKD');
    expect(currencyOf('09010', markersOfName('ISHARES AXJ-U'))).toBe('USD');
  });

  it('types and boards from Category / Sub-Category, unknown pairs as null', () => {
    expect(typeOfCategory('Equity', 'Equity Securities (Main Board)')).toBe('EQUITY');
    expect(boardOfCategory('Equity', 'Equity Securities (GEM)')).toBe('GEM');
    expect(boardOfCategory('Equity Warrants (GEM)', '')).toBe('GEM');
    expect(boardOfCategory('Equity', 'Equity Securities (Main Board)')).toBe('MAIN');
    expect(typeOfCategory('Equity', 'Investment Companies')).toBe('INVESTMENT_CO');
    expect(typeOfCategory('Exchange Traded Products', 'Exchange Traded Funds')).toBe('ETF');
    expect(typeOfCategory('Exchange Traded Products', 'Leveraged and Inverse')).toBe('ETF');
    expect(typeOfCategory('Exchange Traded Products', 'Other Unit Trusts/Mutual Funds')).toBe('FUND');
    expect(typeOfCategory('Real Estate Investment Trusts', '')).toBe('REIT');
    expect(typeOfCategory('Debt Securities', '')).toBe('DEBT');
    expect(typeOfCategory('Callable Bull/Bear Contracts', '')).toBe('WARRANT');
    expect(typeOfCategory('Equity', 'Depositary Receipts')).toBe('OTHER');
    expect(typeOfCategory('Crypto', '')).toBeNull();
  });
});
