import { addDaysUtc as addDays, addMonthsUtc as addMonths } from './utc-dates.js';
import type { IsoDate } from '../../src/domain/types.js';
import type { SampleSeries } from './simulate.js';
import type { SampleSpec } from './types.js';

/**
 * A simplified reading of docs/methodology.md §3-§5 and §7.3, enough to build believable "lists in force" for the
 * sample (the real rules live in src/rules; this only shapes synthetic data and never decides a review).
 */
export interface CutoffMetrics {
  avgMarketCapHkd: number;
  tradingDays: number;
  liquid: boolean;
  suspendedOnCutoff: boolean;
  longSuspended: boolean;
  avgMarketCap183Hkd: number;
  turnover183Hkd: number;
}

export const VELOCITY_LINE = 0.0005;

/** The fixed bounds of one cut-off over the sample's days, computed once for all securities. */
export interface CutoffWindow {
  cutoff: IsoDate;
  windowStart: IsoDate;
  /** Index of the first day inside (C - 12 months, C], of the first inside (C - 183 days, C], and one past C. */
  first: number;
  first183: number;
  end: number;
  longLine: IsoDate;
  /** Month number (year * 12 + month) per day index. */
  monthOfDay: Int32Array;
}

export function makeCutoffWindow(days: readonly IsoDate[], cutoff: IsoDate): CutoffWindow {
  const windowStart = addMonths(cutoff, -12);
  const start183 = addDays(cutoff, -183);
  const firstAfter = (d: IsoDate) => { const i = days.findIndex((x) => x > d); return i < 0 ? days.length : i; };
  const monthOfDay = Int32Array.from(days, (d) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1);
  return { cutoff, windowStart, first: firstAfter(windowStart), first183: firstAfter(start183), end: firstAfter(cutoff), longLine: addMonths(cutoff, -3), monthOfDay };
}

const buffer = new Float64Array(64);

function medianOf(n: number): number {
  const s = buffer.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** §5 pass rule with n months counted. */
function passesLiquidity(passed: boolean[]): boolean {
  const n = passed.length;
  const fails = passed.filter((p) => !p).length;
  if (n >= 12) return fails <= 2 && passed.slice(-6).filter((p) => p).length >= 5;
  if (n >= 7) return fails <= 1;
  return fails === 0;
}

function monthNumber(d: IsoDate): number { return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1; }

export function computeCutoffMetrics(spec: SampleSpec, s: SampleSeries, w: CutoffWindow): CutoffMetrics {
  const freeFloat = spec.freeFloat ?? 1;
  const firstMonth = spec.listingDate > w.windowStart ? monthNumber(spec.listingDate) : monthNumber(addDays(w.windowStart, 1));
  const lastMonth = monthNumber(w.cutoff);
  const passed: boolean[] = Array.from({ length: Math.max(0, lastMonth - firstMonth + 1) }, () => false);
  let sum = 0, count = 0, sum183 = 0, count183 = 0, turnover183 = 0, lastIndex = -1, month = -1, inMonth = 0;
  const closeMonth = () => { if (month >= firstMonth && inMonth > 0) passed[month - firstMonth] = medianOf(inMonth) >= VELOCITY_LINE; };
  for (let i = w.first; i < w.end; i++) {
    if (!s.present[i]) continue;
    lastIndex = i;
    if (s.suspended[i]) continue;
    const cap = s.marketCapHkd[i]!;
    sum += cap; count++;
    if (w.monthOfDay[i] !== month) { closeMonth(); month = w.monthOfDay[i]!; inMonth = 0; }
    buffer[inMonth++] = cap > 0 ? s.turnoverHkd[i]! / (cap * freeFloat) : 0;
    if (i >= w.first183) { sum183 += cap; count183++; turnover183 += s.turnoverHkd[i]!; }
  }
  closeMonth();
  const suspendedOnCutoff = lastIndex >= 0 && s.suspended[lastIndex] === 1;
  let longSuspended = false;
  if (suspendedOnCutoff) {
    let j = lastIndex;
    while (j > 0 && s.suspended[j - 1] === 1) j--;
    longSuspended = s.days[j]! <= w.longLine;
  }
  return {
    avgMarketCapHkd: count > 0 ? sum / count : 0,
    tradingDays: count,
    liquid: count > 0 && passesLiquidity(passed),
    suspendedOnCutoff,
    longSuspended,
    avgMarketCap183Hkd: count183 > 0 ? sum183 / count183 : 0,
    turnover183Hkd: turnover183,
  };
}
