import type { CliContext, GlobalOptions } from './context.js';
import type { Store } from '../db/connection.js';
import { UsageError } from '../domain/errors.js';

/** SQLite's codes for a path that is not a usable database file: bad input (exit 2), not a failed job. */
const UNOPENABLE = new Set(['SQLITE_CANTOPEN', 'SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_READONLY', 'SQLITE_PERM']);

/**
 * Opens the store named by `--db` / `HKCONNECT_DB` (migrating it), runs `fn`, and always closes it.
 * The database modules are imported here, lazily, so that `--help` never loads the native driver.
 */
export async function withStore<T>(argv: GlobalOptions, ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore, resolveDbPath } = await import('../db/connection.js');
  const path = resolveDbPath(argv.db, ctx.env);
  const store = await openStore(path).catch((err: unknown) => {
    throw describeOpenFailure(path, err);
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** "unable to open database file" names no file: say which one (docs/contract.md: errors name the file). */
function describeOpenFailure(path: string, err: unknown): unknown {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !UNOPENABLE.has(code)) return err;
  return new UsageError(`cannot open the database ${path}: ${(err as Error).message} (set it with --db PATH or HKCONNECT_DB).`, { cause: err });
}
