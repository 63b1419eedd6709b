import type { Board, Currency, SecurityType } from '../domain/types.js';

/**
 * A versioned methodology: every number of docs/methodology.md, as data (docs/methodology.md "Parameters").
 * Nothing under rules/ or screen/ may hold a threshold literal: it reads it from here.
 */
export interface Methodology {
  /** Stable id, e.g. `hsci-2025`. */
  readonly id: string;
  readonly description: string;
  /** §2.1-§2.3: the boards, security types and trading currencies of the ranking universe. */
  readonly universe: {
    readonly boards: readonly Board[];
    readonly types: readonly SecurityType[];
    readonly currencies: readonly Currency[];
  };
  /** §3 */
  readonly averaging: {
    readonly method: 'daily' | 'month-end';
    readonly windowMonths: number;
    /** A continuous suspension at least this long, ended inside the window, restarts the window (§3). */
    readonly prolongedSuspensionMonths: number;
  };
  /** §6.1 cumulative coverage lines, fractions. */
  readonly coverage: {
    readonly add: number;
    readonly delete: number;
    readonly largeCap: number;
    readonly midCap: number;
    /** §6.2 quarterly review: IPOs at or under this coverage are added. */
    readonly quarterlyIpo: number;
  };
  /** §6.2 */
  readonly fastEntry: { readonly topFraction: number; readonly afterTradingDays: number };
  /** §5 */
  readonly liquidity: {
    readonly velocityThreshold: number;
    readonly fullMonths: number;
    readonly fullMinPassed: number;
    readonly recentMonths: number;
    readonly recentMinPassed: number;
    /** Histories of at least this many months (and fewer than fullMonths) may miss `mediumMaxFailed`. */
    readonly mediumMinMonths: number;
    readonly mediumMaxFailed: number;
    readonly defaultFreeFloat: number;
  };
  /** §4 */
  readonly suspension: { readonly longMonths: number; readonly removalTradingDays: number };
  /** §7 */
  readonly southbound: {
    readonly averaging: 'daily' | 'month-end';
    readonly smallCapInHkd: number;
    readonly smallCapKeepHkd: number;
    readonly wvr: {
      readonly seasoningMonths: number;
      readonly seasoningTradingDays: number;
      readonly windowDays: number;
      readonly avgMarketCapHkd: number;
      readonly turnoverHkd: number;
    };
    readonly aPlusH: { readonly stabilisationDays: number; readonly aShareSeasoningTradingDays: number };
  };
  /**
   * §1: cut-offs as MM-DD and the effective-date rule: the Monday after the first Friday of the month
   * `effectiveMonthsAfterCutoff` months after the cut-off month (3: June -> September).
   */
  readonly reviews: {
    readonly semiAnnualCutoffs: readonly string[];
    readonly quarterlyCutoffs: readonly string[];
    readonly effectiveMonthsAfterCutoff: number;
  };
  /**
   * §9: `coveragePoints` in percentage points (0.5 means coverage within 0.005 of a line);
   * `moneyFraction` a fraction of the money threshold (0.1 means within 10%).
   */
  readonly borderline: { readonly coveragePoints: number; readonly moneyFraction: number };
  /**
   * Not RULES.md's but the data's (issue 16): when the store is too thin or too odd for a review to mean
   * anything. `fullMarketRanked`: about how many securities a whole Main Board ranks (§3); a ranked universe
   * under `minRankedFraction` of it is a partial market. `thinDayFraction`: a trading day of the window
   * with rows for fewer than this fraction of the window's median day is thin. `maxDayOverDayFactor`: a
   * market cap moving more than this factor from one non-suspended day to the next is implausible.
   */
  readonly dataQuality: {
    readonly fullMarketRanked: number;
    readonly minRankedFraction: number;
    readonly thinDayFraction: number;
    readonly maxDayOverDayFactor: number;
  };
}
