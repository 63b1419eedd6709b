import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { CHANNELS, type IsoDate, type RecordedReviewResult, type ReviewKind, type ReviewResult } from '../../domain/types.js';

/** The start of a run, recorded as `running` before any work (so a crash leaves a trace). */
export interface RunStart {
  readonly cutoff: IsoDate;
  readonly kind: ReviewKind;
  readonly effectiveDate: IsoDate | null;
  readonly methodology: string;
  readonly startedAt: string;
  readonly trigger: 'cli' | 'schedule';
}

/** Inserts a `running` run; returns its id. */
export async function insertRunStart(db: Kysely<Database>, run: RunStart): Promise<number> {
  const row = await db.insertInto('runs').values({
    cutoff: run.cutoff, kind: run.kind, effective_date: run.effectiveDate, methodology: run.methodology,
    started_at: run.startedAt, status: 'running', trigger: run.trigger,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a run succeeded with its result and writes its `run_changes` rows, in one transaction. */
export async function recordRunSuccess(
  db: Kysely<Database>, runId: number, finishedAt: string, fingerprint: string, result: ReviewResult,
): Promise<void> {
  // Encoded before the transaction: its JSON and deflate (~25 ms on a full market) need not hold the store's write lock.
  const deflated = encodeRunResult(result);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('runs').set({
      status: 'succeeded', finished_at: finishedAt, inputs_fingerprint: fingerprint, result_deflated: deflated,
      kind: result.kind, effective_date: result.effectiveDate, methodology: result.methodology,
    }).where('id', '=', runId).execute();
    const rows = [
      ...result.hsci.add.map((r) => ({ run_id: runId, list: 'hsci_add', channel: '', code: r.code })),
      ...result.hsci.remove.map((r) => ({ run_id: runId, list: 'hsci_remove', channel: '', code: r.code })),
      ...CHANNELS.flatMap((ch) => [
        ...result.southbound[ch].add.map((r) => ({ run_id: runId, list: 'sb_add', channel: ch, code: r.code })),
        ...result.southbound[ch].remove.map((r) => ({ run_id: runId, list: 'sb_remove', channel: ch, code: r.code })),
      ]),
    ];
    for (let i = 0; i < rows.length; i += 200) await tx.insertInto('run_changes').values(rows.slice(i, i + 200)).execute();
  });
}

/** Marks a run failed with its error sentence. */
export async function recordRunFailure(db: Kysely<Database>, runId: number, finishedAt: string, error: string, fingerprint: string | null): Promise<void> {
  await db.updateTable('runs').set({ status: 'failed', finished_at: finishedAt, error, inputs_fingerprint: fingerprint })
    .where('id', '=', runId).execute();
}

/** The latest succeeded run for the same cut-off, methodology and inputs fingerprint, or null. */
export async function findReusableRunRow(db: Kysely<Database>, cutoff: IsoDate, methodology: string, fingerprint: string): Promise<number | null> {
  const row = await db.selectFrom('runs').select('id')
    .where('cutoff', '=', cutoff).where('methodology', '=', methodology)
    .where('inputs_fingerprint', '=', fingerprint).where('status', '=', 'succeeded')
    .orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}

/**
 * A result as stored in `runs.result_deflated` (a RecordedReviewResult): raw DEFLATE (level 1) of
 * the JSON of the result without each decision's `checks`, in one of two encodings:
 * - Latin-1, marked by a first byte 0x01 before the JSON, when no character is above U+00FF
 *   (the usual case: codes, English names, figures and "§"), one byte per character;
 * - UTF-8, with no marker (the JSON's first byte is "{"), when one is (a Chinese name, say), and for
 *   every result stored before the marker existed.
 * Any zlib inflates the blob (`zlib.inflateRawSync` in Node, `zlib.decompress(b, -15)` in Python);
 * decodeRunResult reads both encodings.
 *
 * Why the checks are left out (issue 7): they are ~49,000 rule outcomes with their sentences on a full
 * market, 6.6 of the 8.6 MB of JSON, and serializing them took ~60 ms of every screen (a third of it
 * after the review was decided). Each is derived from the run's inputs, which its fingerprint
 * identifies, and the rules: `explain` recomputes them (it always has), and `diff` recomputes the
 * review when it reuses a run, reusing the run only when the recomputed lists equal the recorded
 * ones. Every decision keeps its verdict, figures, per-channel rule and reason, and summary.
 * Why Latin-1: converting ~2 MB of JSON to UTF-8 costs a pass over it; a one-byte string converts to
 * Latin-1 by a copy.
 */
export function encodeRunResult(result: ReviewResult | RecordedReviewResult): Buffer {
  // The only `checks` key in a result is a decision's (no list row or line has one).
  const json = JSON.stringify(result, (key, value: unknown) => (key === 'checks' ? undefined : value));
  // A one-byte string answers this at once (none of its characters can match); only a two-byte one is scanned.
  if (ABOVE_LATIN1.test(json)) return deflateRawSync(Buffer.from(json, 'utf8'), { level: RESULT_DEFLATE_LEVEL });
  const bytes = Buffer.allocUnsafe(json.length + 1);
  bytes[0] = LATIN1_MARKER;
  bytes.write(json, 1, 'latin1');
  return deflateRawSync(bytes, { level: RESULT_DEFLATE_LEVEL });
}

/** The result JSON of a stored `result_deflated` (null stays null: a run without a result). */
export function decodeRunResult(deflated: Buffer | null): string | null {
  if (deflated === null) return null;
  const bytes = inflateRawSync(deflated);
  return bytes[0] === LATIN1_MARKER ? bytes.toString('latin1', 1) : bytes.toString('utf8');
}

/** The first byte of a result stored as Latin-1 (JSON text never starts with it). */
const LATIN1_MARKER = 0x01;
const ABOVE_LATIN1 = /[^\u0000-\u00ff]/;

/** zlib's fastest level: 0.54 MB for the 8.6 MB of a full market; level 6 gives 0.34 MB for ~3.4x the time (measured). */
const RESULT_DEFLATE_LEVEL = 1;

/** The stored result JSON of a run (null when the run has none: running or failed). */
export async function readRunResultJson(db: Kysely<Database>, runId: number): Promise<string | null> {
  const row = await db.selectFrom('runs').select('result_deflated').where('id', '=', runId).executeTakeFirst();
  return decodeRunResult(row?.result_deflated ?? null);
}

/** The latest succeeded run of a cut-off (any methodology unless given), or null. */
export async function findLatestSucceededRun(db: Kysely<Database>, cutoff: IsoDate, methodology?: string): Promise<number | null> {
  let q = db.selectFrom('runs').select('id').where('cutoff', '=', cutoff).where('status', '=', 'succeeded');
  if (methodology !== undefined) q = q.where('methodology', '=', methodology);
  const row = await q.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.id ?? null;
}
