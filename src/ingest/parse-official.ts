import { CHANNELS, OFFICIAL_LISTS, type Channel, type OfficialList, type StockCode } from '../domain/types.js';
import type { ColumnIndex } from './csv-rows.js';
import { Bad, parseCode, parseEnum } from './fields.js';
import { changeListKey, OfficialListsBuilder, type OfficialAnnouncement } from './official-types.js';
import { cellOf, readCsvText } from './official-csv-text.js';
import type { RowIssue } from './types.js';

/** `official` columns (docs/contract.md "Input files"); the review comes from `--cutoff`. */
export const OFFICIAL_COLUMNS = { required: ['list', 'code'], optional: ['name', 'channel'] } as const;

/** One row of the contract's `official` CSV; `channels` empty for HSCI lists and sb rows that name none. */
export interface OfficialRow {
  readonly list: OfficialList;
  readonly code: StockCode;
  readonly name: string | null;
  readonly channels: readonly Channel[];
}

/**
 * Parses one data row of the `official` CSV (pure; shared by `ingest official` and `diff`). `channel`
 * is SH, SZ or BOTH, for sb lists only; blank means "not given".
 */
export function parseOfficialRow(fields: readonly string[], line: number, index: ColumnIndex): OfficialRow | RowIssue {
  const cell = (name: string) => cellOf(fields, index, name);
  const list = parseEnum(cell('list').toLowerCase(), OFFICIAL_LISTS);
  if (list instanceof Bad) return { line, field: 'list', reason: list.reason };
  const code = parseCode(cell('code'));
  if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
  const channelCell = cell('channel');
  let channels: Channel[] = [];
  if (channelCell !== '') {
    if (list.startsWith('hsci')) return { line, field: 'channel', reason: `${list} is an HSCI list: a channel applies to sb lists only` };
    const channel = parseEnum(channelCell, [...CHANNELS, 'BOTH'] as const);
    if (channel instanceof Bad) return { line, field: 'channel', reason: channel.reason };
    channels = channel === 'BOTH' ? [...CHANNELS] : [channel];
  }
  const name = cell('name');
  return { list, code, name: name === '' ? null : name, channels };
}

/** Parses a whole contract CSV text into lists (`sb_add_SH` per channel, `sb_add` when no channel is given). Pure. */
export function parseOfficialCsv(text: string): OfficialAnnouncement {
  const parsed = readCsvText(text, OFFICIAL_COLUMNS);
  if ('fileIssue' in parsed) return { format: 'contract-csv', lists: new Map(), issues: [parsed.fileIssue] };
  const builder = new OfficialListsBuilder();
  const issues: RowIssue[] = [...parsed.issues];
  for (const { fields, line } of parsed.rows) {
    const row = parseOfficialRow(fields, line, parsed.index);
    if ('reason' in row) { issues.push(row); continue; }
    const entry = { code: row.code, name: row.name ?? '' };
    if (row.channels.length === 0) builder.add(changeListKey(row.list, null), entry, line);
    for (const ch of row.channels) builder.add(changeListKey(row.list, ch), entry, line);
  }
  return builder.build('contract-csv', issues);
}
