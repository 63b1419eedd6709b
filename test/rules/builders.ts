import { addDays, weekday } from '../../src/domain/dates.js';
import { TradingCalendar } from '../../src/domain/calendar.js';
import type { DailySeries, IsoDate, SecurityAttributes } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { computeSecurityMetrics, type SecurityMetricsInput } from '../../src/rules/compute-security-metrics.js';
import type { SecurityMetrics } from '../../src/rules/security-metrics.js';

/** Every weekday from `from` to `to`, minus the holidays: a stand-in Hong Kong calendar. */
export function weekdayCalendar(from: IsoDate, to: IsoDate, holidays: readonly IsoDate[] = []): TradingCalendar {
  const skip = new Set(holidays);
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) <= 5 && !skip.has(d)) days.push(d);
  return new TradingCalendar(days);
}

/** A plain Main Board HKD equity listed long ago; override what a test is about. */
export function security(over: Partial<SecurityAttributes> = {}): SecurityAttributes {
  return {
    code: '00001', name: 'Sample Co', board: 'MAIN', type: 'EQUITY', currency: 'HKD', listingDate: '2000-01-03',
    delistingDate: null, wvr: false, secondaryListing: false, freeFloat: null, aShareCode: null,
    aShareExchange: null, aShareListingDate: null, stabilisationEnd: null, sfcHighConcentration: false,
    aShareRiskAlert: false, ...over,
  };
}

export interface Day { capHkd: number; turnoverHkd: number; suspended?: boolean }

/**
 * A daily series over the calendar's trading days in [from, to]: `day(d)` gives the record, or
 * null for no record (a data gap). Defaults: HK$10bn cap, HK$10m turnover (velocity 0.1%).
 */
export function history(
  calendar: TradingCalendar, from: IsoDate, to: IsoDate, day: (d: IsoDate) => Partial<Day> | null = () => ({}),
): DailySeries {
  const dates: IsoDate[] = [];
  const caps: number[] = [];
  const turnovers: number[] = [];
  const susp: number[] = [];
  for (const d of calendar.all) {
    if (d < from || d > to) continue;
    const r = day(d);
    if (r === null) continue;
    dates.push(d);
    caps.push(r.capHkd ?? 10_000_000_000);
    turnovers.push(r.turnoverHkd ?? 10_000_000);
    susp.push(r.suspended ? 1 : 0);
  }
  return {
    dates, marketCapHkd: Float64Array.from(caps), turnoverHkd: Float64Array.from(turnovers), suspended: Uint8Array.from(susp),
  };
}

export const CAL = weekdayCalendar('2023-01-02', '2027-12-31');
export const C = '2025-06-30';
export const E = '2025-09-08';

/** computeSecurityMetrics with defaults: cut-off 2025-06-30, hsci-2025, series from 2024-01-01. */
export function metricsOf(over: Partial<SecurityMetricsInput> & { day?: (d: IsoDate) => Partial<Day> | null } = {}): SecurityMetrics {
  const calendar = over.calendar ?? CAL;
  const cutoff = over.cutoff ?? C;
  return computeSecurityMetrics({
    attrs: over.attrs ?? security(),
    changes: over.changes ?? [],
    series: over.series ?? history(calendar, '2024-01-01', cutoff, over.day),
    calendar,
    cutoff,
    effectiveDate: over.effectiveDate ?? E,
    methodology: over.methodology ?? getMethodology('hsci-2025'),
  });
}

/** The outcome of one rule id among the checks. */
export function check(m: SecurityMetrics, rule: string) {
  const c = m.checks.find((x) => x.rule === rule);
  if (!c) throw new Error(`no check ${rule} in ${m.checks.map((x) => x.rule).join(', ')}`);
  return c;
}
