import type { Channel, StockCode } from '../domain/types.js';
import type { RowIssue } from './types.js';

/**
 * Which list of an official announcement a code sits on: `hsci_add`, `hsci_remove`; `sb_add_SH`,
 * `sb_remove_SZ`, ... per channel; `sb_add` / `sb_remove` when the file names no channel (compared
 * with both channels together); `sb_list_SH` / `sb_list_SZ` for a whole Southbound list in force after
 * the review.
 */
export type OfficialListKey = string;

export const OFFICIAL_FORMATS = ['contract-csv', 'notice-csv', 'list-json', 'list-csv'] as const;
export type OfficialFormat = (typeof OFFICIAL_FORMATS)[number];

export interface OfficialEntry { readonly code: StockCode; readonly name: string }

/** An official file, parsed: its lists by key (codes unique within a list) and the rows it could not read. */
export interface OfficialAnnouncement {
  readonly format: OfficialFormat;
  readonly lists: ReadonlyMap<OfficialListKey, readonly OfficialEntry[]>;
  readonly issues: readonly RowIssue[];
}

/** The key of a change list on one channel, or channel-less. */
export function changeListKey(list: 'hsci_add' | 'hsci_remove' | 'sb_add' | 'sb_remove', channel: Channel | null): OfficialListKey {
  return channel === null ? list : `${list}_${channel}`;
}

/** The key of a whole Southbound list on one channel. */
export function inForceListKey(channel: Channel): OfficialListKey {
  return `sb_list_${channel}`;
}

/** Collects entries per list, keeping the first of a code repeated in one list and reporting the repeat. */
export class OfficialListsBuilder {
  private readonly lists = new Map<OfficialListKey, Map<StockCode, OfficialEntry>>();
  readonly issues: RowIssue[] = [];

  add(key: OfficialListKey, entry: OfficialEntry, line: number): void {
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = new Map()));
    if (list.has(entry.code)) {
      this.issues.push({ line, field: 'code', reason: `${entry.code} is already listed on ${key} by an earlier line` });
      return;
    }
    list.set(entry.code, entry);
  }

  build(format: OfficialFormat, moreIssues: readonly RowIssue[] = []): OfficialAnnouncement {
    const lists = new Map<OfficialListKey, OfficialEntry[]>();
    for (const key of [...this.lists.keys()].sort()) {
      lists.set(key, [...this.lists.get(key)!.values()].sort((a, b) => a.code.localeCompare(b.code)));
    }
    return { format, lists, issues: [...moreIssues, ...this.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) };
  }
}
