import type { SampleChange, SampleSpec } from './types.js';
import { makeSpec } from './base-spec.js';

/**
 * The named special cases: every situation the rules care about, a few of each, several placed near a
 * line on purpose. Codes are fixed so the docs and tests can name them; tags say why each is here.
 */
export function buildSpecials(): { specs: SampleSpec[]; changes: SampleChange[] } {
  const q = { volDaily: 0.004, velocityMonthSpread: 0.05, velocityDaySpread: 0.2 };
  const specs: SampleSpec[] = [
    // §6.2 new listings
    makeSpec({ code: '09801', name: 'SYN Mega IPO Holdings', levelHkd: 320e9, listingDate: '2026-05-20', velocityMedian: 0.006, tags: ['ipo', 'fast-entry'] }),
    makeSpec({ code: '09802', name: 'SYN Quarter IPO Group', levelHkd: 60e9, listingDate: '2026-02-10', velocityMedian: 0.004, tags: ['ipo', 'ipo-q1-2026'] }),
    makeSpec({ code: '09803', name: 'SYN Small March IPO', levelHkd: 1.2e9, listingDate: '2026-03-20', tags: ['ipo', 'ipo-q1-2026'] }),
    makeSpec({ code: '09804', name: 'SYN Last Minute IPO', levelHkd: 8e9, listingDate: '2026-06-26', tags: ['ipo', 'ipo-two-days-before-cutoff'] }),
    // §7.3 WVR
    makeSpec({ code: '09805', name: 'SYN WVR Platform (passes 183-day tests)', levelHkd: 45e9, wvr: true, listingDate: '2019-07-15', freeFloat: 0.6, velocityMedian: 0.004, ...q, tags: ['wvr', 'wvr-passes'], force: { sh: false, sz: false } }),
    makeSpec({ code: '09806', name: 'SYN WVR Quiet (fails on turnover)', levelHkd: 30e9, wvr: true, listingDate: '2020-09-10', freeFloat: 0.5, velocityMedian: 0.0029, ...q, tags: ['wvr', 'wvr-fails-turnover'], force: { sh: false, sz: false } }),
    makeSpec({ code: '09807', name: 'SYN WVR Newcomer (not yet seasoned)', levelHkd: 80e9, wvr: true, listingDate: '2026-03-16', velocityMedian: 0.006, tags: ['wvr', 'wvr-unseasoned', 'ipo'] }),
    makeSpec({ code: '09808', name: 'SYN WVR Giant (already eligible)', levelHkd: 400e9, wvr: true, listingDate: '2018-07-09', velocityMedian: 0.004, tags: ['wvr', 'wvr-eligible'], force: { sh: true, sz: true } }),
    // §7.2 secondary listings
    makeSpec({ code: '09809', name: 'SYN Secondary Tech (primary abroad)', levelHkd: 150e9, secondaryListing: true, listingDate: '2019-11-26', tags: ['secondary'] }),
    makeSpec({ code: '09810', name: 'SYN Converted Primary (secondary until 2026-05-15)', levelHkd: 90e9, secondaryListing: true, listingDate: '2020-06-11', tags: ['secondary', 'primary-conversion'] }),
    // §7.1.2, §7.1.3, §7.2 A+H
    makeSpec({ code: '06818', name: 'SYN A+H Bank (A in Shanghai)', levelHkd: 300e9, aShareExchange: 'SSE', aShareCode: '601818', aShareListingDate: '2010-08-18', freeFloat: 0.3, tags: ['a+h', 'a+h-sse'] }),
    makeSpec({ code: '06819', name: 'SYN A+H Small Shanghai', levelHkd: 2.5e9, aShareExchange: 'SSE', aShareCode: '601819', aShareListingDate: '2012-03-02', freeFloat: 0.3, velocityMedian: 0.002, tags: ['a+h', 'a+h-sse', 'a+h-outside-hsci'] }),
    makeSpec({ code: '06821', name: 'SYN A+H Motors (A in Shenzhen)', levelHkd: 40e9, aShareExchange: 'SZSE', aShareCode: '002821', aShareListingDate: '2011-06-30', freeFloat: 0.35, tags: ['a+h', 'a+h-szse'] }),
    makeSpec({ code: '06822', name: 'SYN A+H Small Shenzhen', levelHkd: 1.8e9, aShareExchange: 'SZSE', aShareCode: '002822', aShareListingDate: '2014-01-10', freeFloat: 0.3, velocityMedian: 0.002, tags: ['a+h', 'a+h-szse', 'a+h-outside-hsci'] }),
    makeSpec({ code: '06823', name: 'SYN A+H Troubled (A share under risk alert)', levelHkd: 3e9, aShareExchange: 'SSE', aShareCode: '600823', aShareListingDate: '2008-05-20', freeFloat: 0.4, velocityMedian: 0.002, tags: ['a+h', 'a-share-risk-alert'] }),
    makeSpec({ code: '06824', name: 'SYN New A+H (stabilising at the cut-off)', levelHkd: 3.2e9, ...q, listingDate: '2026-06-12', stabilisationEnd: '2026-07-12', aShareExchange: 'SZSE', aShareCode: '300824', aShareListingDate: '2015-05-15', freeFloat: 0.2, velocityMedian: 0.01, tags: ['a+h', 'new-a+h-stabilising', 'ipo'] }),
    makeSpec({ code: '06825', name: 'SYN New A+H (stabilisation ended)', levelHkd: 18e9, listingDate: '2026-04-15', stabilisationEnd: '2026-05-15', aShareExchange: 'SSE', aShareCode: '603825', aShareListingDate: '2016-09-09', freeFloat: 0.2, velocityMedian: 0.008, tags: ['a+h', 'new-a+h-eligible', 'ipo'] }),
    // §2 and §7.2 boards, types and counters
    makeSpec({ code: '08201', name: 'SYN GEM Star (large for GEM)', board: 'GEM', levelHkd: 9e9, tags: ['gem'] }),
    makeSpec({ code: '00823', name: 'SYN Link Estates REIT', type: 'REIT', levelHkd: 95e9, freeFloat: 1, velocityMedian: 0.0015, tags: ['reit'], force: { hsci: 'LARGE' } }),
    // §2 SFC high shareholding concentration: ranked, never added
    makeSpec({ code: '03911', name: 'SYN Concentrated Holdings (SFC list)', levelHkd: 25e9, sfcHighConcentration: true, listingDate: '2017-03-08', tags: ['sfc-high-concentration'] }),
    // §7.1.1 SmallCap constituents around the HK$5bn entry and HK$4bn retention lines
    makeSpec({ code: '03901', name: 'SYN Retained 4.3bn', levelHkd: 4.3e9, ...q, tags: ['sb-line', 'sb-retained'], force: { hsci: 'SMALL', sh: true, sz: true } }),
    makeSpec({ code: '03902', name: 'SYN Below Keep 3.7bn', levelHkd: 3.7e9, ...q, tags: ['sb-line', 'sb-below-keep'], force: { hsci: 'SMALL', sh: true, sz: true } }),
    makeSpec({ code: '03903', name: 'SYN Above Entry 5.3bn', levelHkd: 5.3e9, ...q, tags: ['sb-line', 'sb-above-entry'], force: { hsci: 'SMALL', sh: false, sz: false } }),
    makeSpec({ code: '03904', name: 'SYN Below Entry 4.7bn', levelHkd: 4.7e9, ...q, tags: ['sb-line', 'sb-below-entry'], force: { hsci: 'SMALL', sh: false, sz: false } }),
    makeSpec({ code: '03905', name: 'SYN Just Kept 4.05bn', levelHkd: 4.05e9, ...q, tags: ['sb-line', 'sb-retained'], force: { hsci: 'SMALL', sh: true, sz: true } }),
    makeSpec({ code: '03906', name: 'SYN Just In 5.05bn', levelHkd: 5.05e9, ...q, tags: ['sb-line', 'sb-above-entry'], force: { hsci: 'SMALL', sh: false, sz: false } }),
    // §4 suspensions and §3 prolonged suspension
    makeSpec({ code: '03907', name: 'SYN Long Suspended (since 2026-02-16)', levelHkd: 9e9, suspensions: [['2026-02-16', '2026-12-31']], tags: ['suspension', 'long-suspension'], force: { hsci: 'SMALL', sh: true, sz: true } }),
    makeSpec({ code: '03908', name: 'SYN Briefly Suspended Constituent', levelHkd: 14e9, suspensions: [['2026-06-15', '2026-12-31']], tags: ['suspension', 'suspended-on-cutoff-short'] }),
    makeSpec({ code: '03909', name: 'SYN Suspended At Cut-off', levelHkd: 12e9, suspensions: [['2026-06-22', '2026-07-31']], tags: ['suspension', 'suspended-on-cutoff-short'], force: { hsci: 'none' } }),
    makeSpec({ code: '03910', name: 'SYN Resumed After 5 Months', levelHkd: 15e9, suspensions: [['2025-05-02', '2025-09-30']], tags: ['suspension', 'resumed-after-prolonged'] }),
    makeSpec({ code: '03912', name: 'SYN Short Suspensions', levelHkd: 7e9, suspensions: [['2025-08-11', '2025-08-15'], ['2026-01-05', '2026-01-06']], tags: ['suspension', 'short-suspension'] }),
    // §3 data gaps
    makeSpec({ code: '03913', name: 'SYN Patchy Data', levelHkd: 6e9, gaps: [['2025-11-20', '2025-11-20'], ['2026-03-10', '2026-03-12']], tags: ['data-gap'] }),
    // §5 liquidity
    makeSpec({ code: '03914', name: 'SYN Drying Up (illiquid since 2026-01)', levelHkd: 20e9, velocityChangeDate: '2026-01-01', velocityLaterFactor: 0.06, tags: ['liquidity', 'liquidity-fails-recent'], force: { hsci: 'MID' } }),
    makeSpec({ code: '03915', name: 'SYN Never Trades', levelHkd: 15e9, velocityMedian: 0.0002, zeroTradeChance: 0.3, tags: ['liquidity', 'illiquid'] }),
    makeSpec({ code: '03916', name: 'SYN Borderline Liquidity', levelHkd: 9e9, velocityMedian: 0.00055, velocityMonthSpread: 0.3, tags: ['liquidity', 'liquidity-borderline'] }),
    // §6.1 a constituent that has slipped past the 96% deletion line
    makeSpec({ code: '03918', name: 'SYN Slipping Constituent 3.0bn', levelHkd: 3.0e9, ...q, tags: ['coverage-line', 'coverage-delete'], force: { hsci: 'SMALL', sh: false, sz: false } }),
    // §2.4 delisting
    makeSpec({ code: '03917', name: 'SYN Privatised (delisted 2026-05-20)', levelHkd: 11e9, delistingDate: '2026-05-20', tags: ['delisted'], force: { hsci: 'SMALL' } }),
  ];
  const changes: SampleChange[] = [
    { code: '09810', date: '2026-05-15', field: 'secondary_listing', value: '0' },
    { code: '06823', date: '2026-04-30', field: 'a_share_risk_alert', value: '1' },
    { code: '03913', date: '2026-01-15', field: 'free_float', value: '0.42' },
  ];
  return { specs, changes };
}

