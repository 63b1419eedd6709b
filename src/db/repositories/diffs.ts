import type BetterSqlite3 from 'better-sqlite3';
import type { IsoDate } from '../../domain/types.js';

/** One list of a diff, as stored in `diff_lists`: counts and the unrounded figures. */
export interface StoredDiffList {
  readonly hits: number;
  readonly missed: number;
  readonly extra: number;
  readonly precision: number;
  readonly recall: number;
}

/** One diff to store: the run compared, the official file, its lists. `createdAt` is an ISO instant (UTC). */
export interface NewDiff {
  readonly runId: number;
  readonly cutoff: IsoDate;
  readonly file: string;
  readonly sha256: string;
  readonly format: string;
  readonly createdAt: string;
  readonly lists: Readonly<Record<string, StoredDiffList>>;
}

/** The stored diff: its id, when it was first stored, and whether it was stored before (this run stored nothing new). */
export interface StoredDiff { readonly diffId: number; readonly createdAt: string; readonly reused: boolean }

/**
 * Stores a diff once (migrations 2026-11-22T0400-diffs, 2026-12-04T1400-diff-runs): the same run, the same
 * official file (sha256) and the same lists are the same diff, so a re-run keeps the first one's id and
 * created_at and only refreshes its report JSON. `render` writes that JSON once the id is known. One
 * transaction, taking the write lock before it looks.
 */
export function storeDiff(sqlite: BetterSqlite3.Database, d: NewDiff, render: (stored: StoredDiff) => string): StoredDiff {
  const listsKey = Object.keys(d.lists).sort().join(',');
  return sqlite.transaction((): StoredDiff => {
    const found = sqlite.prepare('SELECT id, created_at AS createdAt FROM diffs WHERE run_id = ? AND official_sha256 = ? AND lists_key = ?')
      .get(d.runId, d.sha256, listsKey) as { id: number; createdAt: string } | undefined;
    if (found) {
      const stored = { diffId: found.id, createdAt: found.createdAt, reused: true };
      sqlite.prepare('UPDATE diffs SET report_json = ? WHERE id = ?').run(render(stored), found.id);
      return stored;
    }
    const { lastInsertRowid } = sqlite.prepare(`INSERT INTO diffs (run_id, cutoff, official_file, official_sha256, official_format, created_at, lists_key, report_json)
      VALUES (?, ?, ?, ?, ?, ?, ?, '')`).run(d.runId, d.cutoff, d.file, d.sha256, d.format, d.createdAt, listsKey);
    const stored = { diffId: Number(lastInsertRowid), createdAt: d.createdAt, reused: false };
    const insertList = sqlite.prepare('INSERT INTO diff_lists (diff_id, list, hits, missed, extra, precision, recall) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [list, l] of Object.entries(d.lists)) insertList.run(stored.diffId, list, l.hits, l.missed, l.extra, l.precision, l.recall);
    sqlite.prepare('UPDATE diffs SET report_json = ? WHERE id = ?').run(render(stored), stored.diffId);
    return stored;
  }).immediate(); // the write lock first: two diffs of the same comparison at once wait in turn, then find each other
}

/** One row of `query accuracy`: one list of one stored diff. */
export interface AccuracyRow {
  readonly cutoff: IsoDate;
  readonly methodology: string;
  readonly list: string;
  readonly hits: number;
  readonly missed: number;
  readonly extra: number;
  readonly precision: number;
  readonly recall: number;
  readonly diffId: number;
  readonly runId: number;
  readonly official: string;
  readonly createdAt: string;
}

/**
 * The stored diffs' lists within [from, to] cut-offs, oldest review first (then list, then diff). By
 * default only the latest diff (the last stored) of each review (cut-off and methodology) and list;
 * `all` gives every stored diff, the history.
 */
export function readAccuracy(sqlite: BetterSqlite3.Database, range: { from?: IsoDate; to?: IsoDate; all?: boolean } = {}): AccuracyRow[] {
  const latestOnly = range.all ? '' : `AND NOT EXISTS (SELECT 1 FROM diffs later JOIN diff_lists ll ON ll.diff_id = later.id JOIN runs lr ON lr.id = later.run_id
      WHERE later.cutoff = d.cutoff AND lr.methodology = r.methodology AND ll.list = l.list AND later.id > d.id)`;
  // A store migrated by 2026-12-04T1400 holds null where a denominator was 0; the figure is 1 then, as diff gives it.
  return sqlite.prepare(`SELECT d.cutoff, r.methodology, l.list, l.hits, l.missed, l.extra,
      coalesce(l.precision, 1) AS precision, coalesce(l.recall, 1) AS recall,
      d.id AS diffId, d.run_id AS runId, d.official_file AS official, d.created_at AS createdAt
    FROM diffs d JOIN diff_lists l ON l.diff_id = d.id JOIN runs r ON r.id = d.run_id
    WHERE d.cutoff >= ? AND d.cutoff <= ? ${latestOnly}
    ORDER BY d.cutoff, r.methodology, l.list, d.id`).all(range.from ?? '0000-00-00', range.to ?? '9999-99-99') as AccuracyRow[];
}
