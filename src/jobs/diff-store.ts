import type { Store } from '../db/connection.js';
import type { IsoDate } from '../domain/types.js';
import { changeListKey, OfficialListsBuilder, type OfficialAnnouncement } from '../ingest/official-types.js';
import type { OfficialList, Channel } from '../domain/types.js';

/** The official changes stored by `ingest official` for a cut-off, as an announcement; null when none. */
export function readStoredOfficial(store: Store, cutoff: IsoDate): OfficialAnnouncement | null {
  const rows = store.sqlite.prepare('SELECT list, channel, code, name FROM official_changes WHERE cutoff = ? ORDER BY list, channel, code')
    .all(cutoff) as Array<{ list: OfficialList; channel: '' | Channel; code: string; name: string | null }>;
  if (rows.length === 0) return null;
  const builder = new OfficialListsBuilder();
  for (const r of rows) builder.add(changeListKey(r.list, r.channel === '' ? null : r.channel), { code: r.code, name: r.name ?? '' }, 0);
  return builder.build('contract-csv');
}
