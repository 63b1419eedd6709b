import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, Migration, MigrationResultSet, Migrator } from 'kysely';
import { kyselyModule } from './kysely.js';
import { migrations } from './migration-list.js';

/** Every migration module, imported now (the migrator is about to run). */
async function importMigrations(): Promise<Record<string, Migration>> {
  return Object.fromEntries(await Promise.all(Object.entries(migrations).map(async ([name, load]) => [name, await load()] as const)));
}

function migratorFor(db: Kysely<any>): Migrator {
  return new (kyselyModule().Migrator)({ db, provider: { getMigrations: importMigrations } });
}

/** Migrates to the latest schema; returns kysely's `{ error, results }` rather than throwing. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return migratorFor(db).migrateToLatest();
}

/** Migrates down to (and including the removal of) every migration: an empty store. */
export async function migrateDownToEmpty(db: Kysely<any>): Promise<MigrationResultSet> {
  return migratorFor(db).migrateTo(kyselyModule().NO_MIGRATIONS);
}

/** Migrates to a named migration (up or down). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  return migratorFor(db).migrateTo(name);
}

/**
 * True when the store has applied exactly the known migrations, read in one query: every command
 * opens the store, and kysely's Migrator (lock table, transaction, bookkeeping) took ~20 ms of each
 * just to find nothing to do. Anything else (a new store, a missing or an unknown migration) goes
 * through the Migrator, which takes its lock and reports problems.
 */
export function isAtLatestMigration(sqlite: BetterSqlite3.Database): boolean {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'").get();
  if (table === undefined) return false;
  const applied = sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all() as string[];
  const known = Object.keys(migrations).sort();
  return applied.length === known.length && applied.every((name, i) => name === known[i]);
}
