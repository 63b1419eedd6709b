import { describe, expect, it } from 'vitest';
import type { AttributeChange } from '../../src/domain/types.js';
import { resolveAttributesAt } from '../../src/rules/resolve-attributes.js';
import { security } from './builders.js';

const base = security({ secondaryListing: true, freeFloat: 0.5 });
const changes: AttributeChange[] = [
  { code: '00001', date: '2025-06-30', field: 'secondary_listing', value: '0' },
  { code: '00001', date: '2025-01-02', field: 'free_float', value: '0.4' },
  { code: '00001', date: '2025-03-03', field: 'free_float', value: '0.3' },
  { code: '00001', date: '2025-02-03', field: 'board', value: 'gem' },
  { code: '00001', date: '2025-04-01', field: 'delisting_date', value: '' },
  { code: '00002', date: '2025-01-01', field: 'wvr', value: 'true' },
];

describe('resolveAttributesAt', () => {
  it.each([
    ['2025-06-29', true], // the day before the change: base value
    ['2025-06-30', false], // on the day: the change applies
    ['2025-07-01', false], // after
  ])('secondary_listing on %s is %s', (date, expected) => {
    expect(resolveAttributesAt(base, changes, date).secondaryListing).toBe(expected);
  });

  it('takes the latest change on or before the date, parses by type, ignores other codes', () => {
    const a = resolveAttributesAt(base, changes, '2025-05-01');
    expect(a.freeFloat).toBe(0.3);
    expect(a.board).toBe('GEM');
    expect(a.delistingDate).toBeNull();
    expect(a.wvr).toBe(false);
    expect(resolveAttributesAt(base, changes, '2025-02-01').freeFloat).toBe(0.4);
    expect(resolveAttributesAt(base, changes, '2024-12-31')).toBe(base);
  });

  it('rejects a value of the wrong type', () => {
    const bad: AttributeChange[] = [{ code: '00001', date: '2025-01-01', field: 'wvr', value: 'maybe' }];
    expect(() => resolveAttributesAt(base, bad, '2025-02-01')).toThrow(/wvr.*maybe/);
  });
});
