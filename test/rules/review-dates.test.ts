import { describe, expect, it } from 'vitest';
import { getMethodology } from '../../src/methodology/index.js';
import { effectiveDateFor, reviewKindOf } from '../../src/rules/review-dates.js';
import { weekdayCalendar } from './builders.js';

const m = getMethodology('hsci-2025');
const cal = weekdayCalendar('2024-01-01', '2026-12-31');

describe('effectiveDateFor (docs/methodology.md §1)', () => {
  it.each([
    ['2025-06-30', '2025-09-08'], // first Friday 5 Sep 2025
    ['2024-12-31', '2025-03-10'], // first Friday 7 Mar 2025
    ['2026-06-30', '2026-09-07'], // first Friday 4 Sep 2026
    ['2025-03-31', '2025-06-09'], // quarterly: first Friday 6 Jun 2025
    ['2025-09-30', '2025-12-08'], // quarterly: first Friday 5 Dec 2025
  ])('cut-off %s takes effect on %s', (cutoff, expected) => {
    expect(effectiveDateFor(cutoff, cal, m)).toBe(expected);
  });

  it('moves a closed Monday to the next trading day', () => {
    const typhoon = weekdayCalendar('2024-01-01', '2026-12-31', ['2025-09-08']);
    expect(effectiveDateFor('2025-06-30', typhoon, m)).toBe('2025-09-09');
  });

  it('lets the override win, and returns the bare Monday past the calendar', () => {
    expect(effectiveDateFor('2024-06-28', cal, m, '2024-09-10')).toBe('2024-09-10');
    expect(effectiveDateFor('2027-06-30', cal, m)).toBe('2027-09-06');
  });
});

describe('reviewKindOf (docs/methodology.md §1)', () => {
  it.each([
    ['2025-06-30', 'semi-annual'], ['2025-12-31', 'semi-annual'], ['2025-03-31', 'quarterly'],
    ['2025-09-30', 'quarterly'], ['2025-06-29', 'preview'], ['2025-07-01', 'preview'],
  ])('%s is %s', (cutoff, kind) => expect(reviewKindOf(cutoff, m)).toBe(kind));
});
