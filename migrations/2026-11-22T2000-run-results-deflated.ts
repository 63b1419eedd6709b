import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';

/**
 * A run's result is stored deflated (issue 7), in `runs.result_deflated`: raw DEFLATE (RFC 1951) of
 * the same UTF-8 JSON that `result_json` held, which is left NULL.
 *
 * Why: the result explains every screened security (~2,700 decisions with their rule outcomes), about
 * 8.6 MB of JSON on a full market. Writing that took ~85 ms of a ~1 s screen and grew the store by
 * 8.6 MB a run; deflated at level 1 it is ~0.54 MB (16x smaller) for ~30 ms. Any zlib reads it back
 * (`zlib.inflateRawSync` in Node, `zlib.decompress(b, -15)` in Python).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('ALTER TABLE runs ADD COLUMN result_deflated BLOB').execute(db);
  const rows = (await sql<{ id: number; result_json: string }>`SELECT id, result_json FROM runs WHERE result_json IS NOT NULL`.execute(db)).rows;
  for (const r of rows) {
    await sql`UPDATE runs SET result_deflated = ${deflateRawSync(r.result_json, { level: 1 })}, result_json = NULL WHERE id = ${r.id}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const rows = (await sql<{ id: number; result_deflated: Buffer }>`SELECT id, result_deflated FROM runs WHERE result_deflated IS NOT NULL`.execute(db)).rows;
  for (const r of rows) {
    await sql`UPDATE runs SET result_json = ${inflateRawSync(r.result_deflated).toString('utf8')} WHERE id = ${r.id}`.execute(db);
  }
  await sql.raw('ALTER TABLE runs DROP COLUMN result_deflated').execute(db);
}
