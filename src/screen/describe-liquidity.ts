import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/** docs/methodology.md §5: the pass rule that applies to a history of n months, in words. */
export function describeLiquidityRule(monthsCounted: number, m: Methodology): string {
  const l = m.liquidity;
  if (monthsCounted >= l.fullMonths) {
    return `needs ${l.fullMinPassed} of ${l.fullMonths} and ${l.recentMinPassed} of the latest ${l.recentMonths}`;
  }
  if (monthsCounted >= l.mediumMinMonths) return `needs at most ${l.mediumMaxFailed} failed month(s) of ${monthsCounted}`;
  return `needs all ${monthsCounted} month(s) to pass`;
}

/** "liquidity 11 of 12 months passed (needs 10 of 12 and 5 of the latest 6)". */
export function describeLiquidity(metrics: SecurityMetrics, m: Methodology): string {
  const q = metrics.liquidity;
  const recent = q.monthsCounted >= m.liquidity.fullMonths ? `, ${q.recentPassed} of the latest ${m.liquidity.recentMonths}` : '';
  return `liquidity ${q.monthsPassed} of ${q.monthsCounted} months passed${recent} (${describeLiquidityRule(q.monthsCounted, m)})`;
}

/** How many more passing months the security needed (0 when it passes). */
export function countMonthsShort(metrics: SecurityMetrics, m: Methodology): number {
  const q = metrics.liquidity;
  const l = m.liquidity;
  if (q.pass) return 0;
  if (q.monthsCounted >= l.fullMonths) {
    return Math.max(l.fullMinPassed - q.monthsPassed, l.recentMinPassed - q.recentPassed, 0);
  }
  const failed = q.monthsCounted - q.monthsPassed;
  const allowed = q.monthsCounted >= l.mediumMinMonths ? l.mediumMaxFailed : 0;
  return Math.max(failed - allowed, 0);
}
