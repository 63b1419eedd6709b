import type { Store } from '../db/connection.js';
import type { IsoDate } from '../domain/types.js';
import { changeListKey, OfficialListsBuilder, type OfficialAnnouncement } from '../ingest/official-types.js';
import type { DiffList } from '../report/diff-official.js';
import type { OfficialList, Channel } from '../domain/types.js';

/** One stored diff before its id is known. */
export interface DiffRecord {
  readonly runId: number;
  readonly cutoff: IsoDate;
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly createdAt: string;
  readonly lists: Record<string, DiffList>;
}

/**
 * Stores a diff and its per-list counts in one transaction (migration 2026-11-22T0400-diffs); the
 * report JSON, which names the diff's own id, is written by `render` once the id is known.
 */
export function saveDiff(store: Store, record: DiffRecord, render: (diffId: number) => string): number {
  const { sqlite } = store;
  return sqlite.transaction(() => {
    const { lastInsertRowid } = sqlite.prepare(`INSERT INTO diffs (run_id, cutoff, official_file, official_sha256, official_format, created_at, report_json)
      VALUES (?, ?, ?, ?, ?, ?, '')`).run(record.runId, record.cutoff, record.file, record.sha256, record.format, record.createdAt);
    const diffId = Number(lastInsertRowid);
    const insertList = sqlite.prepare('INSERT INTO diff_lists (diff_id, list, hits, missed, extra, precision, recall) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [list, l] of Object.entries(record.lists)) {
      insertList.run(diffId, list, l.hits.length, l.missed.length, l.extra.length, l.precision, l.recall);
    }
    sqlite.prepare('UPDATE diffs SET report_json = ? WHERE id = ?').run(render(diffId), diffId);
    return diffId;
  })();
}

/** One row of `query accuracy`: a list of one stored diff. */
export interface AccuracyRow {
  readonly diffId: number;
  readonly cutoff: IsoDate;
  readonly runId: number;
  readonly list: string;
  readonly hits: number;
  readonly missed: number;
  readonly extra: number;
  readonly precision: number;
  readonly recall: number;
  readonly official: string;
  readonly createdAt: string;
}

/** Every stored diff's lists, oldest review first (then by diff, then list), optionally within [from, to] cut-offs. */
export function readAccuracy(store: Store, range: { from?: IsoDate; to?: IsoDate } = {}): AccuracyRow[] {
  return store.sqlite.prepare(`SELECT d.id AS diffId, d.cutoff, d.run_id AS runId, l.list, l.hits, l.missed, l.extra,
      l.precision, l.recall, d.official_file AS official, d.created_at AS createdAt
    FROM diffs d JOIN diff_lists l ON l.diff_id = d.id
    WHERE d.cutoff >= ? AND d.cutoff <= ?
    ORDER BY d.cutoff, d.id, l.list`).all(range.from ?? '0000-00-00', range.to ?? '9999-99-99') as AccuracyRow[];
}

/** The official changes stored by `ingest official` for a cut-off, as an announcement; null when none. */
export function readStoredOfficial(store: Store, cutoff: IsoDate): OfficialAnnouncement | null {
  const rows = store.sqlite.prepare('SELECT list, channel, code, name FROM official_changes WHERE cutoff = ? ORDER BY list, channel, code')
    .all(cutoff) as Array<{ list: OfficialList; channel: '' | Channel; code: string; name: string | null }>;
  if (rows.length === 0) return null;
  const builder = new OfficialListsBuilder();
  for (const r of rows) builder.add(changeListKey(r.list, r.channel === '' ? null : r.channel), { code: r.code, name: r.name ?? '' }, 0);
  return builder.build('contract-csv');
}
