import { addDays, addMonths } from '../domain/dates.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { DailySeries, IsoDate } from '../domain/types.js';
import { monthIndexOf } from './month-index.js';

/** What one pass over a security's trading days establishes (the raw facts behind §3-§5, §7.3). */
export interface SeriesScan {
  /** §3: first calendar day of the averaging window actually used (listing cut and restart applied). */
  firstDay: IsoDate;
  restartedOn: IsoDate | null;
  capSumHkd: number;
  days: number;
  dataGapDays: number;
  firstGapDate: IsoDate | null;
  /** Month index of slot 0 of the month arrays (the month of C minus windowMonths). */
  baseMonth: number;
  /** Per month slot: cap on the last non-suspended trading day (NaN when none). */
  monthLastCapHkd: Float64Array;
  /** Per month slot: median daily velocity (NaN when no velocity), and the days behind it. */
  monthVelocity: Float64Array;
  monthDays: Int32Array;
  /** §4 */
  suspendedOnCutoff: boolean;
  suspendedSince: IsoDate | null;
  capOnCutoffHkd: number | null;
  /** §7.3: over (wvrStartExclusive, C], non-suspended days. */
  wvrCapSumHkd: number;
  wvrDays: number;
  wvrTurnoverHkd: number;
}

export interface ScanParams {
  readonly series: DailySeries;
  readonly calendar: TradingCalendar;
  readonly cutoff: IsoDate;
  readonly listingDate: IsoDate;
  readonly delistingDate: IsoDate | null;
  /** W = (windowStartExclusive, C] (§3). */
  readonly windowStartExclusive: IsoDate;
  readonly windowMonths: number;
  readonly wvrStartExclusive: IsoDate;
  readonly prolongedSuspensionMonths: number;
  /** Free float at the scan start, then its dated changes ascending (§5). */
  readonly freeFloat: number;
  readonly freeFloatChanges: ReadonlyArray<{ readonly date: IsoDate; readonly value: number }>;
}

/**
 * One pass over the trading days from the series' first record to C (RULES.md §3, §4, §5, §7.3).
 * No date library and no allocation per day: dates compare as strings, months come from the
 * characters. A trading day without a record is a data gap while the security is listed: it counts
 * neither in the averages nor in liquidity, and it carries the suspension state across.
 * A resumption inside W after a continuous suspension that reached `prolongedSuspensionMonths`
 * restarts every window accumulator (§3 "Prolonged suspension").
 */
export function scanSeries(p: ScanParams): SeriesScan {
  const { series, calendar, cutoff, listingDate } = p;
  const { dates, marketCapHkd, turnoverHkd, suspended } = series;
  const days = calendar.all;
  const n = dates.length;
  const slots = p.windowMonths + 1;
  const baseMonth = monthIndexOf(cutoff) - p.windowMonths;
  const lastCap = new Float64Array(slots).fill(NaN);
  const monthStart = new Int32Array(slots).fill(-1);
  const monthEnd = new Int32Array(slots);
  const start = n > 0 ? calendar.lowerBound(dates[0]!) : days.length;
  const end = calendar.lowerBound(cutoff) + (calendar.isTradingDay(cutoff) ? 1 : 0);
  const velocities = new Float64Array(Math.max(0, end - start));
  const s: SeriesScan = {
    firstDay: listingDate > p.windowStartExclusive ? listingDate : addDays(p.windowStartExclusive, 1),
    restartedOn: null, capSumHkd: 0, days: 0, dataGapDays: 0, firstGapDate: null, baseMonth,
    monthLastCapHkd: lastCap, monthVelocity: new Float64Array(slots).fill(NaN), monthDays: new Int32Array(slots),
    suspendedOnCutoff: false, suspendedSince: null, capOnCutoffHkd: null, wvrCapSumHkd: 0, wvrDays: 0, wvrTurnoverHkd: 0,
  };
  let nv = 0;
  let ff = p.freeFloat;
  let q = 0;
  let rec = 0;
  let runStart: IsoDate | null = null;
  let lastSuspended: IsoDate = '';
  for (let i = start; i < end; i++) {
    const d = days[i]!;
    while (rec < n && dates[rec]! < d) rec++;
    while (q < p.freeFloatChanges.length && p.freeFloatChanges[q]!.date <= d) ff = p.freeFloatChanges[q++]!.value;
    const inWindow = d > p.windowStartExclusive && d >= s.firstDay;
    if (rec >= n || dates[rec] !== d) {
      const listed = d >= listingDate && (p.delistingDate === null || d < p.delistingDate);
      if (listed && inWindow) {
        s.dataGapDays++;
        s.firstGapDate ??= d;
      }
      continue;
    }
    if (suspended[rec] === 1) {
      runStart ??= d;
      lastSuspended = d;
      continue;
    }
    if (runStart !== null && d > p.windowStartExclusive
      && runStart <= addMonths(lastSuspended, -p.prolongedSuspensionMonths)) {
      // §3: treated as if listed on the day it resumed.
      s.restartedOn = d;
      s.firstDay = d;
      s.capSumHkd = 0; s.days = 0; s.dataGapDays = 0; s.firstGapDate = null;
      lastCap.fill(NaN); monthStart.fill(-1); nv = 0;
    }
    runStart = null;
    const cap = marketCapHkd[rec]!;
    if (cap > 0) s.capOnCutoffHkd = cap;
    if (d > p.wvrStartExclusive) {
      s.wvrCapSumHkd += cap; s.wvrDays++; s.wvrTurnoverHkd += turnoverHkd[rec]!;
    }
    if (!(d > p.windowStartExclusive && d >= s.firstDay)) continue;
    s.capSumHkd += cap;
    s.days++;
    const slot = monthIndexOf(d) - baseMonth;
    lastCap[slot] = cap;
    if (cap > 0) {
      if (monthStart[slot] === -1) monthStart[slot] = nv;
      velocities[nv++] = turnoverHkd[rec]! / (cap * ff);
      monthEnd[slot] = nv;
    }
  }
  if (runStart !== null) {
    s.suspendedOnCutoff = true;
    s.suspendedSince = runStart;
  }
  for (let k = 0; k < slots; k++) {
    if (monthStart[k] === -1) continue;
    s.monthDays[k] = monthEnd[k]! - monthStart[k]!;
    s.monthVelocity[k] = medianOf(velocities.subarray(monthStart[k]!, monthEnd[k]!));
  }
  return s;
}

/** Median of a non-empty array (sorted in place): the middle value, or the mean of the two middle ones. */
export function medianOf(values: Float64Array): number {
  values.sort();
  const mid = values.length >>> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
