import type { TradingCalendar } from '../../domain/calendar.js';
import type { DailySeries, InterimEvent, IsoDate } from '../../domain/types.js';
import { shiftMonths } from '../calendar-math.js';
import type { EventContext } from './event-context.js';

/**
 * docs/methodology.md §4 / §8: a constituent whose continuous suspension reaches `longMonths` is removed
 * `removalTradingDays` trading days later. The suspension reaches it on D, the first trading day
 * on which §4 calls it a long suspension (start <= D - longMonths), provided it is
 * still suspended on D, or still suspended at the end of the data (then the event is expected,
 * and says so). The security must be on the HSCI list in force on D. Data gaps inside a
 * suspension do not end it (as in §4).
 */
export function findLongSuspensionDeletions(ctx: EventContext): InterimEvent[] {
  const { calendar, m } = ctx;
  const out: InterimEvent[] = [];
  for (const base of ctx.securities) {
    const series = ctx.seriesOf(base.code);
    if (!series) continue;
    for (const run of suspensionRuns(series, base.listingDate)) {
      const reached = firstLongDay(run.start, calendar, m.suspension.longMonths);
      if (reached === null || (!run.ongoing && run.last < reached)) continue;
      const date = calendar.addTradingDays(reached, m.suspension.removalTradingDays);
      if (!ctx.inRange(date) || !ctx.constituentsAt(reached).has(base.code)) continue;
      const attrs = ctx.attrsAt(base, reached);
      if (attrs.delistingDate !== null && attrs.delistingDate <= reached) continue;
      const expected = run.ongoing && run.last < reached ? ` if still suspended (data end ${run.last})` : '';
      out.push({
        code: base.code, name: attrs.name, event: 'LONG_SUSPENSION_DELETION', date,
        reason: `suspended since ${run.start}; the suspension reaches ${m.suspension.longMonths} months on ${reached}${expected}: deleted from the HSCI ${m.suspension.removalTradingDays} trading days later`,
      });
    }
  }
  return out;
}

/**
 * Runs of consecutive suspended records (gaps carry) from the listing date on (records before it do not
 * count, issue 16), with whether the series ends inside one.
 */
export function suspensionRuns(s: DailySeries, listingDate: IsoDate = ''): Array<{ start: IsoDate; last: IsoDate; ongoing: boolean }> {
  const runs: Array<{ start: IsoDate; last: IsoDate; ongoing: boolean }> = [];
  let start: IsoDate | null = null;
  let last: IsoDate = '';
  for (let i = 0; i < s.dates.length; i++) {
    if (s.dates[i]! < listingDate) continue;
    if (s.suspended[i] === 1) {
      start ??= s.dates[i]!;
      last = s.dates[i]!;
    } else if (start !== null) {
      runs.push({ start, last, ongoing: false });
      start = null;
    }
  }
  if (start !== null) runs.push({ start, last, ongoing: true });
  return runs;
}

/**
 * The first trading day D with start <= D - months (§4's test, the day clamped to the month's end).
 * start + months is not always that day: 2025-03-31 + 3 months = 06-30, yet 06-30 - 3 months = 03-30 <
 * 03-31, so §4 first calls it long on 07-01. At most a few days past start + months.
 */
export function firstLongDay(start: IsoDate, calendar: TradingCalendar, months: number): IsoDate | null {
  let d = calendar.onOrAfter(shiftMonths(start, months));
  while (d !== null && shiftMonths(d, -months) < start) d = calendar.after(d);
  return d;
}
