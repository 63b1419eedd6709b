import { shiftDays, shiftMonths } from './calendar-math.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { DailySeries, IsoDate } from '../domain/types.js';
import { monthIndexOf } from './month-index.js';

/** One calendar month of the averaging window, as far as the non-suspended trading days in it go. */
export interface ScanMonth {
  /** §3 month-end method: the cap on the month's last non-suspended trading day. */
  readonly lastCapHkd: number;
  /** §5: the daily velocities (turnover / (cap x free float)) of its days with a positive cap. */
  readonly velocities: readonly number[];
}

/** What one pass over a security's trading days establishes (the raw facts behind §3-§5, §7.3). */
export interface SeriesScan {
  /** §3: first calendar day of the averaging window actually used (listing cut and restart applied). */
  readonly firstDay: IsoDate;
  readonly restartedOn: IsoDate | null;
  readonly capSumHkd: number;
  readonly days: number;
  readonly dataGapDays: number;
  readonly firstGapDate: IsoDate | null;
  /** §3/§5: by month index (domain/dates.ts monthIndexOf), the months with a non-suspended day counted, ascending. */
  readonly months: ReadonlyMap<number, ScanMonth>;
  /** §4 */
  readonly suspendedOnCutoff: boolean;
  readonly suspendedSince: IsoDate | null;
  readonly capOnCutoffHkd: number | null;
  /** §7.3: over (wvrStartExclusive, C], non-suspended days. */
  readonly wvrCapSumHkd: number;
  readonly wvrDays: number;
  readonly wvrTurnoverHkd: number;
}

export interface ScanParams {
  readonly series: DailySeries;
  readonly calendar: TradingCalendar;
  readonly cutoff: IsoDate;
  readonly listingDate: IsoDate;
  readonly delistingDate: IsoDate | null;
  /** W = (windowStartExclusive, C] (§3). */
  readonly windowStartExclusive: IsoDate;
  readonly wvrStartExclusive: IsoDate;
  readonly prolongedSuspensionMonths: number;
  /** Free float at the scan start, then its dated changes ascending (§5). */
  readonly freeFloat: number;
  readonly freeFloatChanges: ReadonlyArray<{ readonly date: IsoDate; readonly value: number }>;
}

/** The §3 window's running totals: reset when a prolonged suspension restarts the window. */
interface WindowTotals {
  capSumHkd: number;
  days: number;
  dataGapDays: number;
  firstGapDate: IsoDate | null;
  months: Map<number, { lastCapHkd: number; velocities: number[] }>;
}

const emptyWindow = (): WindowTotals => ({ capSumHkd: 0, days: 0, dataGapDays: 0, firstGapDate: null, months: new Map() });

/**
 * One pass over the trading days from the series' first record on or after the listing date to C
 * (docs/methodology.md §3, §4, §5, §7.3). Before listing, nothing counts (issue 16): a record dated
 * before the listing date (stored by an older version, or with a listing date corrected later) enters
 * neither the §3 average, the §4 suspension run, the §5 months nor the §7.3 totals.
 * A trading day without a record is a data gap while the security is listed: it counts neither in
 * the averages nor in liquidity, and it carries the suspension state across. A resumption inside W
 * after a continuous suspension that reached `prolongedSuspensionMonths` restarts the window (§3
 * "Prolonged suspension"): the security is treated as if listed on the day it resumed.
 */
export function scanSeries(p: ScanParams): SeriesScan {
  const { series, cutoff } = p;
  const windowStart = shiftDays(p.windowStartExclusive, 1);
  let firstCounted = p.listingDate > windowStart ? p.listingDate : windowStart;
  let window = emptyWindow();
  let restartedOn: IsoDate | null = null;
  let freeFloat = p.freeFloat;
  let nextChange = 0;
  // §4: the continuous suspension running so far (first and last suspended day), if any.
  let suspendedSince: IsoDate | null = null;
  let lastSuspended: IsoDate | null = null;
  let capOnCutoffHkd: number | null = null;
  const wvr = { capSumHkd: 0, days: 0, turnoverHkd: 0 };
  let rec = 0;
  for (const day of daysToScan(p, firstCounted)) {
    while (rec < series.dates.length && series.dates[rec]! < day) rec++;
    while (nextChange < p.freeFloatChanges.length && p.freeFloatChanges[nextChange]!.date <= day) freeFloat = p.freeFloatChanges[nextChange++]!.value;
    if (series.dates[rec] !== day) {
      // §3 data gap: a listed security's trading day without a record.
      if (day >= firstCounted && (p.delistingDate === null || day < p.delistingDate)) {
        window.dataGapDays++;
        window.firstGapDate ??= day;
      }
      continue;
    }
    if (series.suspended[rec] === 1) {
      suspendedSince ??= day;
      lastSuspended = day;
      continue;
    }
    if (day >= windowStart && suspendedSince !== null && suspendedSince <= shiftMonths(lastSuspended!, -p.prolongedSuspensionMonths)) {
      restartedOn = day;
      firstCounted = day;
      window = emptyWindow();
    }
    suspendedSince = null;
    const cap = series.marketCapHkd[rec]!;
    const turnover = series.turnoverHkd[rec]!;
    if (cap > 0) capOnCutoffHkd = cap;
    if (day > p.wvrStartExclusive) {
      wvr.capSumHkd += cap;
      wvr.days++;
      wvr.turnoverHkd += turnover;
    }
    if (day >= firstCounted) countDay(window, day, cap, turnover, freeFloat);
  }
  return {
    firstDay: restartedOn ?? (p.listingDate > p.windowStartExclusive ? p.listingDate : windowStart),
    restartedOn,
    capSumHkd: window.capSumHkd,
    days: window.days,
    dataGapDays: window.dataGapDays,
    firstGapDate: window.firstGapDate,
    months: window.months,
    suspendedOnCutoff: suspendedSince !== null,
    suspendedSince,
    capOnCutoffHkd,
    wvrCapSumHkd: wvr.capSumHkd,
    wvrDays: wvr.days,
    wvrTurnoverHkd: wvr.turnoverHkd,
  };
}

/** A non-suspended trading day inside the window: §3's sum and count, the month's last cap, §5's velocity. */
function countDay(window: WindowTotals, day: IsoDate, cap: number, turnover: number, freeFloat: number): void {
  window.capSumHkd += cap;
  window.days++;
  const key = monthIndexOf(day);
  let month = window.months.get(key);
  if (month === undefined) {
    month = { lastCapHkd: cap, velocities: [] };
    window.months.set(key, month);
  }
  month.lastCapHkd = cap;
  if (cap > 0) month.velocities.push(turnover / (cap * freeFloat));
}

/**
 * The trading days to walk: from the series' first record on or after the listing date (its suspension
 * state matters), or the first counted day when the records start later (those days are gaps), up to C.
 */
function daysToScan(p: ScanParams, firstCounted: IsoDate): readonly IsoDate[] {
  const firstRecord = p.series.dates[0];
  const earliest = firstRecord !== undefined && firstRecord > p.listingDate ? firstRecord : p.listingDate;
  const from = earliest < firstCounted ? earliest : firstCounted;
  const all = p.calendar.all;
  return all.slice(p.calendar.lowerBound(from), p.calendar.lowerBound(shiftDays(p.cutoff, 1)));
}

/** Median of `values` (non-empty): the middle value, or the mean of the two middle ones. */
export function medianOf(values: readonly number[]): number {
  // A typed array sorts numerically without a comparator call per pair.
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
