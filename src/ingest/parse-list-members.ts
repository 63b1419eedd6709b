import { CHANNELS, SEGMENTS, type Channel, type Segment } from '../domain/types.js';
import type { ColumnIndex } from './csv-rows.js';
import { Bad, parseCode, parseEnum, parseText } from './fields.js';
import type { RowIssue } from './types.js';

/** `hsci` columns (docs/contract.md "Input files"); the snapshot date comes from `--as-of`. */
export const HSCI_COLUMNS = { required: ['code', 'segment'] } as const;

/** `southbound` columns: `channel` may be left out when `--channel` names it. */
export function southboundColumns(channelGiven: boolean) {
  return channelGiven
    ? { required: ['code'], optional: ['channel', 'name'] }
    : { required: ['code', 'channel'], optional: ['name'] };
}

export interface HsciMemberRow { readonly code: string; readonly segment: Segment }

export interface SouthboundMemberRow {
  readonly code: string;
  /** The channels the row puts the code on (BOTH -> SH and SZ). */
  readonly channels: readonly Channel[];
  readonly name: string | null;
}

const SOUTHBOUND_CHANNELS = [...CHANNELS, 'BOTH'] as const;

/** Parses one `hsci` row (pure). */
export function parseHsciRow(fields: readonly string[], line: number, index: ColumnIndex): HsciMemberRow | RowIssue {
  const code = parseCode(fields[index.code!]!);
  if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
  const segment = parseEnum(fields[index.segment!]!, SEGMENTS);
  if (segment instanceof Bad) return { line, field: 'segment', reason: segment.reason };
  return { code, segment };
}

/** Parses one `southbound` CSV row (pure); `channel` fills in when the file has no channel column. */
export function parseSouthboundRow(fields: readonly string[], line: number, index: ColumnIndex, channel?: Channel): SouthboundMemberRow | RowIssue {
  const code = parseCode(fields[index.code!]!);
  if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
  let channels: readonly Channel[];
  if (index.channel === undefined || index.channel === -1) channels = [channel!];
  else {
    const given = parseEnum(fields[index.channel]!, SOUTHBOUND_CHANNELS);
    if (given instanceof Bad) return { line, field: 'channel', reason: given.reason };
    channels = given === 'BOTH' ? CHANNELS : [given];
  }
  const nameCell = index.name === undefined || index.name === -1 ? '' : fields[index.name]!;
  const name = nameCell.trim() === '' ? null : parseText(nameCell);
  if (name instanceof Bad) return { line, field: 'name', reason: name.reason };
  return { code, channels, name };
}
