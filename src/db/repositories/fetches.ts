import type { Kysely } from 'kysely';
import type { Database, FetchesTable } from '../schema.js';
import type { IsoDate } from '../../domain/types.js';

export type FetchOutcome = FetchesTable['outcome'];

/** Outcomes that leave a good copy in force: its bytes were checked and kept. */
export const GOOD_OUTCOMES: readonly FetchOutcome[] = ['loaded', 'unchanged', 'fetched'];

/** One row of the fetch record, as `query fetches` shows it. */
export interface FetchRecord {
  readonly id: number;
  readonly source: string;
  /** What was asked for beyond the source: the report date of a dayquot fetch, the part of an hsci fetch (src/fetch/hsci-parts.ts), else ''. */
  readonly target: string;
  readonly url: string;
  /** ISO instant with the Hong Kong offset, e.g. 2026-09-01T18:00:03+08:00. */
  readonly fetchedAt: string;
  readonly httpStatus: number | null;
  readonly bytes: number;
  readonly sha256: string | null;
  readonly rows: number | null;
  readonly asOf: IsoDate | null;
  readonly outcome: FetchOutcome;
  readonly reason: string | null;
  readonly file: string | null;
  readonly attempts: number;
}

export type NewFetch = Omit<FetchRecord, 'id'>;

export async function insertFetch(db: Kysely<Database>, f: NewFetch): Promise<number> {
  const row = await db.insertInto('fetches').values({
    source: f.source, target: f.target, url: f.url, fetched_at: f.fetchedAt, http_status: f.httpStatus, bytes: f.bytes,
    sha256: f.sha256, rows: f.rows, as_of: f.asOf, outcome: f.outcome, reason: f.reason, file: f.file, attempts: f.attempts,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The latest fetch of (source, target) whose copy is in force (loaded, unchanged or fetched), or null. */
export async function findLastGoodFetch(db: Kysely<Database>, source: string, target: string): Promise<FetchRecord | null> {
  const row = await db.selectFrom('fetches').selectAll()
    .where('source', '=', source).where('target', '=', target).where('outcome', 'in', GOOD_OUTCOMES)
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/**
 * The latest good fetch of a source with a row count (the baseline of the shrink check): any target
 * (a day's report against the day before), or of `target` when given (each part of an hsci fetch).
 */
export async function findLastCountedFetch(db: Kysely<Database>, source: string, target?: string): Promise<FetchRecord | null> {
  let q = db.selectFrom('fetches').selectAll()
    .where('source', '=', source).where('outcome', 'in', ['loaded', 'fetched']).where('rows', '>', 0);
  if (target !== undefined) q = q.where('target', '=', target);
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The targets of `source` (dayquot: report dates) that have a good fetch, among those given. */
export async function findGoodTargets(db: Kysely<Database>, source: string, targets: readonly string[]): Promise<Set<string>> {
  if (targets.length === 0) return new Set();
  const rows = await db.selectFrom('fetches').select('target').distinct()
    .where('source', '=', source).where('target', 'in', targets).where('outcome', 'in', GOOD_OUTCOMES).execute();
  return new Set(rows.map((r) => r.target));
}

/** The fetch record, oldest first, optionally of one source. */
export async function listFetches(db: Kysely<Database>, source?: string): Promise<FetchRecord[]> {
  let q = db.selectFrom('fetches').selectAll();
  if (source !== undefined) q = q.where('source', '=', source);
  return (await q.orderBy('id').execute()).map(toRecord);
}

function toRecord(r: Omit<FetchesTable, 'id'> & { id: number }): FetchRecord {
  return {
    id: r.id, source: r.source, target: r.target, url: r.url, fetchedAt: r.fetched_at, httpStatus: r.http_status,
    bytes: r.bytes, sha256: r.sha256, rows: r.rows, asOf: r.as_of, outcome: r.outcome, reason: r.reason, file: r.file,
    attempts: r.attempts,
  };
}

/** The latest fetch of a source (any target, any outcome), or null: when it was last tried. */
export async function findLastFetch(db: Kysely<Database>, source: string): Promise<FetchRecord | null> {
  const row = await db.selectFrom('fetches').selectAll().where('source', '=', source).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** How many fetches of (source, target) came to nothing (refused or failed). */
export async function countUnsuccessfulFetches(db: Kysely<Database>, source: string, target: string): Promise<number> {
  const row = await db.selectFrom('fetches').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source', '=', source).where('target', '=', target).where('outcome', 'in', ['refused', 'failed']).executeTakeFirstOrThrow();
  return Number(row.n);
}
