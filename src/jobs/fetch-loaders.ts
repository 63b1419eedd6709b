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

const NO_READER = 'hkconnect has no reader for this file yet';

/**
 * Which ingest loader takes each source's copy. A sentence instead: the file is fetched, checked
 * and kept (outcome `fetched`) but not loaded, and the sentence says why.
 */
export const FETCH_LOADERS: Readonly<Record<SourceId, FetchLoader | string>> = {
  dayquot: viaIngest('dayquot', () => ({})),
  sse: viaIngest('southbound', (asOf) => ({ asOf, channel: 'SH' })),
  securities: NO_READER,
  szse: NO_READER,
  hsci: NO_READER,
};
