import { Migrator, NO_MIGRATIONS, type Kysely, type MigrationResultSet } from 'kysely';
import { migrations } from './migration-list.js';

const provider = { getMigrations: async () => migrations };

/** Migrates to the latest schema; returns kysely's `{ error, results }` rather than throwing. */
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  return new Migrator({ db, provider }).migrateToLatest();
}

/** Migrates down to (and including the removal of) every migration: an empty store. */
export async function migrateDownToEmpty(db: Kysely<any>): Promise<MigrationResultSet> {
  return new Migrator({ db, provider }).migrateTo(NO_MIGRATIONS);
}

/** Migrates to a named migration (up or down). */
export async function migrateTo(db: Kysely<any>, name: string): Promise<MigrationResultSet> {
  return new Migrator({ db, provider }).migrateTo(name);
}
