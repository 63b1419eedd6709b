import { stringify } from 'csv-stringify/sync';
import type { ReviewResult } from '../domain/types.js';
import { flattenReview } from './review-rows.js';

const COLUMNS = [
  'code', 'name', 'list', 'channel', 'segment', 'avgMarketCapHkd', 'coverage', 'path', 'reason', 'distance', 'borderline',
] as const;

/**
 * One row per security per list (a name added on both channels appears twice). Money in whole HK$
 * and coverage as a fraction, as in the JSON, so a spreadsheet gets exact figures. Pure.
 */
export function renderReviewCsv(result: ReviewResult): string {
  const rows = flattenReview(result).map((r) => [
    r.code, r.name, r.list, r.channel, r.segment, r.avgMarketCapHkd ?? '', r.coverage ?? '', r.path, r.reason,
    r.distance, r.borderline ? 'true' : 'false',
  ]);
  return stringify([[...COLUMNS], ...rows]);
}
