import type { RuleOutcome, Segment, StockCode } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { assignSegments, checkSegment } from './assign-segments.js';
import { decideHsci, type HsciVerdict } from './decide-hsci.js';
import { decideQuarterlyIpo, isListedInQuarter, rankAmongConstituents } from './decide-quarterly.js';
import { rankWithCoverage } from './rank-by-average-cap.js';
import type { RankedEntry, ScreenInput } from './types.js';

/** One security's HSCI outcome within a review, with the figures the rows and decisions show. */
export interface HsciPlacement {
  readonly metrics: SecurityMetrics;
  readonly avgMarketCapHkd: number | null;
  /** Rank and coverage in the ranking universe (§6.1.2); null outside it. */
  readonly entry: RankedEntry | null;
  /** The coverage that decided an add (quarterly: among the constituents), else the universe coverage. */
  readonly decidingCoverage: number | null;
  readonly verdict: HsciVerdict;
  readonly wasConstituent: boolean;
  readonly isConstituent: boolean;
  readonly segmentBefore: Segment | null;
  readonly segmentAfter: Segment | null;
  readonly segmentCheck: RuleOutcome | null;
}

/** Whole HK$ averages (docs/contract.md: money is whole HK$); ranking and coverage use these. */
export function roundAverage(metrics: SecurityMetrics): number | null {
  const a = metrics.average.avgMarketCapHkd;
  return a === null ? null : Math.round(a);
}

/**
 * docs/methodology.md §6: the HSCI side of a review. Semi-annual reviews and previews apply §6.1 to every security;
 * quarterly reviews (§6.2) keep every constituent and add only qualifying IPOs of the quarter.
 */
export function decideHsciReview(input: ScreenInput): HsciPlacement[] {
  const m = input.methodology;
  const ranked = input.metrics.flatMap((x) => {
    const avg = roundAverage(x);
    return x.universe.eligible && avg !== null ? [{ code: x.code, avgMarketCapHkd: avg }] : [];
  });
  const ranking = rankWithCoverage(ranked);
  const quarterly = input.kind === 'quarterly';
  const constituents = ranked.filter((r) => input.hsciBefore.has(r.code));
  const partial = input.metrics.map((x) => {
    const entry = ranking.get(x.code) ?? null;
    const wasConstituent = input.hsciBefore.has(x.code);
    let verdict: HsciVerdict;
    let decidingCoverage = entry?.coverage ?? null;
    let ipoSegment: Segment | null = null;
    if (!quarterly) verdict = decideHsci(x, entry, wasConstituent, m);
    else if (wasConstituent) verdict = keepAtQuarterly(x, entry);
    else if (entry !== null && isListedInQuarter(x.attrs.listingDate, input.cutoff)) {
      const among = rankAmongConstituents({ code: x.code, avgMarketCapHkd: entry.avgMarketCapHkd }, constituents);
      const q = decideQuarterlyIpo(x, among, m);
      verdict = q;
      ipoSegment = q.segment;
      decidingCoverage = among.coverage;
    } else verdict = waitAtQuarterly(x, entry);
    const isConstituent = verdict.outcome === 'ADD' || (wasConstituent && verdict.outcome !== 'REMOVE');
    return { metrics: x, avgMarketCapHkd: roundAverage(x), entry, decidingCoverage, verdict, wasConstituent, isConstituent, ipoSegment };
  });
  const after = partial.filter((p) => p.isConstituent);
  const segments = quarterly ? null : assignSegments(after.map((p) => ({ code: p.metrics.code, avgMarketCapHkd: p.avgMarketCapHkd ?? 0 })), m);
  return partial.map((p): HsciPlacement => {
    const segmentBefore = input.hsciBefore.get(p.metrics.code) ?? null;
    const placement = segments?.get(p.metrics.code) ?? null;
    return {
      metrics: p.metrics, avgMarketCapHkd: p.avgMarketCapHkd, entry: p.entry, decidingCoverage: p.decidingCoverage, verdict: p.verdict,
      wasConstituent: p.wasConstituent, isConstituent: p.isConstituent, segmentBefore,
      segmentAfter: !p.isConstituent ? null : placement?.segment ?? p.ipoSegment ?? segmentBefore,
      segmentCheck: placement !== null ? checkSegment(placement, m) : null,
    };
  });
}

/** Codes on the HSCI list in force that no screened security carries (no securities record). */
export function findUnknownConstituents(input: ScreenInput): StockCode[] {
  const known = new Set(input.metrics.map((x) => x.code));
  return [...input.hsciBefore.keys()].filter((c) => !known.has(c)).sort();
}

function keepAtQuarterly(x: SecurityMetrics, entry: RankedEntry | null): HsciVerdict {
  const detail = 'quarterly review: no deletions (§6.2)';
  return {
    outcome: 'KEEP', rule: 'hsci-quarterly-no-deletion', reason: `kept: ${detail}`, distance: '', borderline: false,
    checks: [
      { rule: 'hsci-universe', section: '§2', outcome: x.universe.eligible ? 'pass' : 'fail', detail: x.universe.reason },
      { rule: 'hsci-quarterly-no-deletion', section: '§6.2', outcome: 'pass', detail: entry ? `${detail}; rank ${entry.rank}` : detail },
    ],
  };
}

function waitAtQuarterly(x: SecurityMetrics, entry: RankedEntry | null): HsciVerdict {
  const inU = x.universe.eligible && entry !== null;
  const detail = inU ? 'not an IPO of the quarter: waits for the semi-annual review (§6.2)' : x.universe.reason;
  return {
    outcome: inU ? 'WAIT' : 'NOT_ELIGIBLE', rule: inU ? 'hsci-quarterly-not-ipo' : x.universe.rule, reason: detail, distance: '', borderline: false,
    checks: [
      { rule: 'hsci-universe', section: '§2', outcome: x.universe.eligible ? 'pass' : 'fail', detail: x.universe.reason },
      { rule: 'hsci-quarterly-not-ipo', section: '§6.2', outcome: 'n/a', detail },
    ],
  };
}
