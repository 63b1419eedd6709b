import { existsSync } from 'node:fs';
import type { CliContext, GlobalOptions } from './context.js';
import type { Store } from '../db/connection.js';
import { UsageError } from '../domain/errors.js';

/** SQLite's codes for a path that is not a usable database file: bad input (exit 2), not a failed job. */
const UNOPENABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_READONLY', 'SQLITE_PERM']);

export interface StoreUse {
  /**
   * Create the store (and its folder) when the file does not exist. Only `db`, `ingest`, `fetch` and
   * `demo` do (docs/contract.md): any other command on a mistyped path would otherwise answer from a
   * new empty store, and point the user at the wrong problem.
   */
  readonly create?: boolean;
}

/**
 * Opens the store named by `--db` / `HKCONNECT_DB` (migrating it), runs `fn`, and always closes it.
 * A store that does not exist is exit 2 unless `use.create`. The database modules are imported here,
 * lazily, so that `--help` never loads the native driver.
 */
export async function withStore<T>(argv: GlobalOptions, ctx: CliContext, fn: (store: Store) => Promise<T>, use: StoreUse = {}): Promise<T> {
  const { openStore, resolveDbPath } = await import('../db/connection.js');
  const path = resolveDbPath(argv.db, ctx.env);
  if (!use.create && path !== ':memory:' && !existsSync(path)) throw new UsageError(missingStore(path));
  const store = await openStore(path).catch((err: unknown) => {
    throw describeOpenFailure(path, err);
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** withStore for the commands that may create the store: `db`, `ingest`, `fetch` (docs/contract.md). */
export function withNewOrExistingStore<T>(argv: GlobalOptions, ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  return withStore(argv, ctx, fn, { create: true });
}

/** A stock code the store does not hold: bad input (exit 2) in every command, naming the store. */
export function unknownSecurity(code: string, storePath: string): UsageError {
  return new UsageError(`the store ${storePath} holds no security ${code}; check the code, or load it with "hkconnect ingest securities".`);
}

/** The one sentence for a store file that is not there, with the ways out. */
export function missingStore(path: string): string {
  return `there is no store at ${path}: build the sample one with "npx hkconnect demo" and pass --db ./data/demo.db `
    + '(or set HKCONNECT_DB), or create your own with "hkconnect db migrate" or "hkconnect ingest".';
}

/** "unable to open database file" names no file: say which one (docs/contract.md: errors name the file). */
function describeOpenFailure(path: string, err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNOPENABLE.has(code)) return err;
  return new UsageError(`cannot open the database ${path}: ${(err as Error).message} (set it with --db PATH or HKCONNECT_DB).`, { cause: err });
}
