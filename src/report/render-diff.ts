import type { Channel, IsoDate } from '../domain/types.js';
import type { DiffList } from './diff-official.js';
import type { DiffFormat } from './diff-formats.js';
import { describeDiff, DIFF_LEGEND, diffRecordRows, diffSummaryRows, formatRatio } from './diff-rows.js';
import { formatTable } from './format-rows.js';
import { renderDiffCsv } from './render-diff-csv.js';
import { renderDiffMarkdown } from './render-diff-md.js';

/** A stored comparison of one run with one official file (docs/contract.md "diff --format json" plus extras). */
export interface DiffReport {
  readonly cutoff: IsoDate;
  readonly lists: Record<string, DiffList>;
  readonly runId: number;
  readonly diffId: number;
  /** True when this comparison was stored before (same run, same official file, same lists): nothing new was stored. */
  readonly reusedDiff: boolean;
  /** When the diff was first stored, Hong Kong time with its offset (2026-08-20T10:00:00+08:00). */
  readonly createdAt: string;
  readonly methodology: string;
  /** True when an earlier run on the same inputs was reused rather than a new screen run. */
  readonly reusedRun: boolean;
  readonly official: { readonly file: string; readonly sha256: string; readonly format: string };
  /** `--channel`: the only channel compared (null: every list of the file). */
  readonly channel: Channel | null;
  /** The official lists `--channel` left out (HSCI lists, the other channel's). */
  readonly listsLeftOut: readonly string[];
  /** Rows of the official file that could not be read, and other notes. */
  readonly warnings: string[];
}

/** Renders a diff: JSON (everything, unrounded), a summary table then one line per mismatch, CSV or Markdown. Pure. */
export function renderDiff(report: DiffReport, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'csv') return renderDiffCsv(report);
  if (format === 'md') return renderDiffMarkdown(report);
  return renderDiffTable(report);
}

/**
 * The table: the heading, one summary row per list, the notes on undefined figures, then one line per
 * mismatch (names cut to NAME_WIDTH; the reason, last, is never cut: it carries the deciding figure).
 */
function renderDiffTable(r: DiffReport): string {
  const summary = diffSummaryRows(r.lists);
  const out = [describeDiff(r).join('\n'), '\n\n'];
  out.push(formatTable(['list', 'predicted', 'official', 'matched', 'precision', 'recall'],
    summary.map((s) => [s.list, String(s.predicted), String(s.official), String(s.matched), formatRatio(s.precision), formatRatio(s.recall)])));
  for (const s of summary) for (const note of s.notes) out.push(`  ${s.list}: ${note}\n`);
  const mismatches = diffRecordRows(r.lists, false);
  out.push(`\nMismatches (${mismatches.length}): ${DIFF_LEGEND}; whole explanations in --format json\n`);
  if (mismatches.length > 0) {
    out.push(formatTable(['code', 'name', 'list', 'missed/extra', 'reason'],
      mismatches.map((m) => [m.item.code, cutName(m.item.name), m.list, m.kind, `${m.item.reason ?? ''}${m.item.borderline ? ' (borderline)' : ''}`])));
  }
  if (r.warnings.length > 0) out.push(`\nWarnings (${r.warnings.length})\n${r.warnings.map((w) => `  - ${w}\n`).join('')}`);
  return out.join('');
}

const NAME_WIDTH = 30;

function cutName(name: string): string {
  return name.length <= NAME_WIDTH ? name : `${name.slice(0, NAME_WIDTH - 3)}...`;
}
