import { addMonths } from '../src/domain/dates.js';
import type { ReviewDates } from './measure-market.js';

/** The last semi-annual cut-off (30 June or 31 December) on or before `lastDay`. */
export function lastSemiAnnualCutoff(lastDay: string): string {
  const year = Number(lastDay.slice(0, 4));
  const candidates = [`${year}-12-31`, `${year}-06-30`, `${year - 1}-12-31`];
  return candidates.find((c) => c <= lastDay)!;
}

const CUTOFF_DAYS = new Set(['03-31', '06-30', '09-30', '12-31']);

/**
 * The dates of the benchmarked review on data ending at `lastDay`: the cut-off, a preview date
 * (the 10th trading day before C, stepping back past any quarter end) and the lists' as-of date.
 */
export function chooseReviewDates(tradingDays: readonly string[], lastDay: string, code: string): ReviewDates {
  const cutoff = lastSemiAnnualCutoff(lastDay);
  const before = tradingDays.filter((d) => d < cutoff);
  let i = before.length - 10;
  while (i > 0 && CUTOFF_DAYS.has(before[i]!.slice(5))) i -= 1;
  const preview = before[Math.max(0, i)];
  if (!preview) throw new RangeError(`no trading days before the cut-off ${cutoff}`);
  return { cutoff, preview, windowFrom: addMonths(cutoff, -12), listsAsOf: addMonths(cutoff, -4), code };
}
