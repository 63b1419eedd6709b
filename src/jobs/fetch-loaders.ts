import type { Store } from '../db/connection.js';
import type { IsoDate } from '../domain/types.js';
import { INGEST_KINDS } from '../ingest/kinds.js';
import type { IngestOptions, LoadSummary } from '../ingest/types.js';
import type { SourceId } from '../fetch/source-types.js';

/** Loads one kept copy into the store, through the same loader as `hkconnect ingest`. */
export type FetchLoader = (store: Store, file: string, asOf: IsoDate, now: Date) => Promise<LoadSummary>;

function viaIngest(kind: string, extra: (asOf: IsoDate) => Partial<IngestOptions>): FetchLoader {
  return (store, file, asOf, now) => INGEST_KINDS[kind]!.load(store, file, { strict: false, now, ...extra(asOf) });
}

/**
 * Which ingest loader takes each source's copy. Null: the file is fetched, checked and kept
 * (outcome `fetched`), but nothing in hkconnect reads it yet; `hkconnect ingest` takes it once
 * its reader exists.
 */
export const FETCH_LOADERS: Readonly<Record<SourceId, FetchLoader | null>> = {
  dayquot: viaIngest('dayquot', () => ({})),
  sse: viaIngest('southbound', (asOf) => ({ asOf, channel: 'SH' })),
  securities: null,
  szse: null,
  hsci: null,
};
