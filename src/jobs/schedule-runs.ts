import type { Store } from '../db/connection.js';
import type { IsoDate } from '../domain/types.js';
import { decodeRunResult } from '../db/repositories/runs.js';

/** One row of `query runs` (docs/contract.md). */
export interface RunRow {
  id: number;
  cutoff: IsoDate;
  kind: string;
  startedAt: string;
  finishedAt: string | null;
  status: 'running' | 'succeeded' | 'failed';
  trigger: 'cli' | 'schedule';
}

/** Every recorded run, ordered by id. */
export async function listRuns(store: Store): Promise<RunRow[]> {
  const rows = await store.db
    .selectFrom('runs')
    .select(['id', 'cutoff', 'kind', 'started_at', 'finished_at', 'status', 'trigger'])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id, cutoff: r.cutoff, kind: r.kind, startedAt: r.started_at, finishedAt: r.finished_at,
    status: r.status, trigger: r.trigger,
  }));
}

/**
 * The scheduler's own succeeded run for a cut-off, if any. `preview` selects preview runs,
 * otherwise the semi-annual / quarterly review runs of that cut-off.
 */
export async function findScheduledSuccess(store: Store, cutoff: IsoDate, preview: boolean): Promise<{ id: number; resultJson: string | null } | null> {
  let q = store.db
    .selectFrom('runs')
    .select(['id', 'result_deflated'])
    .where('cutoff', '=', cutoff)
    .where('status', '=', 'succeeded')
    .where('trigger', '=', 'schedule');
  q = preview ? q.where('kind', '=', 'preview') : q.where('kind', '!=', 'preview');
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { id: row.id, resultJson: decodeRunResult(row.result_deflated) } : null;
}

/** The highest run id so far (0 when there is none): a run started after this reading has a larger id. */
export async function readLastRunId(store: Store): Promise<number> {
  const row = await store.db.selectFrom('runs').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0);
}

export interface FailureRecord {
  readonly cutoff: IsoDate;
  readonly kind: string;
  readonly methodology: string;
  readonly error: string;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/**
 * Makes sure a failed scheduled run is on record. The review function records its own runs; when
 * it threw before writing a row, or left its row `running`, this writes or closes the row so that
 * every failure shows in `query runs`. Returns the run id.
 */
export async function recordScheduledFailure(store: Store, afterId: number, failure: FailureRecord): Promise<number> {
  const existing = await store.db
    .selectFrom('runs')
    .select(['id', 'status'])
    .where('id', '>', afterId)
    .where('cutoff', '=', failure.cutoff)
    .where('trigger', '=', 'schedule')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (existing) {
    if (existing.status === 'running') {
      await store.db
        .updateTable('runs')
        .set({ status: 'failed', error: failure.error, finished_at: failure.finishedAt })
        .where('id', '=', existing.id)
        .execute();
    }
    return existing.id;
  }
  const inserted = await store.db
    .insertInto('runs')
    .values({
      cutoff: failure.cutoff, kind: failure.kind, methodology: failure.methodology, started_at: failure.startedAt,
      finished_at: failure.finishedAt, status: 'failed', trigger: 'schedule', error: failure.error,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Marks as failed the scheduled runs left `running` by a process that stopped mid-run (killed,
 * power cut). Called while holding the review lock: every scheduled run happens under it, so none
 * can be live. Returns the ids closed.
 */
export async function closeAbandonedScheduledRuns(store: Store, finishedAt: string): Promise<number[]> {
  const rows = await store.db
    .selectFrom('runs').select('id').where('status', '=', 'running').where('trigger', '=', 'schedule').orderBy('id').execute();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await store.db
    .updateTable('runs')
    .set({ status: 'failed', finished_at: finishedAt, error: 'abandoned: the process running it stopped before it finished' })
    .where('id', 'in', ids)
    .execute();
  return ids;
}
