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
 * Which ingest loader takes each source's copy. A sentence instead: the file is fetched, checked
 * and kept (outcome `fetched`) but not loaded, and the sentence says why.
 */
export const FETCH_LOADERS: Readonly<Record<SourceId, FetchLoader | string>> = {
  dayquot: viaIngest('dayquot', () => ({})),
  sse: viaIngest('southbound', (asOf) => ({ asOf, channel: 'SH' })),
  securities: viaIngest('securities', () => ({})),
  szse: viaIngest('southbound', (asOf) => ({ asOf, channel: 'SZ' })),
  // Never reached: the HSCI export is fetched and loaded together with its size exports (fetch-hsci.ts).
  hsci: 'one HSCI export cannot tell the segments; it is fetched and loaded with its size exports (src/jobs/fetch-hsci.ts)',
};
