import { readFile } from 'node:fs/promises';
import type { Store } from '../db/connection.js';
import {
  findLatestSucceededRun, findReusableRunRow, insertRunStart, readRunResultJson, recordRunFailure, recordRunSuccess,
} from '../db/repositories/runs.js';
import { isIsoDate } from '../domain/dates.js';
import { JobError, UsageError } from '../domain/errors.js';
import type { IsoDate, RecordedReviewResult, ReviewKind, ReviewResult } from '../domain/types.js';
import { applyOverrides, DEFAULT_METHODOLOGY_ID, getMethodology } from '../methodology/index.js';
import type { Methodology } from '../methodology/types.js';
import { computeSecurityMetrics, effectiveDateFor, reviewKindOf } from '../rules/index.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { calendarReachWarnings } from '../screen/calendar-reach.js';
import { checkDataSufficiency } from '../screen/data-sufficiency.js';
import { inferredListingWarning } from '../screen/inferred-listing.js';
import { describeCapJumps, findCapJumps } from '../ingest/day-over-day.js';
import { addMonths } from '../domain/dates.js';
import { screenReview } from '../screen/screen-review.js';
import type { TradingCalendar } from '../domain/calendar.js';
import { loadCalendar, loadSnapshot, seriesOf, type ReviewSnapshot } from './load-snapshot.js';

export interface RunReviewOptions {
  readonly cutoff: IsoDate;
  readonly effectiveDate?: IsoDate;
  readonly methodology?: string;
  /** A JSON file of methodology overrides (applyOverrides). */
  readonly overridesFile?: string;
  readonly trigger: 'cli' | 'schedule';
  /** `--strict-data`: a data sufficiency warning fails the run (exit 1) instead of being reported. */
  readonly strictData?: boolean;
  /** The run's start instant (the injected clock). */
  readonly now: Date;
}

export interface ReviewRunResult {
  readonly runId: number;
  readonly result: ReviewResult;
  readonly fingerprint: string;
}

/** The methodology of a run: a built-in by id, with the overrides file applied when given (UsageError on bad input). */
export async function resolveMethodology(id: string | undefined, overridesFile: string | undefined): Promise<Methodology> {
  const base = getMethodology(id ?? DEFAULT_METHODOLOGY_ID);
  if (overridesFile === undefined) return base;
  let text: string;
  try {
    text = await readFile(overridesFile, 'utf8');
  } catch {
    throw new UsageError(`cannot read the overrides file ${overridesFile}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${overridesFile} is not valid JSON: ${(err as Error).message}`);
  }
  return applyOverrides(base, json, overridesFile);
}

/** What a review is about: the methodology, the calendar, the kind and E (docs/methodology.md §1). */
export interface ReviewPlan {
  readonly methodology: Methodology;
  readonly calendar: TradingCalendar;
  readonly kind: ReviewKind;
  readonly effectiveDate: IsoDate;
}

export async function planReview(store: Store, options: Pick<RunReviewOptions, 'cutoff' | 'effectiveDate' | 'methodology' | 'overridesFile'>): Promise<ReviewPlan> {
  if (!isIsoDate(options.cutoff)) throw new UsageError(`the cut-off "${options.cutoff}" is not a date of the form YYYY-MM-DD`);
  if (options.effectiveDate !== undefined && !isIsoDate(options.effectiveDate)) {
    throw new UsageError(`the effective date "${options.effectiveDate}" is not a date of the form YYYY-MM-DD`);
  }
  // docs/methodology.md §1: changes take effect after the cut-off; an E on or before C is a typo, not an override.
  if (options.effectiveDate !== undefined && options.effectiveDate <= options.cutoff) {
    throw new UsageError(`the effective date ${options.effectiveDate} is not after the cut-off ${options.cutoff}`);
  }
  const methodology = await resolveMethodology(options.methodology, options.overridesFile);
  const calendar = loadCalendar(store);
  const kind = reviewKindOf(options.cutoff, methodology);
  const effectiveDate = effectiveDateFor(options.cutoff, calendar, methodology, options.effectiveDate);
  return { methodology, calendar, kind, effectiveDate };
}

/** The data sufficiency checks (screen/data-sufficiency.ts) over the snapshot's averaging window. */
function checkSnapshotData(snapshot: ReviewSnapshot, plan: ReviewPlan, cutoff: IsoDate, rankedCount: number): string[] {
  const windowDays = plan.calendar.between(addMonths(cutoff, -plan.methodology.averaging.windowMonths), cutoff);
  return checkDataSufficiency({
    cutoff, cutoffTradingDay: snapshot.cutoffTradingDay, windowDays, securities: snapshot.securities, series: snapshot.series,
    hsciBefore: snapshot.hsciBefore, rankedCount, methodology: plan.methodology,
  });
}

/** Plausibility (ingest/day-over-day.ts): implausible day-over-day moves inside the averaging window. */
function plausibilityWarnings(snapshot: ReviewSnapshot, plan: ReviewPlan, cutoff: IsoDate): string[] {
  const factor = plan.methodology.dataQuality.maxDayOverDayFactor;
  const from = addMonths(cutoff, -plan.methodology.averaging.windowMonths);
  const jumps = snapshot.securities.flatMap((s) => findCapJumps(s.code, seriesOf(snapshot, s.code), factor, from, cutoff));
  return describeCapJumps(jumps, factor);
}

/** Per-security metrics of every screened security (rules/), in code order. */
export function computeAllMetrics(snapshot: ReviewSnapshot, plan: ReviewPlan, cutoff: IsoDate): SecurityMetrics[] {
  return snapshot.securities.map((attrs) => computeSecurityMetrics({
    attrs, changes: snapshot.changes.get(attrs.code) ?? [], series: seriesOf(snapshot, attrs.code), calendar: plan.calendar,
    cutoff, effectiveDate: plan.effectiveDate, methodology: plan.methodology,
  }));
}

/** A review computed and not (yet) recorded. */
export interface ComputedReview {
  readonly result: ReviewResult;
  readonly fingerprint: string;
  readonly metrics: SecurityMetrics[];
  readonly plan: ReviewPlan;
  /** The data sufficiency warnings among `result.warnings` (what `--strict-data` makes fatal). */
  readonly dataWarnings: string[];
}

/** Loads, computes and screens without recording anything (explain, diff, benchmarks). */
export async function computeReview(
  store: Store,
  options: Pick<RunReviewOptions, 'cutoff' | 'effectiveDate' | 'methodology' | 'overridesFile'>,
  planned?: ReviewPlan,
): Promise<ComputedReview> {
  const plan = planned ?? await planReview(store, options);
  const snapshot = await loadSnapshot(store, { cutoff: options.cutoff, effectiveDate: plan.effectiveDate, kind: plan.kind, methodology: plan.methodology, calendar: plan.calendar });
  const metrics = computeAllMetrics(snapshot, plan, options.cutoff);
  const warnings = [
    ...snapshot.warnings, ...calendarReachWarnings(plan.calendar.last, plan.effectiveDate, metrics), ...metrics.flatMap((x) => x.warnings),
  ];
  const result = screenReview({
    cutoff: options.cutoff, effectiveDate: plan.effectiveDate, kind: plan.kind, methodology: plan.methodology, metrics,
    hsciBefore: snapshot.hsciBefore, southboundBefore: snapshot.southboundBefore, warnings,
  });
  const dataWarnings = checkSnapshotData(snapshot, plan, options.cutoff, result.decisions.filter((d) => d.rank !== null).length);
  const inferred = inferredListingWarning({ result, metrics, securities: snapshot.securities });
  if (inferred !== null) result.warnings.push(inferred);
  // The data's own warnings first: they say whether anything below them can be trusted.
  result.warnings = [...dataWarnings, ...plausibilityWarnings(snapshot, plan, options.cutoff), ...result.warnings];
  return { result, fingerprint: snapshot.fingerprint, metrics, plan, dataWarnings };
}

/**
 * The review job (docs/methodology.md §1-§9): plans the review, loads the snapshot in force on C, computes the
 * per-security metrics, screens, and records the run (`running` -> `succeeded` / `failed`) with its
 * inputs fingerprint, result (encodeRunResult) and `run_changes`. A failure is recorded, then rethrown.
 * `computed`: a review of the same options already computed (diff), recorded as it is.
 */
export async function runReview(store: Store, options: RunReviewOptions, computed?: ComputedReview): Promise<ReviewRunResult> {
  const plan = computed?.plan ?? await planReview(store, options);
  const clockStart = performance.now();
  const finishedAt = () => new Date(options.now.getTime() + Math.round(performance.now() - clockStart)).toISOString();
  const runId = await insertRunStart(store.db, {
    cutoff: options.cutoff, kind: plan.kind, effectiveDate: plan.effectiveDate, methodology: plan.methodology.id,
    startedAt: options.now.toISOString(), trigger: options.trigger,
  });
  try {
    const { result, fingerprint, dataWarnings } = computed ?? await computeReview(store, options, plan);
    if (options.strictData && dataWarnings.length > 0) {
      const more = dataWarnings.length > 1 ? ` (and ${dataWarnings.length - 1} more data warning(s))` : '';
      throw new JobError(`--strict-data: the store's data is not sufficient for the review of ${options.cutoff}: ${dataWarnings[0]}${more}`);
    }
    await recordRunSuccess(store.db, runId, finishedAt(), fingerprint, result);
    return { runId, result, fingerprint };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await recordRunFailure(store.db, runId, finishedAt(), message, null);
    if (err instanceof JobError || err instanceof UsageError) throw err;
    throw new JobError(`the review of ${options.cutoff} failed: ${message}`);
  }
}

/** The latest succeeded run with the same cut-off, methodology id and inputs fingerprint, or null. */
export async function findReusableRun(store: Store, cutoff: IsoDate, methodologyId: string, fingerprint: string): Promise<number | null> {
  return findReusableRunRow(store.db, cutoff, methodologyId, fingerprint);
}

/** The latest succeeded run of a cut-off (optionally for one methodology), or null. */
export async function findLatestRun(store: Store, cutoff: IsoDate, methodologyId?: string): Promise<number | null> {
  return findLatestSucceededRun(store.db, cutoff, methodologyId);
}

/** The result a run recorded (its decisions without their checks); JobError when the run has none (still running, or failed). */
export async function loadRunResult(store: Store, runId: number): Promise<RecordedReviewResult> {
  const json = await readRunResultJson(store.db, runId);
  if (json === null) throw new JobError(`run ${runId} has no recorded result`);
  return JSON.parse(json) as RecordedReviewResult;
}
