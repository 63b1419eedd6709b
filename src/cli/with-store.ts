import type { CliContext, GlobalOptions } from './context.js';
import type { Store } from '../db/connection.js';

/**
 * Opens the store named by `--db` / `HKCONNECT_DB` (migrating it), runs `fn`, and always closes it.
 * The database modules are imported here, lazily, so that `--help` never loads the native driver.
 */
export async function withStore<T>(argv: GlobalOptions, ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  const { openStore, resolveDbPath } = await import('../db/connection.js');
  const store = await openStore(resolveDbPath(argv.db, ctx.env));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
