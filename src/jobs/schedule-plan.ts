import { DateTime } from 'luxon';
import { HK_ZONE } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';

/**
 * The scheduler's pure decisions (issue 6): which cut-off is due, whether a day's data is complete,
 * how reports are named and how log lines are stamped. No clock, no database, no files.
 */

/** The review cut-offs as `MM-DD`, read from the methodology (docs/methodology.md §1). */
export interface ReviewCutoffs {
  readonly semiAnnual: readonly string[];
  readonly quarterly: readonly string[];
}

export type ScheduledReviewKind = 'semi-annual' | 'quarterly';

export interface DueCutoff {
  readonly cutoff: IsoDate;
  readonly kind: ScheduledReviewKind;
}

/**
 * The most recent cut-off that has passed on `todayHk`: C has passed once its day is over, so
 * C < today (docs/methodology.md §1: "a run can be made on any day after C"). Only this one is considered:
 * catching up on start means the latest review, not every review in history.
 */
export function findLatestPassedCutoff(todayHk: IsoDate, cutoffs: ReviewCutoffs): DueCutoff | null {
  const year = Number(todayHk.slice(0, 4));
  let best: DueCutoff | null = null;
  for (const y of [year - 1, year]) {
    for (const [kind, days] of [['semi-annual', cutoffs.semiAnnual], ['quarterly', cutoffs.quarterly]] as const) {
      for (const mmdd of days) {
        const cutoff = `${y}-${mmdd}`;
        if (cutoff < todayHk && (best === null || cutoff > best.cutoff)) best = { cutoff, kind };
      }
    }
  }
  return best;
}

/** Day counts behind the data-complete rule. */
export interface DayCounts {
  /** Daily rows on the day in question. */
  readonly rowsOnDay: number;
  /** Daily rows on the trading day before it (the baseline of "listed securities"). */
  readonly rowsOnPreviousDay: number;
}

/**
 * The data-complete rule: a trading day's data is complete when it has at least one daily row and
 * at least `minFraction` as many rows as the trading day before it (default 0.9: 90 rows of a
 * 100-security market, not 89). With no rows on the previous day, any row counts as complete.
 */
export function isDayComplete(counts: DayCounts, minFraction: number): boolean {
  if (counts.rowsOnDay <= 0) return false;
  return counts.rowsOnDay >= minFraction * counts.rowsOnPreviousDay;
}

/** Dated report file names: `review-2026-06-30-run12.json`; previews `preview-2026-07-15-run14.json`. */
export function reportFileName(kind: 'review' | 'preview', cutoff: IsoDate, runId: number, ext: string): string {
  return `${kind}-${cutoff}-run${runId}.${ext}`;
}

export { formatHongKongInstant } from '../domain/dates.js';

/**
 * Parses `--now`: an ISO date-time (or date), read in Asia/Hong_Kong when it carries no offset.
 * Returns null when it is not a valid instant.
 */
export function parseClockInstant(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const dt = DateTime.fromISO(text, { zone: HK_ZONE, setZone: false });
  return dt.isValid ? dt.toJSDate() : null;
}
