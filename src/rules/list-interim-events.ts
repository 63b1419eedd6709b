import type { TradingCalendar } from '../domain/calendar.js';
import type {
  AttributeChange, DailySeries, InterimEvent, IsoDate, SecurityAttributes, StockCode,
} from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { shiftDays, shiftMonths } from './calendar-math.js';
import { buildEventContext, type HsciSnapshot } from './events/event-context.js';
import { findFastEntries } from './events/fast-entry.js';
import { findLongSuspensionDeletions } from './events/long-suspension-deletion.js';
import { findAPlusHListings } from './events/a-plus-h-listing.js';
import { findWvrSeasonings } from './events/wvr-seasoned.js';
import { findPrimaryConversions } from './events/primary-conversion.js';

export type { HsciSnapshot } from './events/event-context.js';

/** Everything §8 needs, loaded by jobs/events.ts. */
export interface InterimEventsInput {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly calendar: TradingCalendar;
  readonly methodology: Methodology;
  /** Base attributes of every security (the securities table). */
  readonly securities: readonly SecurityAttributes[];
  /** Every dated attribute change. */
  readonly changes: readonly AttributeChange[];
  /** HSCI list snapshots, any order. */
  readonly hsciSnapshots: readonly HsciSnapshot[];
  /**
   * Daily series of the securities the events look at, from at least
   * `eventsSeriesStart(from, m)` to `to`.
   */
  readonly series: ReadonlyMap<StockCode, DailySeries>;
}

/**
 * docs/methodology.md §8: the interim events expected in [from, to] (both inclusive): fast-entry IPOs,
 * long-suspension deletions, new A+H listings, seasoned WVR companies and conversions to a
 * primary listing. Sorted by date, then code, then event.
 */
export function listInterimEvents(input: InterimEventsInput): InterimEvent[] {
  const ctx = buildEventContext(input);
  const events = [
    ...findFastEntries(ctx), ...findLongSuspensionDeletions(ctx), ...findAPlusHListings(ctx),
    ...findWvrSeasonings(ctx), ...findPrimaryConversions(ctx),
  ];
  return events.sort((a, b) => cmp(a.date, b.date) || cmp(a.code, b.code) || cmp(a.event, b.event));
}

/**
 * The first day of daily data listInterimEvents needs for events from `from`: a suspension that
 * reached `longMonths` before it, and the 183-day window of the semi-annual cut-off before a
 * seasoning date on or after it.
 */
export function eventsSeriesStart(from: IsoDate, m: Methodology): IsoDate {
  const suspension = shiftMonths(from, -(m.suspension.longMonths + 1));
  const monthsBetweenReviews = 12 / Math.max(1, m.reviews.semiAnnualCutoffs.length);
  const wvr = shiftDays(shiftMonths(from, -monthsBetweenReviews), -(m.southbound.wvr.windowDays + 1));
  return suspension < wvr ? suspension : wvr;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
