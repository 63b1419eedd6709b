import { describe, expect, it } from 'vitest';
import { capAtCoverage, sortDescending } from '../../src/screen/line-caps.js';

describe('capAtCoverage: the average cap at a coverage line', () => {
  // Ten names of 10 each: name i (1-based) sits at coverage i/10.
  const flat = new Float64Array(10).fill(10);

  it('is the cap of a name whose coverage is exactly the line', () => {
    expect(capAtCoverage(flat, 0.5)).toBe(10);
  });

  it('interpolates between the last name inside and the first past the line', () => {
    // 40 (coverage 0.4), 30 (0.7), 20 (0.9), 10 (1.0): the 0.8 line falls half way from 30 to 20.
    const caps = Float64Array.from([40, 30, 20, 10]);
    expect(capAtCoverage(caps, 0.8)).toBeCloseTo(25, 10);
    // Just inside the 0.7 name's coverage: that name's cap; just past: towards the next one.
    expect(capAtCoverage(caps, 0.7)).toBeCloseTo(30, 10);
    expect(capAtCoverage(caps, 0.7001)).toBeLessThan(30);
    expect(capAtCoverage(caps, 0.6999)).toBeGreaterThan(30);
  });

  it('answers the edges: empty ranking, first name past the line, everything inside', () => {
    expect(capAtCoverage(new Float64Array(0), 0.94)).toBeNull();
    expect(capAtCoverage(Float64Array.from([0, 0]), 0.94)).toBeNull();
    expect(capAtCoverage(Float64Array.from([90, 10]), 0.5)).toBe(90);
    expect(capAtCoverage(Float64Array.from([90, 10]), 1)).toBe(10);
  });

  it('is decreasing in the line and sorts a copy', () => {
    const caps = [3, 50, 7, 20, 1, 9];
    const sorted = sortDescending(caps);
    expect([...sorted]).toEqual([50, 20, 9, 7, 3, 1]);
    expect(caps).toEqual([3, 50, 7, 20, 1, 9]);
    const add = capAtCoverage(sorted, 0.94)!;
    const del = capAtCoverage(sorted, 0.96)!;
    expect(add).toBeGreaterThan(del);
  });
});
