import type { Store } from '../db/connection.js';
import type { IsoDate, ReviewResult } from '../domain/types.js';
import { DEFAULT_METHODOLOGY_ID, getMethodology } from '../methodology/index.js';
import { withReviewLock } from './job-lock.js';
import { computeInputsFingerprint, findReusableRun, loadRunResult, runReview } from './run-review.js';

/** The review a diff compares: its run id, its result, and whether a recorded run was reused. */
export interface DiffReview { readonly runId: number; readonly result: ReviewResult; readonly reused: boolean }
export type ReviewSource = (store: Store, request: { cutoff: IsoDate; methodology?: string; now: Date }) => Promise<DiffReview>;

/**
 * The recorded run of that cut-off and methodology when its inputs fingerprint matches the store's
 * data now; otherwise a new run of the review (trigger `cli`), under the review lock.
 */
export const obtainReview: ReviewSource = async (store, { cutoff, methodology, now }) => {
  const methodologyId = getMethodology(methodology ?? DEFAULT_METHODOLOGY_ID).id;
  const fingerprint = await computeInputsFingerprint(store, { cutoff, methodology: methodologyId });
  const reusable = await findReusableRun(store, cutoff, methodologyId, fingerprint);
  if (reusable !== null) return { runId: reusable, result: await loadRunResult(store, reusable), reused: true };
  const run = await withReviewLock(store, 'diff', now, () => runReview(store, { cutoff, methodology: methodologyId, trigger: 'cli', now }));
  return { runId: run.runId, result: run.result, reused: false };
};
