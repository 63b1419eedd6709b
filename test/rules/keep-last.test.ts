import { describe, expect, it } from 'vitest';
import { keepLast } from '../../src/rules/keep-last.js';

describe('keepLast', () => {
  it('answers again without calling while the arguments are the same, and recomputes when any changes', () => {
    const calls: string[] = [];
    const frozen = Object.freeze({ n: 1 });
    const f = keepLast((a: string, o: { n: number }) => { calls.push(a); return `${a}:${o.n}`; });
    expect(f('2026-06-30', frozen)).toBe('2026-06-30:1');
    expect(f('2026-06-30', frozen)).toBe('2026-06-30:1');
    expect(calls).toEqual(['2026-06-30']);
    expect(f('2026-06-30', Object.freeze({ n: 1 }))).toBe('2026-06-30:1'); // another object: recomputed
    expect(f('2025-12-31', frozen)).toBe('2025-12-31:1');
    expect(f('2026-06-30', frozen)).toBe('2026-06-30:1'); // only the last answer is kept
    expect(calls).toEqual(['2026-06-30', '2026-06-30', '2025-12-31', '2026-06-30']);
  });
});
