import type { HsciOutcome, RuleOutcome } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { notSuspended } from '../rules/suspension.js';
import { inUniverse } from '../rules/universe.js';
import { countMonthsShort, describeLiquidity } from './describe-liquidity.js';
import { describeCoverage, formatPercent, pointsBetween } from './format-figures.js';
import type { RankedEntry } from './types.js';

/** The HSCI verdict on one security at a semi-annual review (docs/methodology.md §6.1), with why. */
export interface HsciVerdict {
  readonly outcome: HsciOutcome;
  /** The rule that decided it. */
  readonly rule: string;
  /** The decisive reason, with figures and the distance to the deciding line. */
  readonly reason: string;
  readonly distance: string;
  readonly borderline: boolean;
  readonly checks: RuleOutcome[];
}

/** True when a coverage sits within the §9 margin of a line. */
export function isCoverageBorderline(coverage: number, line: number, m: Methodology): boolean {
  return Math.abs(pointsBetween(coverage, line)) <= m.borderline.coveragePoints;
}

/**
 * docs/methodology.md §6.1.3-5. A constituent is deleted when it left the universe (§2), is under long suspension
 * (§4), fails liquidity (§5) or its coverage is > the delete line; a non-constituent is added when its
 * coverage is <= the add line, it passes liquidity, is not suspended on C and is not SFC-concentrated.
 * Between the lines nothing changes. `entry` is null when the security is not ranked (outside U).
 */
export function decideHsci(metrics: SecurityMetrics, entry: RankedEntry | null, wasConstituent: boolean, m: Methodology): HsciVerdict {
  const checks: RuleOutcome[] = [];
  const universe = metrics.universe;
  checks.push(universe.eligible ? inUniverse() : { rule: 'hsci-universe', section: '§2', outcome: 'fail', detail: universe.reason });
  if (!universe.eligible || entry === null) {
    const reason = universe.eligible ? 'not ranked: no average market cap in the window' : universe.reason;
    return wasConstituent
      ? verdict('REMOVE', 'hsci-left-universe', universe.eligible ? `left the ranking universe: ${reason}` : reason, 'outside the universe', false, checks)
      : verdict('NOT_ELIGIBLE', universe.rule, reason, 'outside the universe', false, checks);
  }
  checks.push({
    rule: 'hsci-rank', section: '§6.1.1', outcome: 'n/a', value: entry.coverage,
    detail: `rank ${entry.rank}, cumulative coverage ${formatPercent(entry.coverage, 2)}`,
  });
  return wasConstituent ? decideConstituent(metrics, entry, m, checks) : decideNonConstituent(metrics, entry, m, checks);
}

function decideConstituent(metrics: SecurityMetrics, entry: RankedEntry, m: Methodology, checks: RuleOutcome[]): HsciVerdict {
  const susp = metrics.suspension;
  checks.push(!susp.suspendedOnCutoff ? notSuspended() : {
    rule: 'hsci-long-suspension', section: '§4', outcome: susp.longSuspension ? 'fail' : 'pass',
    detail: susp.longSuspension
      ? `suspended on the cut-off since ${susp.suspendedSince ?? '?'}, at least ${m.suspension.longMonths} months`
      : `suspended on the cut-off since ${susp.suspendedSince ?? '?'}, under ${m.suspension.longMonths} months`,
  });
  const liquidity = liquidityCheck(metrics, m);
  checks.push(liquidity);
  const covDetail = describeCoverage(entry.coverage, m.coverage.delete);
  const covBorder = isCoverageBorderline(entry.coverage, m.coverage.delete, m);
  const past = entry.coverage > m.coverage.delete;
  checks.push({
    rule: 'hsci-coverage-delete', section: '§6.1.4', outcome: past ? 'fail' : 'pass', detail: covDetail,
    value: entry.coverage, threshold: m.coverage.delete, distance: pointsBetween(entry.coverage, m.coverage.delete), borderline: covBorder,
  });
  if (susp.longSuspension) {
    const d = `suspended since ${susp.suspendedSince ?? '?'} (line: ${m.suspension.longMonths} months)`;
    return verdict('REMOVE', 'hsci-long-suspension', `long suspension: ${d}; ${covDetail}`, d, false, checks);
  }
  if (!metrics.liquidity.pass) {
    const d = `${countMonthsShort(metrics, m)} passing month(s) short`;
    return verdict('REMOVE', 'hsci-liquidity', `${describeLiquidity(metrics, m)}; ${covDetail}`, d, false, checks);
  }
  const distance = covDetail.replace(/^coverage [^,]+, /, '');
  if (past) return verdict('REMOVE', 'hsci-coverage-delete', covDetail, distance, covBorder, checks);
  return verdict('KEEP', 'hsci-coverage-delete', `kept: ${covDetail}`, distance, covBorder, checks);
}

function decideNonConstituent(metrics: SecurityMetrics, entry: RankedEntry, m: Methodology, checks: RuleOutcome[]): HsciVerdict {
  const covDetail = describeCoverage(entry.coverage, m.coverage.add);
  const distance = covDetail.replace(/^coverage [^,]+, /, '');
  const covBorder = isCoverageBorderline(entry.coverage, m.coverage.add, m);
  const within = entry.coverage <= m.coverage.add;
  checks.push({
    rule: 'hsci-coverage-add', section: '§6.1.3', outcome: within ? 'pass' : 'fail', detail: covDetail,
    value: entry.coverage, threshold: m.coverage.add, distance: pointsBetween(entry.coverage, m.coverage.add), borderline: covBorder,
  });
  const liquidity = liquidityCheck(metrics, m);
  checks.push(liquidity);
  const susp = metrics.suspension;
  checks.push(!susp.suspendedOnCutoff ? { rule: 'hsci-suspended-on-cutoff', section: '§4', outcome: 'pass', detail: 'trading on the cut-off' } : {
    rule: 'hsci-suspended-on-cutoff', section: '§4', outcome: 'fail', detail: `suspended on the cut-off (since ${susp.suspendedSince ?? '?'}): not added`,
  });
  const sfc = metrics.attrs.sfcHighConcentration;
  checks.push(sfc
    ? { rule: 'hsci-sfc-concentration', section: '§2', outcome: 'fail', detail: 'on the SFC high-shareholding-concentration list: ranked but never added' }
    : { rule: 'hsci-sfc-concentration', section: '§2', outcome: 'pass', detail: 'not on the SFC concentration list' });
  if (!within) {
    const band = entry.coverage <= m.coverage.delete;
    // Borderline only when crossing the add line would add it: it passes every other test (issue 16).
    const otherwiseEligible = metrics.liquidity.pass && !susp.suspendedOnCutoff && !sfc;
    return verdict(band ? 'WAIT' : 'NOT_ELIGIBLE', 'hsci-coverage-add', covDetail, distance, covBorder && otherwiseEligible, checks);
  }
  if (!metrics.liquidity.pass) {
    return verdict('NOT_ELIGIBLE', 'hsci-liquidity', `${describeLiquidity(metrics, m)}; ${covDetail}`, `${countMonthsShort(metrics, m)} passing month(s) short`, false, checks);
  }
  if (susp.suspendedOnCutoff) {
    return verdict('NOT_ELIGIBLE', 'hsci-suspended-on-cutoff', `suspended on the cut-off since ${susp.suspendedSince ?? '?'}; ${covDetail}`, 'suspended on C', false, checks);
  }
  if (sfc) return verdict('NOT_ELIGIBLE', 'hsci-sfc-concentration', `on the SFC concentration list; ${covDetail}`, 'SFC list', false, checks);
  return verdict('ADD', 'hsci-coverage-add', `${covDetail}; ${describeLiquidity(metrics, m)}`, distance, covBorder, checks);
}

function liquidityCheck(metrics: SecurityMetrics, m: Methodology): RuleOutcome {
  return {
    rule: 'hsci-liquidity', section: '§5', outcome: metrics.liquidity.pass ? 'pass' : 'fail',
    detail: describeLiquidity(metrics, m), value: metrics.liquidity.monthsPassed,
  };
}

function verdict(outcome: HsciOutcome, rule: string, reason: string, distance: string, borderline: boolean, checks: RuleOutcome[]): HsciVerdict {
  return { outcome, rule, reason, distance, borderline, checks };
}
