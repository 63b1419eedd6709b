import { shiftMonths } from './calendar-math.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { IsoDate, RuleOutcome } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { formatHkd, isNearMoneyLine } from './format-figures.js';
import type { SeriesScan } from './scan-series.js';

export interface WvrFacts {
  readonly avgMarketCapHkd: number | null;
  readonly turnoverHkd: number;
  /** First calendar day of the 183-day window (inclusive): C - windowDays + 1. */
  readonly windowStart: IsoDate;
  readonly passesCap: boolean;
  readonly passesTurnover: boolean;
  /** The trading day that completes the seasoning (6 months + 20 trading days of listing); null past the calendar. */
  readonly seasonedOn: IsoDate | null;
}

/**
 * docs/methodology.md §7.3 seasoning: the trading day that completes `seasoningMonths` calendar months and
 * `seasoningTradingDays` further trading days after listing. Choice: the months end on the same
 * day-of-month (clamped to the month's end), and the n-th trading day strictly after that date
 * completes the seasoning. Null when the calendar does not reach it yet.
 */
export function seasoningDateOf(listingDate: IsoDate, calendar: TradingCalendar, m: Methodology): IsoDate | null {
  const w = m.southbound.wvr;
  return calendar.addTradingDays(shiftMonths(listingDate, w.seasoningMonths), w.seasoningTradingDays);
}

/**
 * §7.3 the two 183-day tests over (C - windowDays, C]: average daily cap over the non-suspended
 * trading days there >= avgMarketCapHkd (compared as sum >= line x days, no rounding), and the
 * aggregate turnover >= turnoverHkd. No window restart applies here.
 */
export function judgeWvr(
  scan: SeriesScan, listingDate: IsoDate, windowStart: IsoDate, calendar: TradingCalendar, m: Methodology,
): WvrFacts {
  const w = m.southbound.wvr;
  return {
    avgMarketCapHkd: scan.wvrDays > 0 ? scan.wvrCapSumHkd / scan.wvrDays : null,
    turnoverHkd: scan.wvrTurnoverHkd,
    windowStart,
    passesCap: scan.wvrDays > 0 && scan.wvrCapSumHkd >= w.avgMarketCapHkd * scan.wvrDays,
    passesTurnover: scan.wvrTurnoverHkd >= w.turnoverHkd,
    seasonedOn: seasoningDateOf(listingDate, calendar, m),
  };
}

/** The three §7.3 outcomes: `sb-wvr-183d-cap`, `sb-wvr-183d-turnover`, `sb-wvr-seasoning` (by E). */
export function describeWvr(f: WvrFacts, cutoff: IsoDate, effectiveDate: IsoDate, m: Methodology): RuleOutcome[] {
  const w = m.southbound.wvr;
  const frac = m.borderline.moneyFraction;
  const span = `from ${f.windowStart} to ${cutoff}`;
  const avg = f.avgMarketCapHkd;
  const seasoned = f.seasonedOn !== null && f.seasonedOn <= effectiveDate;
  return [
    {
      rule: 'sb-wvr-183d-cap', section: '§7.3', outcome: f.passesCap ? 'pass' : 'fail',
      detail: avg === null
        ? `no non-suspended trading day ${span}; needs an average of ${formatHkd(w.avgMarketCapHkd)}`
        : `average daily market cap ${formatHkd(avg)} ${span}; needs ${formatHkd(w.avgMarketCapHkd)}`,
      ...(avg === null ? {} : {
        value: avg, threshold: w.avgMarketCapHkd, distance: avg - w.avgMarketCapHkd,
        borderline: isNearMoneyLine(avg, w.avgMarketCapHkd, frac),
      }),
    },
    {
      rule: 'sb-wvr-183d-turnover', section: '§7.3', outcome: f.passesTurnover ? 'pass' : 'fail',
      detail: `aggregate turnover ${formatHkd(f.turnoverHkd)} ${span}; needs ${formatHkd(w.turnoverHkd)}`,
      value: f.turnoverHkd, threshold: w.turnoverHkd, distance: f.turnoverHkd - w.turnoverHkd,
      borderline: isNearMoneyLine(f.turnoverHkd, w.turnoverHkd, frac),
    },
    {
      rule: 'sb-wvr-seasoning', section: '§7.3', outcome: seasoned ? 'pass' : 'fail',
      detail: f.seasonedOn === null
        ? `seasoning (${w.seasoningMonths} months + ${w.seasoningTradingDays} trading days) completes beyond the trading calendar`
        : `seasoned on ${f.seasonedOn} (${w.seasoningMonths} months + ${w.seasoningTradingDays} trading days after listing); ${seasoned ? 'on or before' : 'after'} the effective date ${effectiveDate}`,
    },
  ];
}
