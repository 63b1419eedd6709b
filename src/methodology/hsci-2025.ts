import type { Methodology } from './types.js';

/**
 * The default methodology (docs/methodology.md "Parameters"): daily averaging since the December 2024 review.
 * Every threshold the rules and the screen apply comes from here.
 */
export const HSCI_2025: Methodology = {
  id: 'hsci-2025',
  description: 'HSCI and Southbound rules with daily averaging of market cap (default since the December 2024 review)',
  universe: {
    boards: ['MAIN'],
    types: ['EQUITY', 'REIT', 'STAPLED'],
    currencies: ['HKD'],
  },
  averaging: { method: 'daily', windowMonths: 12, prolongedSuspensionMonths: 3 },
  coverage: { add: 0.94, delete: 0.96, largeCap: 0.8, midCap: 0.95, quarterlyIpo: 0.95 },
  fastEntry: { topFraction: 0.1, afterTradingDays: 10 },
  liquidity: {
    velocityThreshold: 0.0005,
    fullMonths: 12,
    fullMinPassed: 10,
    recentMonths: 6,
    recentMinPassed: 5,
    mediumMinMonths: 7,
    mediumMaxFailed: 1,
    defaultFreeFloat: 1,
  },
  suspension: { longMonths: 3, removalTradingDays: 5 },
  southbound: {
    averaging: 'daily',
    smallCapInHkd: 5_000_000_000,
    smallCapKeepHkd: 4_000_000_000,
    wvr: {
      seasoningMonths: 6,
      seasoningTradingDays: 20,
      windowDays: 183,
      avgMarketCapHkd: 20_000_000_000,
      turnoverHkd: 6_000_000_000,
    },
    aPlusH: { stabilisationDays: 30, aShareSeasoningTradingDays: 10 },
  },
  reviews: {
    semiAnnualCutoffs: ['06-30', '12-31'],
    quarterlyCutoffs: ['03-31', '09-30'],
    effectiveMonthsAfterCutoff: 3,
  },
  borderline: { coveragePoints: 0.5, moneyFraction: 0.1 },
  dataQuality: { fullMarketRanked: 2_200, minRankedFraction: 0.8, thinDayFraction: 0.5, maxDayOverDayFactor: 5 },
};
