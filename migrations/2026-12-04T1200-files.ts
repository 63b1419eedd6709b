import { sql, type Kysely } from 'kysely';

/**
 * Files as published (issue 17): HKEX's list of securities gives no listing date, so a security first
 * seen there has its listing date inferred (from its first daily record, else the list's date) and
 * marked so, until a securities CSV gives the real one; each HKEX list loaded is recorded with the date
 * it is as of, so that a newer list's delistings and renames are dated changes and an older list is refused.
 */
const statements: string[] = [
  `ALTER TABLE securities ADD COLUMN listing_date_inferred INTEGER NOT NULL DEFAULT 0 CHECK (listing_date_inferred IN (0, 1))`,
  `CREATE TABLE security_lists (
     as_of TEXT PRIMARY KEY CHECK (as_of GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
     source TEXT NOT NULL,
     loaded_at TEXT NOT NULL,
     securities INTEGER NOT NULL CHECK (securities >= 0)
   ) WITHOUT ROWID`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP TABLE security_lists').execute(db);
  await sql.raw('ALTER TABLE securities DROP COLUMN listing_date_inferred').execute(db);
}
