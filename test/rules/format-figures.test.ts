import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatHkd, groupDigits } from '../../src/rules/format-figures.js';

describe('groupDigits', () => {
  it('reads as toLocaleString en-US does, for whole numbers and up to two decimals', () => {
    fc.assert(fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 2 }), (v, digits) => {
      expect(groupDigits(v, digits)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: digits }));
    }), { numRuns: 3000 });
    // The range the money gaps use (under HK$0.1m, two decimals), where half-way cases are common.
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 9 }), (cents, extra) => {
      const v = cents / 100 + extra / 1000;
      expect(groupDigits(v, 2)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    }), { numRuns: 3000 });
  });

  it('groups at each thousand and drops trailing zeros', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(1000)).toBe('1,000');
    expect(groupDigits(1234567.5, 2)).toBe('1,234,567.5');
    expect(groupDigits(99999.999, 2)).toBe('100,000');
    expect(groupDigits(-1234.5, 0)).toBe('-1,235');
    expect(groupDigits(-0.001, 2)).toBe('-0');
    expect(groupDigits(1.005, 2)).toBe('1.01'); // half up from the shortest form, not from the binary value
    expect(groupDigits(2.675, 2)).toBe('2.68');
    expect(formatHkd(999_999)).toBe('HK$999,999');
    expect(formatHkd(1_000_000)).toBe('HK$1.00m');
  });
});
