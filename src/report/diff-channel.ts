import type { Channel } from '../domain/types.js';
import type { OfficialAnnouncement, OfficialEntry, OfficialListKey } from '../ingest/official-types.js';

/** The official lists narrowed to one channel, or why that cannot be done. */
export type ChannelSelection =
  | { readonly ok: true; readonly announcement: OfficialAnnouncement; readonly dropped: readonly OfficialListKey[] }
  | { readonly ok: false; readonly reason: string };

/**
 * `diff --channel CH`, the same for every kind of official file (pure): the comparison keeps the
 * Southbound lists of channel CH only. A channel-less list (`sb_add`, `sb_remove`: a file whose rows
 * name no channel) is read as CH's, since the option names the channel the file does not; the other
 * channel's lists and the HSCI lists (which have no channel) are left out, and `dropped` names them.
 * A file with no Southbound list that CH can apply to is refused, with the lists it has.
 */
export function selectChannel(a: OfficialAnnouncement, ch: Channel): ChannelSelection {
  const kept = new Map<OfficialListKey, OfficialEntry[]>();
  const dropped: OfficialListKey[] = [];
  for (const [key, entries] of a.lists) {
    const target = channelKey(key, ch);
    if (target === null) { dropped.push(key); continue; }
    const merged = new Map((kept.get(target) ?? []).map((e) => [e.code, e]));
    for (const e of entries) if (!merged.has(e.code)) merged.set(e.code, e);
    kept.set(target, [...merged.values()].sort((x, y) => x.code.localeCompare(y.code)));
  }
  if (kept.size === 0) {
    const has = [...a.lists.keys()].join(', ');
    return { ok: false, reason: `has no Southbound list for channel ${ch} (its lists: ${has}), so --channel ${ch} cannot apply; drop --channel to compare these lists` };
  }
  const lists = new Map([...kept].sort(([x], [y]) => x.localeCompare(y)));
  return { ok: true, announcement: { ...a, lists }, dropped };
}

/** The key a list takes under `--channel ch`, or null when the list is not on that channel. */
function channelKey(key: OfficialListKey, ch: Channel): OfficialListKey | null {
  const m = /^sb_(add|remove|list)(?:_(SH|SZ))?$/.exec(key);
  if (!m) return null;
  if (m[2] === undefined) return `sb_${m[1]}_${ch}`;
  return m[2] === ch ? key : null;
}
