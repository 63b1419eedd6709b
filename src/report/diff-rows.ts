import type { DiffItem, DiffList } from './diff-official.js';
import type { DiffReport } from './render-diff.js';

/** One line of a diff's summary: one official list with its counts and figures (notes: a zero denominator, and what the figure is then). */
export interface DiffSummaryRow {
  readonly list: string;
  readonly predicted: number;
  readonly official: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  /** Why a figure rests on a zero denominator, e.g. "nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention". */
  readonly notes: readonly string[];
}

export type DiffRecordKind = 'hit' | 'missed' | 'extra';

/** One code of one list: a hit, or a mismatch with its short reason. */
export interface DiffRecordRow {
  readonly list: string;
  readonly kind: DiffRecordKind;
  readonly item: DiffItem;
}

/**
 * The order lists are shown in: HSCI additions and deletions, then Southbound per channel (add, remove),
 * channel-less Southbound lists, whole lists; anything else after, by key.
 */
const LIST_ORDER = ['hsci_add', 'hsci_remove', 'sb_add_SH', 'sb_remove_SH', 'sb_add_SZ', 'sb_remove_SZ', 'sb_add', 'sb_remove', 'sb_list_SH', 'sb_list_SZ'];

export function orderedLists(lists: Readonly<Record<string, DiffList>>): Array<[string, DiffList]> {
  const rank = (key: string) => (LIST_ORDER.includes(key) ? LIST_ORDER.indexOf(key) : LIST_ORDER.length);
  return Object.entries(lists).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** The summary, one row per list, in display order. Pure. */
export function diffSummaryRows(lists: Readonly<Record<string, DiffList>>): DiffSummaryRow[] {
  return orderedLists(lists).map(([list, l]) => ({
    list, predicted: l.predictedCount, official: l.officialCount, matched: l.hits.length, precision: l.precision, recall: l.recall,
    notes: [l.precisionReason, l.recallReason].filter((n): n is string => n !== undefined),
  }));
}

/** Every code of every list (`withHits` false: the mismatches only): by list, missed then extra, by code within each. Pure. */
export function diffRecordRows(lists: Readonly<Record<string, DiffList>>, withHits: boolean): DiffRecordRow[] {
  return orderedLists(lists).flatMap(([list, l]) => [
    ...(withHits ? l.hits.map((item) => ({ list, kind: 'hit' as const, item })) : []),
    ...l.missed.map((item) => ({ list, kind: 'missed' as const, item })),
    ...l.extra.map((item) => ({ list, kind: 'extra' as const, item })),
  ]);
}

/** A figure for display: four decimals. */
export function formatRatio(x: number): string {
  return x.toFixed(4);
}

/** What missed and extra mean, for every format's legend. */
export const DIFF_LEGEND = 'missed = official, not predicted; extra = predicted, not official; precision = matched / predicted; recall = matched / official';

/** The heading lines every text format starts with: what was compared with what, and how it was stored. */
export function describeDiff(r: DiffReport): string[] {
  const lines = [
    `Diff of run ${r.runId} (cut-off ${r.cutoff}, methodology ${r.methodology}${r.reusedRun ? ', recorded run reused' : ''}) against ${r.official.file} (${r.official.format})`,
    r.reusedDiff ? `Same comparison as diff ${r.diffId}, stored ${r.createdAt}: not stored again` : `Stored as diff ${r.diffId}, ${r.createdAt}`,
  ];
  if (r.channel !== null) lines.push(`Channel ${r.channel} only${r.listsLeftOut.length > 0 ? `; left out: ${r.listsLeftOut.join(', ')}` : ''}`);
  return lines;
}
