import { describe, expect, it } from 'vitest';
import { normalizeStockCode } from '../../src/domain/codes.js';
import { Bad, parseCode, parseMoneyHkd, parseOptionalCount, wholeFromExponent } from '../../src/ingest/fields.js';

const value = (v: unknown) => (v instanceof Bad ? `Bad: ${v.reason}` : v);

describe('ticker styles, everywhere a code is read', () => {
  it.each(['700', '0700', '00700', '700.HK', '0700.HK', '700.hk', '700 HK', '700 HK Equity', '700 hk equity', ' 0700.HK '])('%s -> 00700', (t) => {
    expect(parseCode(t)).toBe('00700');
    expect(normalizeStockCode(t)).toBe('00700');
  });
  it.each(['700.SS', '700 US Equity', '700HK', '700 Equity', '123456', '70A', '.HK', '700.HK.HK'])('%s is not a code', (t) => {
    expect(parseCode(t)).toBeInstanceOf(Bad);
    expect(normalizeStockCode(t)).toBeNull();
  });
});

describe('exponent notation: only where it denotes an exact whole number', () => {
  it.each([
    ['4.5E+12', 4_500_000_000_000], ['4.5e12', 4_500_000_000_000], ['1e9', 1_000_000_000], ['450E-1', 45], ['1.20E+1', 12], ['0E-3', 0],
  ])('%s is %d', (cell, expected) => {
    expect(parseMoneyHkd(cell)).toBe(expected);
    expect(parseOptionalCount(cell)).toBe(expected);
  });
  it.each(['4.5E-1', '1.2345E+2', '45E-1', '1.5E0'])('%s is a bad row', (cell) => {
    expect(value(parseMoneyHkd(cell))).toBe(`Bad: ${cell} is not a whole number of HK$; exponent notation is accepted only for whole amounts such as 4.5E+12`);
  });
  it('above the HK$100tn line, or beyond exact integers, it is refused', () => {
    expect(value(parseMoneyHkd('1.00000000000001E+14'))).toBe('Bad: 1.00000000000001E+14 is above HK$100tn, which is not a plausible amount');
    expect(parseMoneyHkd('1E+14')).toBe(100_000_000_000_000);
    expect(value(wholeFromExponent('1E+20', 'units'))).toBe('Bad: 1E+20 is too large to store exactly');
    expect(wholeFromExponent('12', 'units')).toBeNull();
  });
});
