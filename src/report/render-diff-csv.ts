import { stringify } from 'csv-stringify/sync';
import { DIFF_LEGEND, diffRecordRows, diffSummaryRows } from './diff-rows.js';
import type { DiffReport } from './render-diff.js';

/** The columns of `diff --format csv`, stable (docs/reports-and-diff.md). */
export const DIFF_CSV_COLUMNS = [
  'cutoff', 'record', 'list', 'code', 'name', 'predicted', 'rule', 'reason', 'borderline',
  'predictedCount', 'officialCount', 'matched', 'precision', 'recall',
] as const;

/**
 * One row per list (`record` = summary: its counts, precision and recall unrounded, and in `reason` what
 * a figure is when its denominator is 0), then one row per code of every list (`record` = hit, missed or extra:
 * a mismatch with what was predicted, the deciding rule and the short reason), then one `warning` row per
 * warning and a `legend` row. Pure.
 */
export function renderDiffCsv(r: DiffReport): string {
  const blank = (n: number) => Array<string>(n).fill('');
  const summary = diffSummaryRows(r.lists).map((s) => [
    r.cutoff, 'summary', s.list, '', '', '', '', s.notes.join('; '), '',
    s.predicted, s.official, s.matched, s.precision, s.recall,
  ]);
  const records = diffRecordRows(r.lists, true).map(({ list, kind, item }) => [
    r.cutoff, kind, list, item.code, item.name, item.predicted ?? '', item.rule ?? '', item.reason ?? '',
    kind === 'hit' ? '' : item.borderline ? 'true' : 'false', ...blank(5),
  ]);
  const note = (record: string, text: string) => [r.cutoff, record, '', '', '', '', '', text, '', ...blank(5)];
  const warnings = r.warnings.map((w) => note('warning', w));
  return stringify([[...DIFF_CSV_COLUMNS], ...summary, ...records, ...warnings, note('legend', DIFF_LEGEND)]);
}
