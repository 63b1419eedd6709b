import type { TradingCalendar } from '../domain/calendar.js';
import type { AttributeChange, DailySeries, IsoDate, SecurityAttributes } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from './security-metrics.js';

/** What the per-security rules need about one security at one cut-off. */
export interface SecurityMetricsInput {
  /** Base attributes (the securities table row). */
  readonly attrs: SecurityAttributes;
  /** All dated changes of this security. */
  readonly changes: readonly AttributeChange[];
  /** Records from at least C - (windowMonths + prolongedSuspensionMonths + 1) months to C inclusive, ascending. */
  readonly series: DailySeries;
  readonly calendar: TradingCalendar;
  readonly cutoff: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly methodology: Methodology;
}

/** The facts of RULES.md §2-§5 and §7 about one security at cut-off C (body lands next). */
export function computeSecurityMetrics(_input: SecurityMetricsInput): SecurityMetrics {
  throw new Error('computeSecurityMetrics: not built yet');
}
