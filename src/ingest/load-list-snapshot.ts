import type { LoadRun } from './load-run.js';
import type { Channel } from '../domain/types.js';
import { Bad, parseDate } from './fields.js';

export type SnapshotList = 'HSCI' | 'SB_SH' | 'SB_SZ';

export function southboundListOf(channel: Channel): SnapshotList {
  return channel === 'SH' ? 'SB_SH' : 'SB_SZ';
}

/**
 * Starts replacing one list's snapshot at `asOf` inside the load's transaction: records (or
 * re-records) the `list_snapshots` row and removes the members stored for that date, so that the
 * rows that follow become the whole list (loading the same list twice leaves it as once).
 */
export function replaceSnapshot(run: LoadRun, list: SnapshotList, asOf: string): void {
  const { sqlite } = run.store;
  sqlite
    .prepare(`INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (list, as_of) DO UPDATE SET source = excluded.source, loaded_at = excluded.loaded_at`)
    .run(list, asOf, run.file, (run.options.now ?? new Date()).toISOString());
  if (list === 'HSCI') sqlite.prepare('DELETE FROM hsci_members WHERE as_of = ?').run(asOf);
  else sqlite.prepare('DELETE FROM southbound_members WHERE as_of = ? AND channel = ?').run(asOf, list === 'SB_SH' ? 'SH' : 'SZ');
}

/** The `--as-of` date a list load needs, or the file is rejected with a sentence saying so. */
export function requireAsOf(run: LoadRun): string {
  const asOf = run.options.asOf;
  if (asOf === undefined) return run.failFile({ reason: `a ${run.kind} list needs --as-of DATE (the date the list is in force from)` });
  const date = parseDate(asOf);
  if (date instanceof Bad) return run.failFile({ field: '--as-of', reason: date.reason });
  return date;
}
