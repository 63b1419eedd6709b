import { sql, type Kysely } from 'kysely';

/**
 * Stored diffs (issue 4): each comparison of a run with an official file, and its per-list counts,
 * precision and recall, so `query accuracy` can show them over time. Deleting a run deletes its diffs.
 */
const statements: string[] = [
  `CREATE TABLE diffs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     cutoff TEXT NOT NULL CHECK (cutoff GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
     official_file TEXT NOT NULL,
     official_sha256 TEXT NOT NULL,
     official_format TEXT NOT NULL,
     created_at TEXT NOT NULL,
     report_json TEXT NOT NULL
   )`,
  `CREATE INDEX diffs_by_cutoff ON diffs (cutoff, created_at)`,
  `CREATE TABLE diff_lists (
     diff_id INTEGER NOT NULL REFERENCES diffs(id) ON DELETE CASCADE,
     list TEXT NOT NULL,
     hits INTEGER NOT NULL CHECK (hits >= 0),
     missed INTEGER NOT NULL CHECK (missed >= 0),
     extra INTEGER NOT NULL CHECK (extra >= 0),
     precision REAL NOT NULL CHECK (precision >= 0 AND precision <= 1),
     recall REAL NOT NULL CHECK (recall >= 0 AND recall <= 1),
     PRIMARY KEY (diff_id, list)
   ) WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS diff_lists').execute(db);
  await sql.raw('DROP TABLE IF EXISTS diffs').execute(db);
}
