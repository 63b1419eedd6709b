import type { InterimEvent, IsoDate } from '../../domain/types.js';
import type { Methodology } from '../../methodology/types.js';
import { computeSecurityMetrics } from '../compute-security-metrics.js';
import { formatHkd } from '../format-figures.js';
import { effectiveDateFor } from '../review-dates.js';
import { seasoningDateOf } from '../wvr.js';
import { isSouthboundExcludedOn, type EventContext } from './event-context.js';

/**
 * docs/methodology.md §7.3 / §8: a WVR company (not A+H) that passed both 183-day tests at the last
 * semi-annual cut-off C before its seasoning date, but is seasoned only after that review's
 * effective date E, becomes Southbound-eligible on the trading day that completes its seasoning.
 * Seasoned on or before E: the review itself adds it, so no interim event. A §7.2 way out on C (the
 * review would not list it pending) or on the seasoning day overrides it: no event.
 */
export function findWvrSeasonings(ctx: EventContext): InterimEvent[] {
  const { calendar, m } = ctx;
  const out: InterimEvent[] = [];
  for (const base of ctx.securities) {
    const seasonedOn = seasoningDateOf(base.listingDate, calendar, m);
    if (!ctx.inRange(seasonedOn)) continue;
    const cutoff = lastSemiAnnualCutoffBefore(seasonedOn, m);
    const attrs = ctx.attrsAt(base, cutoff);
    if (!attrs.wvr || attrs.aShareExchange !== null || attrs.listingDate > cutoff) continue;
    if (isSouthboundExcludedOn(attrs, cutoff) || isSouthboundExcludedOn(ctx.attrsAt(base, seasonedOn), seasonedOn)) continue;
    const effectiveDate = effectiveDateFor(cutoff, calendar, m);
    const series = ctx.seriesOf(base.code);
    if (seasonedOn <= effectiveDate || !series) continue;
    const metrics = computeSecurityMetrics({
      attrs: base, changes: ctx.changesOf(base.code), series, calendar, cutoff, effectiveDate, methodology: m,
    });
    const wvr = metrics.wvr;
    if (!wvr || !wvr.passesCap || !wvr.passesTurnover) continue;
    out.push({
      code: base.code, name: attrs.name, event: 'WVR_SEASONED', date: seasonedOn,
      reason: `WVR company seasoned on ${seasonedOn} (${m.southbound.wvr.seasoningMonths} months + ${m.southbound.wvr.seasoningTradingDays} trading days after listing on ${base.listingDate}), after the ${cutoff} review's effective date ${effectiveDate}; passed the ${m.southbound.wvr.windowDays}-day tests at that cut-off (average cap ${formatHkd(wvr.avgMarketCapHkd ?? 0)}, turnover ${formatHkd(wvr.turnoverHkd)})`,
    });
  }
  return out;
}

/** The latest semi-annual cut-off strictly before `date` (§1). */
export function lastSemiAnnualCutoffBefore(date: IsoDate, m: Methodology): IsoDate {
  const year = Number(date.slice(0, 4));
  const candidates = [year - 1, year].flatMap((y) => m.reviews.semiAnnualCutoffs.map((md) => `${y}-${md}`));
  return candidates.filter((c) => c < date).sort().at(-1)!;
}
