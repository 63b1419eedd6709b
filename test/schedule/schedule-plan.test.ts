import { describe, expect, it } from 'vitest';
import {
  findLatestPassedCutoff, formatHongKongInstant, isDayComplete, parseClockInstant, reportFileName,
} from '../../src/jobs/schedule-plan.js';
import { CUTOFFS } from './schedule-fixture.js';

describe('findLatestPassedCutoff (docs/methodology.md §1: a run can be made on any day after C)', () => {
  it.each([
    ['2026-06-30', '2026-03-31', 'quarterly'], // the cut-off day itself has not passed yet
    ['2026-07-01', '2026-06-30', 'semi-annual'],
    ['2026-09-30', '2026-06-30', 'semi-annual'],
    ['2026-10-01', '2026-09-30', 'quarterly'],
    ['2026-12-31', '2026-09-30', 'quarterly'],
    ['2027-01-01', '2026-12-31', 'semi-annual'],
    ['2027-03-31', '2026-12-31', 'semi-annual'],
    ['2027-04-01', '2027-03-31', 'quarterly'],
  ])('on %s the latest passed cut-off is %s (%s)', (today, cutoff, kind) => {
    expect(findLatestPassedCutoff(today, CUTOFFS)).toEqual({ cutoff, kind });
  });

  it('gives null when no cut-off is configured', () => {
    expect(findLatestPassedCutoff('2026-07-01', { semiAnnual: [], quarterly: [] })).toBeNull();
  });

  it('reads the cut-off days from its parameter, not from literals', () => {
    expect(findLatestPassedCutoff('2026-08-01', { semiAnnual: ['07-31'], quarterly: [] })).toEqual({ cutoff: '2026-07-31', kind: 'semi-annual' });
  });
});

describe('isDayComplete (the data-complete rule)', () => {
  it.each([
    [9, 10, 0.9, true], // exactly at the fraction
    [10, 10, 0.9, true],
    [8, 10, 0.9, false], // just below
    [11, 10, 0.9, true], // more rows than the day before (a listing)
    [0, 10, 0.9, false], // nothing loaded yet
    [0, 0, 0.9, false],
    [1, 0, 0.9, true], // no baseline: any row counts
    [90, 100, 0.9, true],
    [89, 100, 0.9, false],
    [100, 100, 1, true],
    [99, 100, 1, false],
  ])('%i rows against %i the day before at %f -> %s', (rowsOnDay, rowsOnPreviousDay, f, want) => {
    expect(isDayComplete({ rowsOnDay, rowsOnPreviousDay }, f)).toBe(want);
  });
});

describe('names and times', () => {
  it('names reports by kind, cut-off and run', () => {
    expect(reportFileName('review', '2026-06-30', 12, 'json')).toBe('review-2026-06-30-run12.json');
    expect(reportFileName('preview', '2026-07-15', 3, 'html')).toBe('preview-2026-07-15-run3.html');
  });

  it('stamps instants in Hong Kong time with the offset', () => {
    expect(formatHongKongInstant(new Date('2026-07-02T01:00:00Z'))).toBe('2026-07-02T09:00:00+08:00');
    expect(formatHongKongInstant(new Date('2026-07-02T01:00:00.924Z'))).toBe('2026-07-02T09:00:00+08:00');
  });

  it('reads --now in Hong Kong time unless it carries an offset', () => {
    expect(parseClockInstant('2026-07-02T09:00')?.toISOString()).toBe('2026-07-02T01:00:00.000Z');
    expect(parseClockInstant('2026-07-02T09:00:00+08:00')?.toISOString()).toBe('2026-07-02T01:00:00.000Z');
    expect(parseClockInstant('2026-07-02T09:00:00Z')?.toISOString()).toBe('2026-07-02T09:00:00.000Z');
    expect(parseClockInstant('2026-07-02')?.toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(parseClockInstant('2026-02-30T09:00')).toBeNull();
    expect(parseClockInstant('tomorrow')).toBeNull();
    expect(parseClockInstant('')).toBeNull();
  });
});
