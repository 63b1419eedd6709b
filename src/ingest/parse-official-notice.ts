import { CHANNELS, type Channel } from '../domain/types.js';
import { Bad, parseCode } from './fields.js';
import { changeListKey, OfficialListsBuilder, type OfficialAnnouncement } from './official-types.js';
import { cellOf, readCsvText, type ColumnAliases } from './official-csv-text.js';
import type { RowIssue } from './types.js';

/** The columns of an SSE/SZSE adjustment notice saved as CSV, under the names the exchanges use. */
export const NOTICE_ALIASES: ColumnAliases = {
  code: ['代码', '证券代码', '股票代码', '港股代码'],
  name: ['简称', '证券简称', '股票简称', '中文简称', '港股简称'],
  direction: ['调整方向', '调整内容', '调整类型', '变动方向', 'direction'],
  channel: ['渠道', '通道', '市场'],
};
const NOTICE_COLUMNS = { required: ['code', 'direction'], optional: ['name', 'channel'] };

/** True when a header names a code column and an adjustment-direction column (the notice shape). */
export function looksLikeNotice(header: readonly string[]): boolean {
  const has = (col: string) => {
    const names = [col, ...NOTICE_ALIASES[col]!].map((n) => n.toLowerCase());
    return header.some((h) => names.includes(h.trim().toLowerCase()));
  };
  return has('code') && has('direction');
}

/**
 * Parses an exchange adjustment notice (pure): a direction containing 调入 is an addition, 调出 a
 * removal. The channel comes from a 渠道 column (SH/SZ, 沪/深, 沪港通/深港通) or, when the file has
 * none, from `--channel`; with neither the lists are channel-less (`sb_add`, `sb_remove`).
 */
export function parseOfficialNotice(text: string, channelOption: Channel | null): OfficialAnnouncement {
  const parsed = readCsvText(text, NOTICE_COLUMNS, NOTICE_ALIASES);
  if ('fileIssue' in parsed) return { format: 'notice-csv', lists: new Map(), issues: [parsed.fileIssue] };
  const builder = new OfficialListsBuilder();
  const issues: RowIssue[] = [...parsed.issues];
  for (const { fields, line } of parsed.rows) {
    const cell = (name: string) => cellOf(fields, parsed.index, name);
    const code = parseCode(cell('code'));
    if (code instanceof Bad) { issues.push({ line, field: 'code', reason: code.reason }); continue; }
    const direction = cell('direction');
    const list = direction.includes('调入') ? 'sb_add' : direction.includes('调出') ? 'sb_remove' : null;
    if (list === null) { issues.push({ line, field: 'direction', reason: `"${direction}" says neither 调入 (added) nor 调出 (removed)` }); continue; }
    const channel = cell('channel') === '' ? channelOption : parseNoticeChannel(cell('channel'));
    if (channel instanceof Bad) { issues.push({ line, field: 'channel', reason: channel.reason }); continue; }
    builder.add(changeListKey(list, channel), { code, name: cell('name') }, line);
  }
  return builder.build('notice-csv', issues);
}

/** SH/SZ as written in a notice: the code, the exchange or the Connect programme, in English or Chinese. */
export function parseNoticeChannel(cell: string): Channel | Bad {
  const s = cell.trim().toUpperCase();
  if ((CHANNELS as readonly string[]).includes(s)) return s as Channel;
  if (/^(沪|上海|上交所|沪港通|港股通（沪）|港股通\(沪\)|SSE)/.test(s)) return 'SH';
  if (/^(深|深圳|深交所|深港通|港股通（深）|港股通\(深\)|SZSE)/.test(s)) return 'SZ';
  return new Bad(`"${cell}" is not a channel (SH/SZ, 沪/深)`);
}
