import { sql, type Kysely } from 'kysely';

/**
 * The fetch record (issue 17): one row per download attempt of a public source by `hkconnect fetch`
 * or `schedule --collect`, whatever came of it. `outcome` says what happened to the content:
 * `loaded` (stored), `unchanged` (the same bytes as the last good copy: not loaded twice), `fetched`
 * (kept and recorded, no loader for it yet), `refused` (empty, truncated, an error page, a list that
 * shrank: the last good copy stays in force), `failed` (no usable HTTP answer after the retries).
 */
const statements: string[] = [
  `CREATE TABLE fetches (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     source TEXT NOT NULL,
     target TEXT NOT NULL DEFAULT '',
     url TEXT NOT NULL,
     fetched_at TEXT NOT NULL,
     http_status INTEGER,
     bytes INTEGER NOT NULL DEFAULT 0 CHECK (bytes >= 0),
     sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
     rows INTEGER CHECK (rows IS NULL OR rows >= 0),
     as_of TEXT CHECK (as_of IS NULL OR as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
     outcome TEXT NOT NULL CHECK (outcome IN ('loaded', 'unchanged', 'fetched', 'refused', 'failed')),
     reason TEXT,
     file TEXT,
     attempts INTEGER NOT NULL DEFAULT 1 CHECK (attempts >= 1)
   )`,
  `CREATE INDEX fetches_by_source ON fetches (source, target, id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE IF EXISTS fetches').execute(db);
}
