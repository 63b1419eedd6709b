import { addDays, addMonths, weekday } from '../domain/dates.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { IsoDate, ReviewKind } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/**
 * §1: semi-annual when the cut-off's MM-DD is a semi-annual cut-off, quarterly when it is a
 * quarterly one, else a preview (the same rules with C = that date).
 */
export function reviewKindOf(cutoff: IsoDate, m: Methodology): ReviewKind {
  const monthDay = cutoff.slice(5);
  if (m.reviews.semiAnnualCutoffs.includes(monthDay)) return 'semi-annual';
  if (m.reviews.quarterlyCutoffs.includes(monthDay)) return 'quarterly';
  return 'preview';
}

/**
 * §1: the effective date E of the review with cut-off C: the Monday after the first Friday of the
 * month `effectiveMonthsAfterCutoff` months after C's month, moved to the next trading day when the
 * market is closed that Monday. A user's `override` wins as given. When the calendar does not
 * reach that far yet, the computed Monday is returned unadjusted.
 */
export function effectiveDateFor(
  cutoff: IsoDate, calendar: TradingCalendar, m: Methodology, override?: IsoDate,
): IsoDate {
  if (override) return override;
  const firstOfMonth = addMonths(`${cutoff.slice(0, 7)}-01`, m.reviews.effectiveMonthsAfterCutoff);
  // ISO weekday: Friday is 5; days from the 1st to the first Friday.
  const firstFriday = addDays(firstOfMonth, (5 - weekday(firstOfMonth) + 7) % 7);
  const monday = addDays(firstFriday, 3);
  const last = calendar.last;
  if (last === undefined || monday > last) return monday;
  return calendar.onOrAfter(monday) ?? monday;
}
