import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenReview } from '../../src/screen/screen-review.js';
import { BN, buildInput, buildMetrics } from './build-metrics.js';

/** A random market: up to 40 securities with averages in whole HK$, random constituency and liquidity. */
const marketArb = fc.uniqueArray(
  fc.record({
    n: fc.integer({ min: 1, max: 99_999 }),
    avg: fc.integer({ min: 1, max: 500 }).map((x) => x * 0.1 * BN),
    constituent: fc.boolean(),
    liquid: fc.boolean(),
  }),
  { minLength: 1, maxLength: 40, selector: (s) => s.n },
);

function build(items: Array<{ n: number; avg: number; constituent: boolean; liquid: boolean }>) {
  const metrics = items.map((i) => buildMetrics({ code: String(i.n).padStart(5, '0'), avg: i.avg, liquidityPass: i.liquid }));
  const hsci = Object.fromEntries(items.filter((i) => i.constituent).map((i) => [String(i.n).padStart(5, '0'), 'SMALL' as const]));
  return { metrics, hsci };
}

describe('screen properties', () => {
  it('the result does not depend on the order of the input', () => {
    fc.assert(fc.property(marketArb, fc.integer(), (items, seed) => {
      const { metrics, hsci } = build(items);
      const shuffled = [...metrics].sort((a, b) => ((a.code.charCodeAt(4) * 31 + seed) % 7) - ((b.code.charCodeAt(4) * 31 + seed) % 7));
      const a = screenReview(buildInput(metrics, { hsci }));
      const b = screenReview(buildInput(shuffled.reverse(), { hsci }));
      expect(b).toEqual(a);
    }), { numRuns: 100 });
  });

  it('a constituent with coverage in (94%, 96%] that passes liquidity and trades on C is never changed', () => {
    fc.assert(fc.property(marketArb, (items) => {
      const { metrics, hsci } = build(items);
      const r = screenReview(buildInput(metrics, { hsci }));
      for (const d of r.decisions) {
        if (!d.wasConstituent || d.coverage === null || !(d.coverage > 0.94 && d.coverage <= 0.96)) continue;
        if (!items.find((i) => String(i.n).padStart(5, '0') === d.code)!.liquid) continue;
        expect(d.hsciOutcome).toBe('KEEP');
        expect(r.hsci.remove.map((x) => x.code)).not.toContain(d.code);
      }
    }), { numRuns: 200 });
  });

  it('a larger security never fares worse: among liquid constituents the kept ones are a prefix of the ranking', () => {
    // This is the sound form of "raising a security's average never removes it": raising it to the size of a
    // larger kept constituent puts it at or above that one's rank, where everything is kept.
    fc.assert(fc.property(marketArb, (items) => {
      const { metrics, hsci } = build(items);
      const r = screenReview(buildInput(metrics, { hsci }));
      const liquidConstituents = r.decisions.filter((d) => d.wasConstituent && items.find((i) => String(i.n).padStart(5, '0') === d.code)!.liquid);
      const kept = liquidConstituents.map((d) => d.hsciOutcome === 'KEEP');
      const firstRemoved = kept.indexOf(false);
      if (firstRemoved >= 0) expect(kept.slice(firstRemoved)).not.toContain(true);
    }), { numRuns: 200 });
  });

  it('raising a constituent average never removes it when the raise carries it past a larger kept constituent', () => {
    fc.assert(fc.property(marketArb, fc.nat(), (items, pick) => {
      const { metrics, hsci } = build(items.map((i) => ({ ...i, liquid: true })));
      const before = screenReview(buildInput(metrics, { hsci }));
      const kept = before.decisions.filter((d) => d.hsciOutcome === 'KEEP');
      const removed = before.decisions.filter((d) => d.hsciOutcome === 'REMOVE');
      if (kept.length === 0 || removed.length === 0) return;
      const target = removed[pick % removed.length]!;
      // The smallest kept constituent: raise the removed one (smaller, as all are liquid) to 1 HK$ above it.
      // New coverage (A + f + 1) / (T - t + f + 1) <= old floor coverage (A + f) / T  <=>  T <= (A + f)(f + 1 - t),
      // true whenever t < f (averages are multiples of HK$0.1bn, so f + 1 - t > 1e8 and T < 1e13).
      const floor = kept[kept.length - 1]!;
      if (target.avgMarketCapHkd === floor.avgMarketCapHkd) return;
      const raised = metrics.map((x) => (x.code === target.code ? buildMetrics({ code: x.code, avg: (floor.avgMarketCapHkd ?? 0) + 1 }) : x));
      const after = screenReview(buildInput(raised, { hsci }));
      const d = after.decisions.find((x) => x.code === target.code)!;
      // It now ranks directly above the old floor; the coverage at its rank is at most the floor's old coverage.
      expect(d.coverage!).toBeLessThanOrEqual(floor.coverage! + 1e-12);
      expect(d.hsciOutcome).toBe('KEEP');
    }), { numRuns: 200 });
  });
});
