import type { Store } from '../db/connection.js';
import type { IsoDate, RecordedReviewResult, ReviewResult } from '../domain/types.js';
import { DEFAULT_METHODOLOGY_ID, getMethodology } from '../methodology/index.js';
import { withReviewLock } from './job-lock.js';
import { computeReview, findReusableRun, loadRunResult, runReview } from './run-review.js';

/** The review a diff compares: its run id, its result, and whether a recorded run was reused. */
export interface DiffReview { readonly runId: number; readonly result: ReviewResult; readonly reused: boolean }
export type ReviewSource = (store: Store, request: { cutoff: IsoDate; methodology?: string; now: Date }) => Promise<DiffReview>;

/**
 * The review of that cut-off and methodology on the store's data now, computed (a diff explains its
 * mismatches with the rule-by-rule checks, which runs do not record). Its run is the recorded one
 * with the same inputs fingerprint when that run's lists are the ones computed now (so a run recorded
 * under other rules is never passed off as this review); otherwise the review is recorded as a new
 * run (trigger `cli`), under the review lock.
 */
export const obtainReview: ReviewSource = async (store, { cutoff, methodology, now }) => {
  const methodologyId = getMethodology(methodology ?? DEFAULT_METHODOLOGY_ID).id;
  const computed = await computeReview(store, { cutoff, methodology: methodologyId });
  const reusable = await findReusableRun(store, cutoff, methodologyId, computed.fingerprint);
  if (reusable !== null && sameLists(await loadRunResult(store, reusable), computed.result)) {
    return { runId: reusable, result: computed.result, reused: true };
  }
  const run = await withReviewLock(store, 'diff', now, () => runReview(store, { cutoff, methodology: methodologyId, trigger: 'cli', now }, computed));
  return { runId: run.runId, result: run.result, reused: false };
};

/** The lists a review predicts (docs/contract.md "screen --format json"): equal in the recorded and the computed review. */
function sameLists(recorded: RecordedReviewResult, computed: ReviewResult): boolean {
  const lists = (r: RecordedReviewResult | ReviewResult) => JSON.stringify([r.effectiveDate, r.kind, r.hsci, r.southbound, r.pending]);
  return lists(recorded) === lists(computed);
}
