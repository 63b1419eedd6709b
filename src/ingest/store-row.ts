import type { LoadRun } from './load-run.js';

/**
 * Runs one row's write; counts it stored, or, when the store's own constraints refuse it (the schema
 * re-checks money >= 0, enumerations and foreign keys), reports the row instead of aborting the file.
 * True when the row was stored.
 */
export function storeRow(run: LoadRun, line: number, write: () => unknown): boolean {
  try {
    write();
  } catch (err) {
    reportRefusedRow(run, line, err);
    return false;
  }
  run.rowsStored++;
  return true;
}

/** Reports a row the store's constraints refused; rethrows any other error (a broken store is not bad input). */
function reportRefusedRow(run: LoadRun, line: number, err: unknown): void {
  if (!(err instanceof Error) || (err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') !== true) throw err;
  run.reject({ line, reason: `the store refused the row (${err.message})` });
}
