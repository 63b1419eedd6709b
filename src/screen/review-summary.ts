import { CHANNELS, type ReviewCounts, type ReviewLines, type ReviewResult } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { HsciPlacement } from './decide-hsci-review.js';
import { capAtCoverage, sortDescending } from './line-caps.js';

const roundOrNull = (x: number | null): number | null => (x === null ? null : Math.round(x));

/**
 * The lines a review applied (docs/methodology.md §6.1, §7.1) with their HK$ equivalents: the add and delete
 * lines on the ranking universe, the LargeCap and MidCap lines on the constituents after the review.
 */
export function computeReviewLines(placements: readonly HsciPlacement[], m: Methodology): ReviewLines {
  const ranked: number[] = [];
  const after: number[] = [];
  for (const p of placements) {
    if (p.entry !== null) ranked.push(p.entry.avgMarketCapHkd);
    if (p.isConstituent && p.avgMarketCapHkd !== null) after.push(p.avgMarketCapHkd);
  }
  const universe = sortDescending(ranked);
  const constituents = sortDescending(after);
  return {
    coverageAdd: m.coverage.add, coverageDelete: m.coverage.delete, largeCap: m.coverage.largeCap, midCap: m.coverage.midCap,
    smallCapInHkd: m.southbound.smallCapInHkd, smallCapKeepHkd: m.southbound.smallCapKeepHkd,
    addAvgCapHkd: roundOrNull(capAtCoverage(universe, m.coverage.add)),
    deleteAvgCapHkd: roundOrNull(capAtCoverage(universe, m.coverage.delete)),
    largeCapAvgCapHkd: roundOrNull(capAtCoverage(constituents, m.coverage.largeCap)),
    midCapAvgCapHkd: roundOrNull(capAtCoverage(constituents, m.coverage.midCap)),
    borderlineMargin: m.borderline.coveragePoints / 100,
  };
}

/** How many names each list of a finished result gains and loses. */
export function countChanges(r: Pick<ReviewResult, 'hsci' | 'southbound' | 'pending'>): ReviewCounts {
  const southbound = {} as ReviewCounts['southbound'];
  for (const ch of CHANNELS) southbound[ch] = { add: r.southbound[ch].add.length, remove: r.southbound[ch].remove.length };
  return { hsci: { add: r.hsci.add.length, remove: r.hsci.remove.length }, southbound, pending: r.pending.length };
}
