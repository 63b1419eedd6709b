import { sql, type Kysely } from 'kysely';

/**
 * A diff is stored once (issue 16). The same run compared with the same official file on the same lists
 * is the same diff, whatever the number of times `diff` runs: `diffs.lists_key` (the list keys compared,
 * sorted, comma-joined) completes the key (run_id, official_sha256, lists_key), unique from now on.
 * Existing duplicates are removed, the first stored of each kept (the re-runs held the same figures).
 *
 * `diff_lists.precision` and `recall` become nullable and unrounded: null where the denominator is 0
 * (nothing predicted, nothing official), where the old rows held a made-up 1; every figure is
 * recomputed from the counts, as the old rows were rounded to 4 decimals.
 */
const upStatements: string[] = [
  `ALTER TABLE diffs ADD COLUMN lists_key TEXT NOT NULL DEFAULT ''`,
  `UPDATE diffs SET lists_key = coalesce((SELECT group_concat(list, ',' ORDER BY list) FROM diff_lists WHERE diff_id = diffs.id), '')`,
  `DELETE FROM diffs WHERE EXISTS (SELECT 1 FROM diffs earlier
     WHERE earlier.run_id = diffs.run_id AND earlier.official_sha256 = diffs.official_sha256 AND earlier.lists_key = diffs.lists_key AND earlier.id < diffs.id)`,
  `CREATE UNIQUE INDEX diffs_once ON diffs (run_id, official_sha256, lists_key)`,
  `CREATE TABLE diff_lists_nullable (
     diff_id INTEGER NOT NULL REFERENCES diffs(id) ON DELETE CASCADE,
     list TEXT NOT NULL,
     hits INTEGER NOT NULL CHECK (hits >= 0),
     missed INTEGER NOT NULL CHECK (missed >= 0),
     extra INTEGER NOT NULL CHECK (extra >= 0),
     precision REAL CHECK (precision IS NULL OR (precision >= 0 AND precision <= 1)),
     recall REAL CHECK (recall IS NULL OR (recall >= 0 AND recall <= 1)),
     PRIMARY KEY (diff_id, list)
   ) WITHOUT ROWID`,
  `INSERT INTO diff_lists_nullable (diff_id, list, hits, missed, extra, precision, recall)
     SELECT diff_id, list, hits, missed, extra,
       CASE WHEN hits + extra = 0 THEN NULL ELSE CAST(hits AS REAL) / (hits + extra) END,
       CASE WHEN hits + missed = 0 THEN NULL ELSE CAST(hits AS REAL) / (hits + missed) END
     FROM diff_lists WHERE diff_id IN (SELECT id FROM diffs)`,
  `DROP TABLE diff_lists`,
  `ALTER TABLE diff_lists_nullable RENAME TO diff_lists`,
];

/** Down: the NOT NULL columns again (a null figure reads 1, as it did), and no key. Duplicates removed stay removed. */
const downStatements: string[] = [
  `CREATE TABLE diff_lists_old (
     diff_id INTEGER NOT NULL REFERENCES diffs(id) ON DELETE CASCADE,
     list TEXT NOT NULL,
     hits INTEGER NOT NULL CHECK (hits >= 0),
     missed INTEGER NOT NULL CHECK (missed >= 0),
     extra INTEGER NOT NULL CHECK (extra >= 0),
     precision REAL NOT NULL CHECK (precision >= 0 AND precision <= 1),
     recall REAL NOT NULL CHECK (recall >= 0 AND recall <= 1),
     PRIMARY KEY (diff_id, list)
   ) WITHOUT ROWID`,
  `INSERT INTO diff_lists_old SELECT diff_id, list, hits, missed, extra, coalesce(precision, 1), coalesce(recall, 1) FROM diff_lists`,
  `DROP TABLE diff_lists`,
  `ALTER TABLE diff_lists_old RENAME TO diff_lists`,
  `DROP INDEX IF EXISTS diffs_once`,
  `ALTER TABLE diffs DROP COLUMN lists_key`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of upStatements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const s of downStatements) await sql.raw(s).execute(db);
}
