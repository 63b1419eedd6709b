import { describe, expect, it } from 'vitest';
import { Bad, MAX_MONEY_HKD, parseMoneyHkd, parseOptionalCount, parseOptionalDecimal } from '../../src/ingest/fields.js';

const reason = (v: unknown) => (v instanceof Bad ? v.reason : v);

// The number parsers read plain digit cells on a fast path and everything else on the validating
// path; both must give the same answers, at the edges of the fast path included.
describe('parseMoneyHkd', () => {
  it('reads plain digits, leading zeros, 15 digits and the HK$100tn limit', () => {
    expect(parseMoneyHkd('0')).toBe(0);
    expect(parseMoneyHkd('007')).toBe(7);
    expect(parseMoneyHkd(String(MAX_MONEY_HKD))).toBe(MAX_MONEY_HKD);
    expect(parseMoneyHkd('000000000000123')).toBe(123); // 15 characters: the fast path's longest
    expect(parseMoneyHkd('0000000000000123')).toBe(123); // 16: the full path
    expect(parseMoneyHkd(' 42 ')).toBe(42);
    expect(parseMoneyHkd('1234.5')).toBe(1235);
  });

  it('rejects just above the limit, signs, separators, exponents and blanks, each with its reason', () => {
    expect(reason(parseMoneyHkd(String(MAX_MONEY_HKD + 1)))).toMatch(/above HK\$100tn/);
    expect(reason(parseMoneyHkd('999999999999999'))).toMatch(/above HK\$100tn/);
    expect(reason(parseMoneyHkd('-1'))).toMatch(/negative/);
    expect(reason(parseMoneyHkd('1,000'))).toMatch(/thousands separators/);
    expect(reason(parseMoneyHkd('4.5E-1'))).toBe('4.5E-1 is not a whole number of HK$; exponent notation is accepted only for whole amounts such as 4.5E+12');
    expect(reason(parseMoneyHkd('-4.5E+12'))).toMatch(/negative/);
    expect(reason(parseMoneyHkd(''))).toMatch(/missing/);
    expect(reason(parseMoneyHkd('12a'))).toMatch(/not a number/);
  });
});

describe('parseOptionalDecimal', () => {
  it('reads digits with at most one inner point, exactly as Number does', () => {
    expect(parseOptionalDecimal('2.545')).toBe(2.545);
    expect(parseOptionalDecimal('0.1')).toBe(0.1);
    expect(parseOptionalDecimal('10')).toBe(10);
    expect(parseOptionalDecimal(' 1.5 ')).toBe(1.5);
    expect(parseOptionalDecimal('')).toBeNull();
  });

  it('rejects a leading or trailing point, two points and signs', () => {
    for (const cell of ['.5', '5.', '1.2.3', '-1.5', '+1']) expect(parseOptionalDecimal(cell)).toBeInstanceOf(Bad);
  });
});

describe('parseOptionalCount', () => {
  it('reads whole numbers up to the largest exact one and rejects decimals and larger values', () => {
    expect(parseOptionalCount('310055')).toBe(310_055);
    expect(parseOptionalCount('')).toBeNull();
    expect(parseOptionalCount(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(reason(parseOptionalCount('9007199254740993'))).toMatch(/too large/);
    expect(reason(parseOptionalCount('1.5'))).toMatch(/not a whole number/);
  });
});
