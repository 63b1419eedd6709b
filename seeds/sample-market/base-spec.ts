import type { SampleSpec } from './types.js';

/** A spec with ordinary defaults: an old, liquid, HKD Main Board equity. */
export function makeSpec(fields: Partial<SampleSpec> & Pick<SampleSpec, 'code' | 'name' | 'levelHkd'>): SampleSpec {
  return {
    board: 'MAIN', type: 'EQUITY', currency: 'HKD', listingDate: '2010-01-04', delistingDate: null,
    wvr: false, secondaryListing: false, freeFloat: 0.5, aShareCode: null, aShareExchange: null, aShareListingDate: null,
    stabilisationEnd: null, sfcHighConcentration: false, aShareRiskAlert: false,
    volDaily: 0.015, trendPerYear: 0, velocityMedian: 0.003, velocityMonthSpread: 0.2, velocityDaySpread: 0.5,
    zeroTradeChance: 0, suspensions: [], gaps: [], tags: [],
    ...fields,
  };
}
