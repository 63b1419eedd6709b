import type { IsoDate } from '../domain/types.js';
import type { DiffItem, DiffList } from './diff-official.js';

export const DIFF_FORMATS = ['table', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** A stored comparison of one run with one official file (docs/contract.md "diff --format json" plus extras). */
export interface DiffReport {
  readonly cutoff: IsoDate;
  readonly lists: Record<string, DiffList>;
  readonly runId: number;
  readonly diffId: number;
  readonly methodology: string;
  /** True when an earlier run on the same inputs was reused rather than a new screen run. */
  readonly reusedRun: boolean;
  readonly official: { readonly file: string; readonly sha256: string; readonly format: string };
  /** Rows of the official file that could not be read, and other notes. */
  readonly warnings: string[];
}

/** Renders a diff as JSON (contract fields first) or a readable table per list. Pure. */
export function renderDiff(report: DiffReport, format: DiffFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const out: string[] = [
    `Diff of run ${report.runId} (cut-off ${report.cutoff}, methodology ${report.methodology}${report.reusedRun ? ', recorded run reused' : ''}) against ${report.official.file} (${report.official.format})\n`,
  ];
  for (const [key, list] of Object.entries(report.lists)) {
    out.push(`\n${key}: precision ${list.precision.toFixed(3)}, recall ${list.recall.toFixed(3)} (hits ${list.hits.length}, missed ${list.missed.length}, extra ${list.extra.length})\n`);
    out.push(section('hits', list.hits, false));
    out.push(section('missed (official, not predicted)', list.missed, true));
    out.push(section('extra (predicted, not official)', list.extra, true));
  }
  if (report.warnings.length > 0) out.push(`\nWarnings (${report.warnings.length})\n${report.warnings.map((w) => `  - ${w}\n`).join('')}`);
  return out.join('');
}

function section(title: string, items: readonly DiffItem[], explain: boolean): string {
  if (items.length === 0) return `  ${title}: none\n`;
  const lines = items.map((i) => `    ${i.code}  ${i.name}${explain && i.explanation ? `\n           ${i.explanation}` : ''}`);
  return `  ${title}:\n${lines.join('\n')}\n`;
}
