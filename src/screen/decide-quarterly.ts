import { addMonths } from '../domain/dates.js';
import type { IsoDate, RuleOutcome, Segment, StockCode } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { describeLiquidity } from './describe-liquidity.js';
import { describeCoverage, pointsBetween } from './format-figures.js';
import { computeCoverage, rankByAverageCap } from './rank-by-average-cap.js';
import type { HsciVerdict } from './decide-hsci.js';
import { isCoverageBorderline } from './decide-hsci.js';
import type { RankedEntry } from './types.js';

/** The quarter a quarterly cut-off closes: listings in (C - 3 months, C] are its IPOs (docs/methodology.md §6.2). */
export function isListedInQuarter(listingDate: IsoDate, cutoff: IsoDate): boolean {
  return listingDate > addMonths(cutoff, -3) && listingDate <= cutoff;
}

/** An IPO's rank and coverage when ranked with the current constituents alone (docs/methodology.md §6.2). */
export function rankAmongConstituents(
  ipo: { readonly code: StockCode; readonly avgMarketCapHkd: number },
  constituents: ReadonlyArray<{ readonly code: StockCode; readonly avgMarketCapHkd: number }>,
): RankedEntry {
  const ranked = computeCoverage(rankByAverageCap([...constituents.filter((c) => c.code !== ipo.code), ipo]));
  return ranked.find((e) => e.code === ipo.code)!;
}

/**
 * docs/methodology.md §6.2 quarterly review: no deletions; an IPO listed in the quarter is added when, ranked with
 * the constituents, its coverage is <= the quarterly line (LargeCap or MidCap). Choice: the §6.1.3 add
 * conditions (liquidity, not suspended on C, not SFC-concentrated) apply to it as well.
 */
export function decideQuarterlyIpo(
  metrics: SecurityMetrics, entry: RankedEntry, m: Methodology,
): HsciVerdict & { readonly segment: Segment | null } {
  const covDetail = describeCoverage(entry.coverage, m.coverage.quarterlyIpo);
  const within = entry.coverage <= m.coverage.quarterlyIpo;
  const borderline = isCoverageBorderline(entry.coverage, m.coverage.quarterlyIpo, m);
  const checks: RuleOutcome[] = [
    { rule: 'hsci-universe', section: '§2', outcome: 'pass', detail: metrics.universe.reason },
    {
      rule: 'hsci-quarterly-ipo', section: '§6.2', outcome: within ? 'pass' : 'fail',
      detail: `IPO of the quarter ranked with the constituents: rank ${entry.rank}, ${covDetail}`,
      value: entry.coverage, threshold: m.coverage.quarterlyIpo, distance: pointsBetween(entry.coverage, m.coverage.quarterlyIpo), borderline,
    },
    { rule: 'hsci-liquidity', section: '§5', outcome: metrics.liquidity.pass ? 'pass' : 'fail', detail: describeLiquidity(metrics, m) },
    { rule: 'hsci-suspended-on-cutoff', section: '§4', outcome: metrics.suspension.suspendedOnCutoff ? 'fail' : 'pass', detail: metrics.suspension.suspendedOnCutoff ? 'suspended on the cut-off' : 'trading on the cut-off' },
    { rule: 'hsci-sfc-concentration', section: '§2', outcome: metrics.attrs.sfcHighConcentration ? 'fail' : 'pass', detail: metrics.attrs.sfcHighConcentration ? 'on the SFC concentration list' : 'not on the SFC concentration list' },
  ];
  const distance = covDetail.replace(/^coverage [^,]+, /, '');
  const blocked = checks.slice(2).find((c) => c.outcome === 'fail');
  if (!within) return { outcome: 'WAIT', rule: 'hsci-quarterly-ipo', reason: `${covDetail}: waits for the semi-annual review`, distance, borderline, checks, segment: null };
  if (blocked) return { outcome: 'NOT_ELIGIBLE', rule: blocked.rule, reason: `${blocked.detail}; ${covDetail}`, distance, borderline, checks, segment: null };
  const segment: Segment = entry.coverage <= m.coverage.largeCap ? 'LARGE' : 'MID';
  return { outcome: 'ADD', rule: 'hsci-quarterly-ipo', reason: `IPO of the quarter, ${covDetail} among the constituents`, distance, borderline, checks, segment };
}
