import type { Store } from '../db/connection.js';
import { hongKongDateOf } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';
import { DEFAULT_LOCK_TTL_MS, makeLockHolder, REVIEW_LOCK, withJobLock } from './job-lock.js';
import { checkCutoffData, findLatestCompleteDay, readTradingDaysOnOrBefore } from './schedule-data.js';
import { findLatestPassedCutoff, formatHongKongInstant, type DueCutoff } from './schedule-plan.js';
import { writeRunReports } from './schedule-reports.js';
import { runCollect } from './schedule-collect.js';
import {
  closeAbandonedScheduledRuns, findScheduledSuccess, readLastRunId, recordScheduledFailure,
} from './schedule-runs.js';
import {
  DEFAULT_COMPLETE_FRACTION, type PassOutcome, type ReviewRun, type SchedulePassOptions, type StepOutcome,
} from './schedule-types.js';

/**
 * One scheduler pass (issue 6): run the most recent passed review once its data is complete, under
 * the review lock, and write its reports; optionally a daily preview. Safe to call at any time and
 * from several processes at once: a review already done is not run again, and the lock admits one.
 * With `collect`, the pass first fetches what is due (a refused or failed fetch is logged and
 * recorded; it does not fail the pass: the next pass tries again).
 */
export async function runSchedulePass(store: Store, options: SchedulePassOptions): Promise<PassOutcome> {
  const todayHk = hongKongDateOf(options.now());
  const fraction = options.minCompleteFraction ?? DEFAULT_COMPLETE_FRACTION;
  // Collected first, so a cut-off's report fetched in this pass counts for the review in this pass.
  if (options.collect) await runCollect(store, options.collect, options.now, (m) => say(options, m));
  const due = findLatestPassedCutoff(todayHk, options.cutoffs);
  const review = due ? await runDueReview(store, due, fraction, options) : { status: 'none', reason: 'no cut-off has passed' } as const;
  const preview = options.preview ? await runPreview(store, todayHk, due, fraction, options) : undefined;
  const ok = [review, preview].every((s) => !s || (s.status !== 'failed' && !(s.status === 'ran' && s.reportErrors.length > 0)));
  return preview ? { review, preview, ok } : { review, ok };
}

/** Logs one event; `quiet` marks a status line (done, waiting, busy) that a long-running loop may show once. */
function say(options: SchedulePassOptions, message: string, quiet = false): void {
  options.log(`${formatHongKongInstant(options.now())} ${message}`, quiet);
}

async function runDueReview(store: Store, due: DueCutoff, fraction: number, options: SchedulePassOptions): Promise<StepOutcome> {
  const label = `${due.kind} review ${due.cutoff}`;
  const done = await findScheduledSuccess(store, due.cutoff, false);
  if (done) {
    say(options, `nothing to do: ${label} done in run ${done.id}`, true);
    return { status: 'done', cutoff: due.cutoff, runId: done.id };
  }
  const data = checkCutoffData(store, due.cutoff, fraction);
  if (!data.ready) {
    say(options, `${label}: ${data.reason}`, true);
    return { status: 'waiting', cutoff: due.cutoff, reason: data.reason };
  }
  return runLocked(store, { cutoff: due.cutoff, kind: due.kind, label, preview: false }, options);
}

/**
 * The daily preview: the next review as of the latest trading day with complete data, once per
 * such day (a succeeded scheduled run of kind `preview` for that date counts as done). A day that
 * the latest passed review already covers, or that is itself a cut-off, is left to the review.
 */
async function runPreview(
  store: Store, todayHk: IsoDate, due: DueCutoff | null, fraction: number, options: SchedulePassOptions,
): Promise<StepOutcome> {
  const day = findLatestCompleteDay(store, todayHk, fraction);
  if (!day) {
    say(options, 'preview: waiting for a trading day with complete data', true);
    return { status: 'waiting', cutoff: todayHk, reason: 'no recent trading day has complete data' };
  }
  const coveredTo = due ? readTradingDaysOnOrBefore(store, due.cutoff, 1)[0] : undefined;
  const mmdd = day.slice(5);
  if ((coveredTo && day <= coveredTo) || [...options.cutoffs.semiAnnual, ...options.cutoffs.quarterly].includes(mmdd)) {
    return { status: 'none', reason: `${day} is covered by a review` };
  }
  const done = await findScheduledSuccess(store, day, true);
  if (done) return { status: 'done', cutoff: day, runId: done.id };
  return runLocked(store, { cutoff: day, kind: 'preview', label: `preview as of ${day}`, preview: true }, options);
}

interface RunPlan { cutoff: IsoDate; kind: string; label: string; preview: boolean }

async function runLocked(store: Store, plan: RunPlan, options: SchedulePassOptions): Promise<StepOutcome> {
  const holder = options.lockHolder ?? makeLockHolder('schedule');
  const lock = { name: REVIEW_LOCK, holder, now: options.now(), ttlMs: options.lockTtlMs ?? DEFAULT_LOCK_TTL_MS };
  const outcome = await withJobLock(store, lock, async (): Promise<StepOutcome> => {
    for (const id of await closeAbandonedScheduledRuns(store, options.now().toISOString())) {
      say(options, `run ${id} was left running by a stopped process; marked failed`);
    }
    // Checked again under the lock: another process may have finished this run since the first look.
    const done = await findScheduledSuccess(store, plan.cutoff, plan.preview);
    if (done) return { status: 'done', cutoff: plan.cutoff, runId: done.id };
    return runAndReport(store, plan, options);
  });
  if (outcome.acquired) return outcome.value;
  const until = outcome.expiresAt ? `, until ${formatHongKongInstant(new Date(outcome.expiresAt))}` : '';
  say(options, `${plan.label}: another run holds the review lock (${outcome.holder}${until}); will retry`, true);
  return { status: 'busy', cutoff: plan.cutoff, holder: outcome.holder };
}

async function runAndReport(store: Store, plan: RunPlan, options: SchedulePassOptions): Promise<StepOutcome> {
  const lastId = await readLastRunId(store);
  const startedAt = options.now();
  say(options, `starting ${plan.label}`);
  let run: ReviewRun;
  try {
    run = await options.runReview(store, {
      cutoff: plan.cutoff, trigger: 'schedule', now: startedAt,
      ...(options.methodology ? { methodology: options.methodology } : {}),
    });
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const runId = await recordScheduledFailure(store, lastId, {
      cutoff: plan.cutoff, kind: plan.kind, methodology: options.methodology ?? 'default', error,
      startedAt: startedAt.toISOString(), finishedAt: options.now().toISOString(),
    });
    say(options, `run ${runId} failed: ${plan.label}: ${error.replace(/\.$/, '')}; will retry on the next pass`);
    return { status: 'failed', cutoff: plan.cutoff, runId, error };
  }
  say(options, `run ${run.runId} succeeded: ${plan.label}`);
  // The run stands even when a report cannot be written: the failure is logged and the pass is not ok.
  const written = writeRunReports(options.reportsDir, plan.preview ? 'preview' : 'review', run.runId, run.result, options.render);
  if (written.files.length > 0) say(options, `run ${run.runId} reports: ${written.files.join(', ')}`);
  for (const e of written.errors) say(options, `run ${run.runId} error: ${e}`);
  return {
    status: 'ran', cutoff: plan.cutoff, kind: run.result.kind, runId: run.runId,
    files: written.files, reportErrors: written.errors,
  };
}

/** One sentence for a pass that was not ok (a run failed, or its reports were not written). */
export function describePassFailure(outcome: PassOutcome): string {
  for (const step of [outcome.review, outcome.preview]) {
    if (step?.status === 'failed') return `scheduled run ${step.runId} for ${step.cutoff} failed: ${step.error.replace(/\.$/, '')}.`;
    if (step?.status === 'ran' && step.reportErrors.length > 0) return `run ${step.runId}: ${step.reportErrors[0]}`;
  }
  return 'the scheduled pass failed.';
}
