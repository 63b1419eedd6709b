import type { Store } from '../db/connection.js';
import { readDailyHistory } from '../db/repositories/daily-reads.js';
import { addDays, isIsoDate } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import type { IsoDate, ReviewResult } from '../domain/types.js';
import { PREVIEW_PARAMS, type PreviewParams } from '../methodology/preview-params.js';
import { computeSecurityMetrics } from '../rules/index.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { extendSeries } from '../screen/extend-series.js';
import { inferredListingWarning } from '../screen/inferred-listing.js';
import { screenReview } from '../screen/screen-review.js';
import { closeCallsOf, liquidityCallsOf, type PreviewFacts } from '../screen/what-it-takes.js';
import { loadSnapshot, seriesOf, type ReviewSnapshot } from './load-snapshot.js';
import { planReview, type ReviewPlan, type RunReviewOptions } from './run-review.js';

export interface PreviewOptions extends Pick<RunReviewOptions, 'cutoff' | 'effectiveDate' | 'methodology' | 'overridesFile'> {
  /** The data date D: nothing after it is read. */
  readonly asOf: IsoDate;
  readonly params?: PreviewParams;
}

/** A preview computed from the store, with what the odds and flows build on. */
export interface ComputedPreview {
  readonly result: ReviewResult;
  readonly plan: ReviewPlan;
  readonly snapshot: ReviewSnapshot;
  /** Metrics at C of every screened security, its remaining days carried forward. */
  readonly metrics: SecurityMetrics[];
  readonly facts: ReadonlyMap<string, PreviewFacts>;
  /** The trading days after D up to C. */
  readonly future: readonly IsoDate[];
}

/**
 * `screen --cutoff C --as-of D` (docs/previews.md): review C as the data up to D sees it. Reads the
 * store as of D (lists in force, securities listed, dated changes, daily rows), carries each series
 * forward over the trading days left to C (screen/extend-series.ts), then runs the review of C as it
 * would run: same rules, same kind and effective date. Adds what each close call needs. Records no run.
 */
export async function computePreview(store: Store, options: PreviewOptions): Promise<ComputedPreview> {
  const { cutoff, asOf } = options;
  const params = options.params ?? PREVIEW_PARAMS;
  if (!isIsoDate(asOf)) throw new UsageError(`--as-of "${asOf}" is not a date of the form YYYY-MM-DD.`);
  if (asOf >= cutoff) throw new UsageError(`--as-of ${asOf} is not before the cut-off ${cutoff}; a review with all its data is plain screen --cutoff.`);
  const plan = await planReview(store, options);
  const snapshot = await loadSnapshot(store, { cutoff: asOf, effectiveDate: plan.effectiveDate, kind: plan.kind, methodology: plan.methodology, calendar: plan.calendar });
  const future = plan.calendar.between(asOf, cutoff);
  const facts = new Map<string, PreviewFacts>();
  const metrics = snapshot.securities.map((attrs) => {
    const extended = extendSeries(seriesOf(snapshot, attrs.code), future, params.turnoverLookbackDays);
    facts.set(attrs.code, { futureDays: extended.futureDays, lastClose: null });
    const changes = (snapshot.changes.get(attrs.code) ?? []).filter((c) => c.date <= asOf);
    return computeSecurityMetrics({
      attrs, changes, series: extended.series, calendar: plan.calendar, cutoff, effectiveDate: plan.effectiveDate, methodology: plan.methodology,
    });
  });
  const assumption = `a preview of the ${plan.kind} review of ${cutoff} with data up to ${asOf}: the ${future.length} trading day(s) left are assumed to repeat each name's last day (its cap and suspension, its median turnover of the last ${params.turnoverLookbackDays} days)`;
  const warnings = [assumption, ...snapshot.warnings, ...metrics.flatMap((x) => x.warnings)];
  const result = screenReview({
    cutoff, effectiveDate: plan.effectiveDate, kind: plan.kind, methodology: plan.methodology, metrics,
    hsciBefore: snapshot.hsciBefore, southboundBefore: snapshot.southboundBefore, warnings,
  });
  const inferred = inferredListingWarning({ result, metrics, securities: snapshot.securities });
  if (inferred !== null) result.warnings.push(inferred);
  const byCode = new Map(metrics.map((x) => [x.code, x]));
  for (const b of result.borderline) {
    const f = facts.get(b.code);
    if (f !== undefined && f.lastClose === null) facts.set(b.code, { ...f, lastClose: lastCloseOf(store, b.code, asOf) });
  }
  result.preview = {
    asOf, tradingDaysLeft: future.length, assumption,
    closeCalls: closeCallsOf(result, byCode, facts),
    liquidityCalls: liquidityCallsOf(result, byCode, future[0] ?? null, plan.methodology),
  };
  return { result, plan, snapshot, metrics, facts, future };
}

/** The last close on record on or before D (a few weeks back at most), or null. */
function lastCloseOf(store: Store, code: string, asOf: IsoDate): number | null {
  const rows = readDailyHistory(store.sqlite, code, { from: addDays(asOf, -31), to: asOf });
  for (let i = rows.length - 1; i >= 0; i--) if (rows[i]!.close !== null && !rows[i]!.suspended) return rows[i]!.close;
  return null;
}
