import { shiftDays, shiftMonths } from './calendar-math.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { DailySeries, IsoDate } from '../domain/types.js';
import { monthIndexOf } from './month-index.js';
import { keepLast } from './keep-last.js';

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
 * Window bounds and record dates become calendar positions once, so the per-day loop compares
 * integers (walkDays, whose accumulators are locals: optimized, it allocates nothing). A trading day without a record
 * is a data gap while the security is listed: it counts neither in the averages nor in liquidity, and it
 * carries the suspension state across. A resumption inside W after a continuous suspension that
 * reached `prolongedSuspensionMonths` restarts every window accumulator (§3 "Prolonged suspension").
 */
export function scanSeries(p: ScanParams): SeriesScan {
  const { series, calendar, cutoff } = p;
  const { marketCapHkd, turnoverHkd, suspended } = series;
  // Each record's date as a calendar slot (2 x position; odd when not a trading day): integer compares below.
  const at = series.calendarSlots?.calendar === calendar ? series.calendarSlots.at : calendar.slotsOf(series.dates);
  const days = calendar.all;
  const monthOfDay = calendar.monthIndexes;
  const n = marketCapHkd.length;
  const slots = p.windowMonths + 1;
  const baseMonth = monthIndexOf(cutoff) - p.windowMonths;
  const lastCap = new Float64Array(slots).fill(NaN);
  const monthStart = scratchInts(0, slots).fill(-1);
  const monthEnd = scratchInts(1, slots).fill(0);
  const { end, iWindow, iWvr } = windowPositions(calendar, cutoff, p.windowStartExclusive, p.wvrStartExclusive);
  const iDelisted = p.delistingDate === null ? Number.MAX_SAFE_INTEGER : calendar.lowerBound(p.delistingDate);
  const iFirst = Math.max(iWindow, calendar.lowerBound(p.listingDate));
  // From the first record, or the window's first day when the records start later (those days are gaps).
  const start = Math.min(n > 0 ? (at[0]! + 1) >> 1 : days.length, iFirst);
  const velocities = scratchVelocities(Math.max(0, end - start));
  // Free-float changes as typed arrays: the loop then never meets their objects (one more shape for the JIT).
  const ffAt = p.freeFloatChanges.length === 0 ? NO_CHANGES_AT : Int32Array.from(p.freeFloatChanges, (c) => calendar.lowerBound(c.date));
  const ffValue = p.freeFloatChanges.length === 0 ? NO_CHANGES_VALUE : Float64Array.from(p.freeFloatChanges, (c) => c.value);
  const t = walkDays({
    at, n, marketCapHkd, turnoverHkd, suspended, ffAt, ffValue, freeFloat: p.freeFloat, days, monthOfDay,
    lastCap, monthStart, monthEnd, velocities, start, end, iWindow, iWvr, iDelisted, iFirst, baseMonth,
    prolongedMonths: p.prolongedSuspensionMonths,
  });
  const restartedOn = t.restartAt < 0 ? null : days[t.restartAt]!;
  const monthVelocity = new Float64Array(slots).fill(NaN);
  const monthDays = new Int32Array(slots);
  monthMedians(velocities, monthStart, monthEnd, monthVelocity, monthDays);
  return {
    firstDay: restartedOn ?? (p.listingDate > p.windowStartExclusive ? p.listingDate : dayAfter(p.windowStartExclusive)),
    restartedOn, capSumHkd: t.capSum, days: t.used, dataGapDays: t.gaps, firstGapDate: t.firstGap < 0 ? null : days[t.firstGap]!,
    baseMonth, monthLastCapHkd: lastCap, monthVelocity, monthDays,
    suspendedOnCutoff: t.runStart >= 0, suspendedSince: t.runStart >= 0 ? days[t.runStart]! : null,
    capOnCutoffHkd: Number.isNaN(t.capOnCutoff) ? null : t.capOnCutoff, wvrCapSumHkd: t.wvrCapSum, wvrDays: t.wvrDays, wvrTurnoverHkd: t.wvrTurnover,
  };
}

/** What walkDays reads: one security's records and the review's calendar, as arrays and positions. */
interface DayWalk {
  readonly at: Int32Array;
  readonly n: number;
  readonly marketCapHkd: Float64Array;
  readonly turnoverHkd: Float64Array;
  readonly suspended: Uint8Array;
  readonly ffAt: Int32Array;
  readonly ffValue: Float64Array;
  readonly freeFloat: number;
  readonly days: readonly IsoDate[];
  readonly monthOfDay: Int32Array;
  /** Written: per month slot, the last cap, and the range of the month's velocities. */
  readonly lastCap: Float64Array;
  readonly monthStart: Int32Array;
  readonly monthEnd: Int32Array;
  readonly velocities: Float64Array;
  readonly start: number;
  readonly end: number;
  readonly iWindow: number;
  readonly iWvr: number;
  readonly iDelisted: number;
  readonly iFirst: number;
  readonly baseMonth: number;
  readonly prolongedMonths: number;
}

/** walkDays' totals (day positions as calendar indexes; -1 for none). */
interface DayTotals {
  readonly capSum: number;
  readonly used: number;
  readonly gaps: number;
  readonly firstGap: number;
  readonly nv: number;
  readonly wvrCapSum: number;
  readonly wvrDays: number;
  readonly wvrTurnover: number;
  /** NaN until a positive cap is seen. */
  readonly capOnCutoff: number;
  /** Start of the suspension running on the last day, or -1. */
  readonly runStart: number;
  /** The day the window restarted after a prolonged suspension (§3), or -1. */
  readonly restartAt: number;
}

/**
 * The per-day loop of scanSeries, on its own. Why (issue 7): inside scanSeries it was optimized only
 * once the whole function was (~45 ms of compiling on the second core, with much inlined), so most
 * of a review's ~640,000 days ran unoptimized, and unoptimized code boxes every double it computes:
 * ~27 MB of heap numbers a review for the garbage collector. Small and alone, it is optimized after a
 * few securities. Every accumulator is a local; the totals are returned once.
 */
function walkDays(w: DayWalk): DayTotals {
  const { at, n, marketCapHkd, turnoverHkd, suspended, ffAt, ffValue, days, monthOfDay, lastCap, monthStart, monthEnd, velocities } = w;
  const { end, iWindow, iWvr, iDelisted, baseMonth, prolongedMonths } = w;
  let iFirst = w.iFirst;
  let ff = w.freeFloat;
  let q = 0;
  let restartAt = -1;
  let capSum = 0, used = 0, gaps = 0, firstGap = -1, nv = 0;
  let wvrCapSum = 0, wvrDays = 0, wvrTurnover = 0;
  // NaN, not null, until a positive cap is seen: a number-or-null variable boxes every assignment.
  let capOnCutoff = Number.NaN;
  let runStart = -1, lastSuspended = -1, rec = 0;
  for (let i = w.start; i < end; i++) {
    const slotOfDay = 2 * i;
    while (rec < n && at[rec]! < slotOfDay) rec++;
    while (q < ffAt.length && ffAt[q]! <= i) ff = ffValue[q++]!;
    if (rec >= n || at[rec] !== slotOfDay) {
      if (i >= iFirst && i < iDelisted) {
        gaps++;
        if (firstGap < 0) firstGap = i;
      }
      continue;
    }
    if (suspended[rec] === 1) {
      if (runStart < 0) runStart = i;
      lastSuspended = i;
      continue;
    }
    // `i >= iWindow` first: a comparison that runs on every day, so the optimized loop has seen it.
    if (i >= iWindow && runStart >= 0 && wasProlonged(days, runStart, lastSuspended, prolongedMonths)) {
      // §3: treated as if listed on the day it resumed.
      restartAt = i;
      iFirst = i;
      capSum = 0; used = 0; gaps = 0; firstGap = -1; nv = 0;
      lastCap.fill(NaN); monthStart.fill(-1);
    }
    runStart = -1;
    const cap = marketCapHkd[rec]!;
    const turnover = turnoverHkd[rec]!;
    if (cap > 0) capOnCutoff = cap;
    if (i >= iWvr) {
      wvrCapSum += cap; wvrDays++; wvrTurnover += turnover;
    }
    if (i < iFirst) continue;
    capSum += cap;
    used++;
    const slot = monthOfDay[i]! - baseMonth;
    lastCap[slot] = cap;
    if (cap > 0) {
      if (monthStart[slot] === -1) monthStart[slot] = nv;
      velocities[nv++] = turnover / (cap * ff);
      monthEnd[slot] = nv;
    }
  }
  return { capSum, used, gaps, firstGap, nv, wvrCapSum, wvrDays, wvrTurnover, capOnCutoff, runStart, restartAt };
}

/**
 * Per month slot with velocities, their median and count (§5). On its own for the reason walkDays is:
 * a small function is optimized after a few securities, and until then every double is boxed.
 */
function monthMedians(velocities: Float64Array, monthStart: Int32Array, monthEnd: Int32Array, median: Float64Array, count: Int32Array): void {
  for (let k = 0; k < median.length; k++) {
    if (monthStart[k] === -1) continue;
    count[k] = monthEnd[k]! - monthStart[k]!;
    median[k] = medianOf(velocities, monthStart[k]!, monthEnd[k]!);
  }
}

/**
 * §3: the suspension from day `first` to day `last` lasted at least `months`. Its own function: the
 * comparison first runs late in a review (only a security resuming inside its window gets here), and
 * inside the optimized loop, met without type feedback, it threw the scan back to the interpreter
 * (and ~40 ms of recompiling).
 */
function wasProlonged(days: readonly IsoDate[], first: number, last: number, months: number): boolean {
  return days[first]! <= shiftMonths(days[last]!, -months);
}

const NO_CHANGES_AT = new Int32Array(0);
const NO_CHANGES_VALUE = new Float64Array(0);

interface WindowPositions { readonly end: number; readonly iWindow: number; readonly iWvr: number }

/**
 * Calendar positions of the window bounds: the same for every security of a review, so the last
 * answer is kept (each costs two date computations and three binary searches over date strings,
 * ~15 ms a screen when done 2,700 times).
 */
const windowPositions = keepLast((calendar: TradingCalendar, cutoff: IsoDate, windowStartExclusive: IsoDate, wvrStartExclusive: IsoDate): WindowPositions => ({
  end: calendar.lowerBound(cutoff) + (calendar.isTradingDay(cutoff) ? 1 : 0),
  iWindow: calendar.lowerBound(shiftDays(windowStartExclusive, 1)),
  iWvr: calendar.lowerBound(shiftDays(wvrStartExclusive, 1)),
}));

/** The window's first day, the same for every security listed before it: computed once a review. */
const dayAfter = keepLast((date: IsoDate): IsoDate => shiftDays(date, 1));

/*
 * Scratch arrays for the scan, reused from one security to the next: they never leave scanSeries, and
 * allocating them per call was ~10 MB a screen of short-lived typed arrays for the garbage collector.
 * The rules are synchronous, so one set serves every call.
 */
let velocityScratch = new Float64Array(512);
const intScratch = [new Int32Array(16), new Int32Array(16)];

function scratchVelocities(n: number): Float64Array {
  if (velocityScratch.length < n) velocityScratch = new Float64Array(Math.max(n, velocityScratch.length * 2));
  return velocityScratch;
}

function scratchInts(which: 0 | 1, n: number): Int32Array {
  if (intScratch[which]!.length < n) intScratch[which] = new Int32Array(Math.max(n, intScratch[which]!.length * 2));
  return intScratch[which]!.subarray(0, n);
}

/**
 * Median of values[from..to) (non-empty), sorted in place by insertion sort (a month holds ~22
 * values; cheaper than a typed-array sort call): the middle value, or the mean of the two middle ones.
 */
export function medianOf(values: Float64Array, from = 0, to = values.length): number {
  for (let i = from + 1; i < to; i++) {
    const v = values[i]!;
    let j = i - 1;
    while (j >= from && values[j]! > v) {
      values[j + 1] = values[j]!;
      j--;
    }
    values[j + 1] = v;
  }
  const count = to - from;
  const mid = from + (count >>> 1);
  return count % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
