import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReviewResult } from '../domain/types.js';
import { reportFileName } from './schedule-plan.js';

/** The formats the scheduler writes for each run. */
export const SCHEDULE_REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ScheduleReportFormat = (typeof SCHEDULE_REPORT_FORMATS)[number];

/** Renders a result in one format (the real one is `renderReview` from src/report/render-review.ts). */
export type RenderReviewFn = (result: ReviewResult, format: ScheduleReportFormat) => string;

export interface WrittenReports {
  /** Paths written, in format order. */
  readonly files: string[];
  /** One sentence per format that could not be rendered or written. */
  readonly errors: string[];
}

/**
 * Writes a run's reports into `dir` with dated names (`review-2026-06-30-run12.json`, ...). Each
 * file goes to a temporary name first and is renamed into place, so a reader never sees half a
 * report. A format that fails is reported and the others are still written. Never throws.
 */
export function writeRunReports(
  dir: string, kind: 'review' | 'preview', runId: number, result: ReviewResult, render: RenderReviewFn,
): WrittenReports {
  const files: string[] = [];
  const errors: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    return { files, errors: [`reports directory ${dir} cannot be created: ${err instanceof Error ? err.message : String(err)}`] };
  }
  for (const format of SCHEDULE_REPORT_FORMATS) {
    const path = join(dir, reportFileName(kind, result.cutoff, runId, format));
    try {
      const text = render(result, format);
      const tmp = `${path}.tmp-${process.pid}`;
      writeFileSync(tmp, text);
      renameSync(tmp, path);
      files.push(path);
    } catch (err) {
      errors.push(`${format} report ${path} not written: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { files, errors };
}
