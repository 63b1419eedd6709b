import type { IsoDate, RuleOutcome } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { formatPercent } from './format-figures.js';
import { monthIndexOf, monthLabelOf } from './month-index.js';
import { medianOf, type SeriesScan } from './scan-series.js';

export interface LiquidityMonth {
  readonly month: string;
  readonly velocity: number | null;
  readonly pass: boolean;
  readonly days: number;
}

export interface LiquidityFacts {
  readonly pass: boolean;
  readonly monthsCounted: number;
  readonly monthsPassed: number;
  readonly recentPassed: number;
  /** The minimum months passed the pass rule needed for this history length. */
  readonly requiredPassed: number;
  readonly months: readonly LiquidityMonth[];
}

/**
 * docs/methodology.md §5: the months counted run from the month of the window's first day (listing or
 * restart) or, at most, the `windowMonths`-th month back counting the month of C as the first,
 * up to the month of C. A month passes when its median daily velocity is >= the threshold;
 * a counted month without any non-suspended trading day (or only data gaps) fails.
 */
export function judgeLiquidity(scan: SeriesScan, cutoff: IsoDate, m: Methodology): LiquidityFacts {
  const lastMonth = monthIndexOf(cutoff);
  const firstMonth = scan.firstDay > cutoff
    ? lastMonth + 1
    : Math.max(monthIndexOf(scan.firstDay), lastMonth - m.averaging.windowMonths + 1);
  const months: LiquidityMonth[] = [];
  const passes: boolean[] = [];
  for (let mi = firstMonth; mi <= lastMonth; mi++) {
    const velocities = scan.months.get(mi)?.velocities ?? [];
    const velocity = velocities.length > 0 ? medianOf(velocities) : null;
    const pass = velocity !== null && velocity >= m.liquidity.velocityThreshold;
    months.push({ month: monthLabelOf(mi), velocity, days: velocities.length, pass });
    passes.push(pass);
  }
  return { ...applyPassRule(passes, m), months };
}

/**
 * The §5 pass rule on the months' pass flags, oldest first: with n = fullMonths, at least
 * fullMinPassed and at least recentMinPassed of the latest recentMonths; with
 * mediumMinMonths <= n < fullMonths, at most mediumMaxFailed failures; with fewer, none.
 * No month counted (not listed by C) fails.
 */
export function applyPassRule(passes: readonly boolean[], m: Methodology): Omit<LiquidityFacts, 'months'> {
  const L = m.liquidity;
  const n = passes.length;
  const monthsPassed = passes.filter(Boolean).length;
  const recentPassed = passes.slice(Math.max(0, n - L.recentMonths)).filter(Boolean).length;
  let pass: boolean;
  let requiredPassed: number;
  if (n >= L.fullMonths) {
    requiredPassed = L.fullMinPassed;
    pass = monthsPassed >= L.fullMinPassed && recentPassed >= L.recentMinPassed;
  } else if (n >= L.mediumMinMonths) {
    requiredPassed = n - L.mediumMaxFailed;
    pass = monthsPassed >= requiredPassed;
  } else {
    requiredPassed = n;
    pass = n > 0 && monthsPassed === n;
  }
  return { pass, monthsCounted: n, monthsPassed, recentPassed, requiredPassed };
}

/** The §5 outcome `hsci-liquidity`: "11 of 12 months passed, 5 of latest 6; needs 10 and 5". */
export function describeLiquidity(f: LiquidityFacts, m: Methodology): RuleOutcome {
  const L = m.liquidity;
  const n = f.monthsCounted;
  const needs = n >= L.fullMonths
    ? `needs ${L.fullMinPassed} and ${L.recentMinPassed} of latest ${L.recentMonths}`
    : n >= L.mediumMinMonths
      ? `needs ${f.requiredPassed} (at most ${L.mediumMaxFailed} miss with ${n} months)`
      : `needs all ${n}`;
  const recent = n >= L.fullMonths ? `, ${f.recentPassed} of latest ${L.recentMonths}` : '';
  const failed = f.months.filter((x) => !x.pass).map((x) => x.month);
  const misses = failed.length > 0 ? `; below ${formatPercent(L.velocityThreshold)}: ${failed.join(', ')}` : '';
  return {
    rule: 'hsci-liquidity', section: '§5', outcome: f.pass ? 'pass' : 'fail',
    detail: n === 0
      ? 'liquidity: no month counted (not listed by the cut-off)'
      : `liquidity: ${f.monthsPassed} of ${n} months passed${recent}; ${needs}${misses}`,
    value: f.monthsPassed, threshold: f.requiredPassed, distance: f.monthsPassed - f.requiredPassed,
  };
}
