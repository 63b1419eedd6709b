import type { Store } from '../db/connection.js';
import type { IsoDate, ReviewResult } from '../domain/types.js';
import type { ReviewCutoffs } from './schedule-plan.js';
import type { RenderReviewFn } from './schedule-reports.js';
import type { CollectOptions } from './schedule-collect.js';

/** What the scheduler asks of a review run (the signature of `runReview` in src/jobs/run-review.ts). */
export interface ReviewRequest {
  readonly cutoff: IsoDate;
  readonly effectiveDate?: IsoDate;
  readonly methodology?: string;
  readonly trigger: 'cli' | 'schedule';
  readonly now: Date;
}

/** A finished review run; the review function records it in `runs` itself (running -> succeeded / failed). */
export interface ReviewRun {
  readonly runId: number;
  readonly result: ReviewResult;
  readonly fingerprint: string;
}

/** Runs and records one review; throws (after recording the failure) when the run fails. */
export type RunReviewFn = (store: Store, request: ReviewRequest) => Promise<ReviewRun>;

/** Everything one scheduler pass needs, injected: the clock, the review and render functions, the settings. */
export interface SchedulePassOptions {
  /** The clock; read once for the pass's decisions and again for each log line. */
  readonly now: () => Date;
  readonly runReview: RunReviewFn;
  readonly render: RenderReviewFn;
  /** Cut-off days as `MM-DD`, from the methodology (docs/methodology.md §1). */
  readonly cutoffs: ReviewCutoffs;
  readonly reportsDir: string;
  /** The data-complete fraction (see `isDayComplete`); default `DEFAULT_COMPLETE_FRACTION`. */
  readonly minCompleteFraction?: number;
  /** `--collect`: fetch the daily quotations and the lists before looking at the review (schedule-collect.ts). */
  readonly collect?: CollectOptions;
  /** Also run a daily preview of the next review on the latest complete day. */
  readonly preview?: boolean;
  readonly methodology?: string;
  /** Lock holder id (default from `makeLockHolder`) and time-to-live. */
  readonly lockHolder?: string;
  readonly lockTtlMs?: number;
  /**
   * One readable line per event, without a trailing newline, stamped with the Hong Kong time.
   * `quiet` is true for status lines (done, waiting, busy) that repeat on every tick.
   */
  readonly log: (line: string, quiet: boolean) => void;
}

export const DEFAULT_COMPLETE_FRACTION = 0.9;

/** What one step (the review, or the preview) of a pass came to. */
export type StepOutcome =
  | { readonly status: 'none'; readonly reason: string }
  | { readonly status: 'done'; readonly cutoff: IsoDate; readonly runId: number }
  | { readonly status: 'waiting'; readonly cutoff: IsoDate; readonly reason: string }
  | { readonly status: 'busy'; readonly cutoff: IsoDate; readonly holder: string }
  | {
      readonly status: 'ran'; readonly cutoff: IsoDate; readonly kind: string; readonly runId: number;
      readonly files: string[]; readonly reportErrors: string[];
    }
  | { readonly status: 'failed'; readonly cutoff: IsoDate; readonly runId: number; readonly error: string };

export interface PassOutcome {
  readonly review: StepOutcome;
  readonly preview?: StepOutcome;
  /** False when a run failed or a report could not be written (`schedule --once` then exits 1). */
  readonly ok: boolean;
}
