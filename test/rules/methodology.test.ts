import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/domain/errors.js';
import {
  applyOverrides, DEFAULT_METHODOLOGY_ID, getMethodology, listMethodologies,
} from '../../src/methodology/index.js';

describe('methodology sets', () => {
  it('has hsci-2025 by default and hsci-2024 with month-end averaging', () => {
    expect(DEFAULT_METHODOLOGY_ID).toBe('hsci-2025');
    expect(listMethodologies().map((m) => m.id)).toEqual(['hsci-2025', 'hsci-2024']);
    const m25 = getMethodology();
    expect(m25.averaging.method).toBe('daily');
    expect(m25.coverage).toEqual({ add: 0.94, delete: 0.96, largeCap: 0.8, midCap: 0.95, quarterlyIpo: 0.95 });
    expect(m25.southbound.wvr).toEqual({ seasoningMonths: 6, seasoningTradingDays: 20, windowDays: 183, avgMarketCapHkd: 20e9, turnoverHkd: 6e9 });
    const m24 = getMethodology('hsci-2024');
    expect([m24.averaging.method, m24.southbound.averaging]).toEqual(['month-end', 'month-end']);
    expect(m24.liquidity).toEqual(m25.liquidity);
  });

  it('names the known ids for an unknown one', () => {
    expect(() => getMethodology('hsci-1999')).toThrow(UsageError);
    expect(() => getMethodology('hsci-1999')).toThrow('Unknown methodology "hsci-1999"; known: hsci-2025, hsci-2024.');
  });

  it('is frozen all the way down', () => {
    const m = getMethodology();
    expect(Object.isFrozen(m.southbound.wvr)).toBe(true);
    expect(Object.isFrozen(m.reviews.semiAnnualCutoffs)).toBe(true);
  });
});

describe('applyOverrides', () => {
  const base = getMethodology();

  it('deep-merges single parameters and names the result', () => {
    const m = applyOverrides(base, { coverage: { add: 0.93 }, southbound: { wvr: { turnoverHkd: 5e9 } } }, 'my.json');
    expect(m.id).toBe('hsci-2025+overrides');
    expect(m.coverage).toEqual({ ...base.coverage, add: 0.93 });
    expect(m.southbound.wvr.turnoverHkd).toBe(5e9);
    expect(m.southbound.wvr.avgMarketCapHkd).toBe(20e9);
    expect(base.coverage.add).toBe(0.94);
    expect(Object.isFrozen(m.coverage)).toBe(true);
  });

  it('keeps a user-given id and accepts arrays and enums', () => {
    const m = applyOverrides(base, { id: 'strict', averaging: { method: 'month-end' }, universe: { types: ['EQUITY'] } }, 'f.json');
    expect(m.id).toBe('strict');
    expect(m.averaging).toEqual({ ...base.averaging, method: 'month-end' });
    expect(m.universe.types).toEqual(['EQUITY']);
  });

  it.each([
    [{ coverage: { ad: 0.9 } }, 'f.json: unknown methodology parameter "coverage.ad".'],
    [{ liquidity: { velocityThreshold: '0.05%' } }, 'f.json: methodology parameter "liquidity.velocityThreshold" must be a number (got string).'],
    [{ averaging: 'daily' }, 'f.json: methodology parameter "averaging" must be an object (got string).'],
    [{ averaging: { method: 'weekly' } }, 'f.json: methodology parameter "averaging.method" must be one of daily, month-end (got "weekly").'],
    [{ universe: { boards: ['MAIN', 'NASDAQ'] } }, 'f.json: methodology parameter "universe.boards[1]" must be one of MAIN, GEM (got "NASDAQ").'],
    [{ suspension: { longMonths: -1 } }, 'f.json: methodology parameter "suspension.longMonths" must not be negative (got -1).'],
    [[1, 2], 'f.json: the methodology overrides must be a JSON object.'],
  ])('rejects %j', (overrides, message) => {
    expect(() => applyOverrides(base, overrides, 'f.json')).toThrow(UsageError);
    expect(() => applyOverrides(base, overrides, 'f.json')).toThrow(message);
  });
});
