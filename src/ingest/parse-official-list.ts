import type { Channel } from '../domain/types.js';
import { Bad, parseCode } from './fields.js';
import { inForceListKey, OfficialListsBuilder, type OfficialAnnouncement } from './official-types.js';
import { cellOf, readCsvText, type ColumnAliases } from './official-csv-text.js';
import { parseNoticeChannel } from './parse-official-notice.js';
import { parseSseListJson } from './parse-sse-json.js';
import type { RowIssue } from './types.js';

const LIST_ALIASES: ColumnAliases = {
  code: ['代码', '证券代码', '股票代码', '港股代码', 'stock code', 'stock_code'],
  name: ['简称', '证券简称', '股票简称', '中文简称', 'stock name', 'stock_name'],
  channel: ['渠道', '通道'],
};

/**
 * Parses a whole Southbound list download, the list in force after the review (pure): the SSE JSON
 * object `{"00001": "Name", ...}` or a code/name CSV. The channel is the CSV's channel column, else
 * `--channel`; a JSON download names none, so it needs `--channel` (a file issue otherwise).
 */
export function parseOfficialList(text: string, format: 'list-json' | 'list-csv', channelOption: Channel | null): OfficialAnnouncement {
  const builder = new OfficialListsBuilder();
  if (format === 'list-json') {
    if (channelOption === null) return fileIssue(format, 'a Southbound list download names no channel: pass --channel SH or SZ');
    const parsed = parseSseListJson(text);
    if ('fileIssue' in parsed) return { format, lists: new Map(), issues: [parsed.fileIssue] };
    for (const e of parsed.entries) builder.add(inForceListKey(channelOption), e, 1);
    return builder.build(format, parsed.issues);
  }
  const parsed = readCsvText(text, { required: ['code'], optional: ['name', 'channel'] }, LIST_ALIASES);
  if ('fileIssue' in parsed) return { format, lists: new Map(), issues: [parsed.fileIssue] };
  const issues: RowIssue[] = [...parsed.issues];
  for (const { fields, line } of parsed.rows) {
    const cell = (name: string) => cellOf(fields, parsed.index, name);
    const code = parseCode(cell('code'));
    if (code instanceof Bad) { issues.push({ line, field: 'code', reason: code.reason }); continue; }
    const channel = cell('channel') === '' ? channelOption : parseNoticeChannel(cell('channel'));
    if (channel instanceof Bad) { issues.push({ line, field: 'channel', reason: channel.reason }); continue; }
    if (channel === null) return fileIssue(format, 'the list names no channel (no channel column): pass --channel SH or SZ');
    builder.add(inForceListKey(channel), { code, name: cell('name') }, line);
  }
  return builder.build(format, issues);
}

function fileIssue(format: 'list-json' | 'list-csv', reason: string): OfficialAnnouncement {
  return { format, lists: new Map(), issues: [{ reason }] };
}
