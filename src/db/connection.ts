import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { kyselyModule } from './kysely.js';
import { isAtLatestMigration, migrateToLatest } from './migrate.js';

/**
 * An open store: the kysely handle for ordinary queries and the raw better-sqlite3 handle for the
 * few hot paths (bulk loads, the screen's window scan) where a prepared statement is the floor.
 * Both share one connection, so a transaction opened on one is seen by the other. The kysely handle
 * is made on first use (src/db/kysely.ts): the loads never use it.
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly sqlite: BetterSqlite3.Database;
  readonly path: string;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Migrate to the latest schema on open (docs/contract.md: every command does). Default true. */
  migrate?: boolean;
  readonly?: boolean;
  /** How long a writer waits for another process's lock before failing, ms. */
  busyTimeoutMs?: number;
}

/** The default database path: `--db`, else `HKCONNECT_DB`, else `./data/hkconnect.db` (docs/contract.md). */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env.HKCONNECT_DB ?? './data/hkconnect.db';
}

/** Opens (creating if needed) a store at `path` (`:memory:` works), with WAL, foreign keys and a busy timeout. */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 30_000}`);
  if (!options.readonly && path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  let db: Kysely<Database> | undefined;
  const store: Store = {
    get db() {
      if (db === undefined) {
        const { Kysely, SqliteDialect } = kyselyModule();
        db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
      }
      return db;
    },
    sqlite,
    path,
    // Kysely's destroy closes the underlying better-sqlite3 handle.
    close: async () => {
      if (db === undefined) sqlite.close();
      else await db.destroy();
    },
  };
  if ((options.migrate ?? true) && !isAtLatestMigration(sqlite)) {
    const { error } = await migrateToLatest(store.db);
    if (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}
