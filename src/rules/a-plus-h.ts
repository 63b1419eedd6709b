import { shiftDays } from './calendar-math.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { IsoDate, RuleOutcome, SecurityAttributes } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

export interface APlusHFacts {
  readonly exchange: 'SSE' | 'SZSE';
  readonly eligibleFrom: IsoDate | null;
  readonly stabilisationEnd: IsoDate;
  readonly stabilisationRecorded: boolean;
  /** The A share's `aShareSeasoningTradingDays`-th trading day (null when its listing date is unknown). */
  readonly aShareSeasonedOn: IsoDate | null;
}

/**
 * docs/methodology.md §7.1.3: the first trading day after both the end of price stabilisation (the recorded
 * date, else H-share listing + `stabilisationDays` calendar days) and the A share's
 * `aShareSeasoningTradingDays`-th trading day (its listing day is day 1). Choice: the A-share days
 * are counted on the Hong Kong trading calendar; an unknown A-share listing date counts as
 * long listed. Null for a security without an A share, or when the calendar does not reach it.
 */
export function judgeAPlusH(attrs: SecurityAttributes, calendar: TradingCalendar, m: Methodology): APlusHFacts | null {
  if (attrs.aShareExchange === null) return null;
  const p = m.southbound.aPlusH;
  const recorded = attrs.stabilisationEnd !== null;
  const stabilisationEnd = attrs.stabilisationEnd ?? shiftDays(attrs.listingDate, p.stabilisationDays);
  const aShareSeasonedOn = attrs.aShareListingDate === null
    ? null
    : calendar.addTradingDays(shiftDays(attrs.aShareListingDate, -1), p.aShareSeasoningTradingDays);
  const unreachable = attrs.aShareListingDate !== null && aShareSeasonedOn === null;
  const later = aShareSeasonedOn !== null && aShareSeasonedOn > stabilisationEnd ? aShareSeasonedOn : stabilisationEnd;
  return {
    exchange: attrs.aShareExchange, stabilisationEnd, stabilisationRecorded: recorded, aShareSeasonedOn,
    eligibleFrom: unreachable ? null : calendar.after(later),
  };
}

/** The §7.1.3 outcome `sb-a-plus-h-new-listing`: eligible at the review when the date is on or before C. */
export function describeAPlusH(f: APlusHFacts, cutoff: IsoDate, m: Methodology): RuleOutcome {
  const stab = `stabilisation ends ${f.stabilisationEnd} (${f.stabilisationRecorded ? 'recorded' : `listing + ${m.southbound.aPlusH.stabilisationDays} days`})`;
  const aShare = f.aShareSeasonedOn === null
    ? 'A share long listed'
    : `A share's ${m.southbound.aPlusH.aShareSeasoningTradingDays}th trading day ${f.aShareSeasonedOn}`;
  const pass = f.eligibleFrom !== null && f.eligibleFrom <= cutoff;
  return {
    rule: 'sb-a-plus-h-new-listing', section: '§7.1.3', outcome: pass ? 'pass' : 'fail',
    detail: `A+H (${f.exchange}): ${stab}; ${aShare}; eligible from ${f.eligibleFrom ?? 'beyond the calendar'}${pass ? '' : `, after the cut-off ${cutoff}: not yet eligible by that path at this review`}`,
  };
}
