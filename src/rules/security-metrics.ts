import type { IsoDate, RuleOutcome, SecurityAttributes } from '../domain/types.js';
import type { WvrFacts } from './wvr.js';

/**
 * The facts the per-security rules establish about one security at one cut-off (docs/methodology.md §2-§5, §7).
 * This is the seam between rules/ (which computes it, one security at a time, purely) and screen/
 * (which ranks securities and decides adds and removes from these facts alone).
 */
export interface SecurityMetrics {
  readonly code: string;
  readonly name: string;
  /** Attributes as they stood on the cut-off, dated changes applied. */
  readonly attrs: SecurityAttributes;
  /** §2: in the ranking universe, else the rule that keeps it out. */
  readonly universe: { readonly eligible: boolean; readonly rule: string; readonly reason: string };
  /** §3: the HSCI average market cap (null when no non-suspended day in the window). */
  readonly average: {
    readonly avgMarketCapHkd: number | null;
    readonly method: 'daily' | 'month-end';
    /** First calendar day counted (inclusive): C - 12 months + 1 day, the listing date or the restart. */
    readonly windowStart: IsoDate;
    readonly windowEnd: IsoDate;
    readonly daysUsed: number;
    /** Trading days of the window with no record for a listed security (§3 data gap). */
    readonly dataGapDays: number;
    /** The resumption date when a prolonged suspension restarted the window, else null. */
    readonly restartedOn: IsoDate | null;
  };
  /** §7.1: the average the Southbound money lines use (may differ from `average` by methodology). */
  readonly southboundAvgMarketCapHkd: number | null;
  /** §5 */
  readonly liquidity: {
    readonly pass: boolean;
    readonly monthsCounted: number;
    readonly monthsPassed: number;
    /** Passed among the latest `recentMonths` (12-month histories). */
    readonly recentPassed: number;
    readonly months: ReadonlyArray<{ readonly month: string; readonly velocity: number | null; readonly pass: boolean; readonly days: number }>;
  };
  /** §4 */
  readonly suspension: {
    readonly suspendedOnCutoff: boolean;
    /** First day of the continuous suspension running on the cut-off, else null. */
    readonly suspendedSince: IsoDate | null;
    readonly longSuspension: boolean;
  };
  /** §7.3 the two 183-day tests and seasoning; null for a non-WVR security. */
  readonly wvr: WvrFacts | null;
  /** §7.1.3: a new A+H listing's first eligible trading day; null for a non-A+H security. */
  readonly aPlusH: { readonly exchange: 'SSE' | 'SZSE'; readonly eligibleFrom: IsoDate | null } | null;
  /** Market cap (full, HK$; averages are not rounded) on the last non-suspended trading day on or before the cut-off. */
  readonly capOnCutoffHkd: number | null;
  /** Every per-security rule outcome, in the order applied, for explain and reports. */
  readonly checks: readonly RuleOutcome[];
  /** Data-quality warnings (gaps, missing records). */
  readonly warnings: readonly string[];
}
