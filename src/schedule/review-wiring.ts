import type { ReviewCutoffs } from '../jobs/schedule-plan.js';
import type { RenderReviewFn } from '../jobs/schedule-reports.js';
import type { RunReviewFn } from '../jobs/schedule-types.js';

/** The real collaborators of a scheduler pass: the methodology's cut-offs, the review job, the renderer. */
export interface ScheduleWiring {
  readonly methodology: string;
  readonly cutoffs: ReviewCutoffs;
  readonly runReview: RunReviewFn;
  readonly render: RenderReviewFn;
}

/**
 * Loads the real collaborators lazily (so `--help` stays light). An unknown methodology id is a
 * UsageError from `getMethodology`.
 */
export async function loadScheduleWiring(methodologyId: string | undefined): Promise<ScheduleWiring> {
  const { getMethodology, DEFAULT_METHODOLOGY_ID } = await import('../methodology/index.js');
  const methodology = getMethodology(methodologyId ?? DEFAULT_METHODOLOGY_ID);
  const { renderReview } = await import('../report/render-review.js');
  return {
    methodology: methodology.id,
    cutoffs: { semiAnnual: methodology.reviews.semiAnnualCutoffs, quarterly: methodology.reviews.quarterlyCutoffs },
    runReview: await loadRunReview(),
    render: (result, format) => renderReview(result, format),
  };
}

/** The review job of the screen work (src/jobs/run-review.ts): it records each run in `runs` itself. */
export async function loadRunReview(): Promise<RunReviewFn> {
  const { runReview } = await import('../jobs/run-review.js');
  return (store, request) => runReview(store, request);
}
