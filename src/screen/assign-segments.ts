import type { RuleOutcome, Segment, StockCode } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { describeCoverage, formatPercent, pointsBetween } from './format-figures.js';
import { rankWithCoverage } from './rank-by-average-cap.js';
import type { RankedEntry } from './types.js';

/** A constituent's size segment after the review, with its coverage among the constituents alone. */
export interface SegmentPlacement extends RankedEntry {
  readonly segment: Segment;
}

/** docs/methodology.md §6.1.6: LargeCap up to and including the large line, MidCap up to and including the mid line, SmallCap above. */
export function segmentOf(coverage: number, m: Methodology): Segment {
  if (coverage <= m.coverage.largeCap) return 'LARGE';
  if (coverage <= m.coverage.midCap) return 'MID';
  return 'SMALL';
}

/**
 * docs/methodology.md §6.1.6: rank the constituents after the review by average market cap and take the
 * cumulative coverage over them alone.
 */
export function assignSegments(
  constituents: ReadonlyArray<{ readonly code: StockCode; readonly avgMarketCapHkd: number }>,
  m: Methodology,
): Map<StockCode, SegmentPlacement> {
  const out = new Map<StockCode, SegmentPlacement>();
  for (const [code, e] of rankWithCoverage(constituents)) out.set(code, { ...e, segment: segmentOf(e.coverage, m) });
  return out;
}

const SEGMENT_NAMES: Record<Segment, string> = { LARGE: 'LargeCap', MID: 'MidCap', SMALL: 'SmallCap' };

export function nameSegment(s: Segment): string {
  return SEGMENT_NAMES[s];
}

/** The `hsci-segment` check: which segment and how far from the nearest segment line. */
export function checkSegment(p: SegmentPlacement, m: Methodology): RuleOutcome {
  const line = p.segment === 'LARGE' ? m.coverage.largeCap
    : p.segment === 'MID' && p.coverage - m.coverage.largeCap < m.coverage.midCap - p.coverage ? m.coverage.largeCap
      : m.coverage.midCap;
  return {
    rule: 'hsci-segment', section: '§6.1.6', outcome: 'n/a', value: p.coverage, threshold: line,
    distance: pointsBetween(p.coverage, line),
    detail: `${nameSegment(p.segment)}: constituent rank ${p.rank}, ${describeCoverage(p.coverage, line)} (among constituents, ${formatPercent(m.coverage.largeCap, 0)} / ${formatPercent(m.coverage.midCap, 0)} segment lines)`,
  };
}
