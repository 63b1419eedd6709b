import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';

/**
 * A run's result may now be stored as Latin-1 (issue 7; runs.ts encodeRunResult): the deflated bytes
 * are a first byte 0x01 and then the JSON one byte per character, when no character is above U+00FF.
 * Results with a wider character, and every earlier result, stay UTF-8 JSON with no marker. The schema
 * does not change, so going up does nothing: the reader (decodeRunResult) takes both.
 *
 * Going down turns every Latin-1 result back into UTF-8 JSON with no marker, the one encoding the
 * earlier migrations (2026-11-22T2000's down, which moves results back into `result_json`) know.
 */
export async function up(_db: Kysely<unknown>): Promise<void> {
  // Nothing to change: the column and its older contents stay as they are.
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const rows = (await sql<{ id: number; result_deflated: Buffer }>`SELECT id, result_deflated FROM runs WHERE result_deflated IS NOT NULL`.execute(db)).rows;
  for (const r of rows) {
    const bytes = inflateRawSync(r.result_deflated);
    if (bytes[0] !== LATIN1_MARKER) continue;
    const utf8 = Buffer.from(bytes.toString('latin1', 1), 'utf8');
    await sql`UPDATE runs SET result_deflated = ${deflateRawSync(utf8, { level: 1 })} WHERE id = ${r.id}`.execute(db);
  }
}

/** The first byte of a result stored as Latin-1 (JSON text never starts with it). */
const LATIN1_MARKER = 0x01;
