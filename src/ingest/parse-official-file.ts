import { parse } from 'csv-parse/sync';
import type { Channel } from '../domain/types.js';
import type { OfficialAnnouncement, OfficialFormat } from './official-types.js';
import { parseOfficialCsv } from './parse-official.js';
import { parseOfficialList } from './parse-official-list.js';
import { looksLikeNotice, parseOfficialNotice } from './parse-official-notice.js';

/**
 * Tells an official file's format from its content (pure): a JSON object is a list download; a CSV
 * whose header has `list` and `code` is the contract CSV; one with an adjustment-direction column
 * (调整方向, 调整内容, ...) an exchange notice; any other CSV with a code column a list download.
 */
export function detectOfficialFormat(text: string): OfficialFormat | null {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return 'list-json';
  let header: string[];
  try {
    header = ((parse(body, { to_line: 1, relax_column_count: true }) as string[][])[0] ?? []).map((h) => h.trim().toLowerCase());
  } catch {
    return null;
  }
  if (header.includes('list') && header.includes('code')) return 'contract-csv';
  if (looksLikeNotice(header)) return 'notice-csv';
  if (header.some((h) => ['code', '代码', '证券代码', '股票代码', '港股代码', 'stock code', 'stock_code'].includes(h))) return 'list-csv';
  return null;
}

/** Parses any accepted official file (pure); an unrecognised format is a file issue. */
export function parseOfficialFile(text: string, channelOption: Channel | null): OfficialAnnouncement {
  const format = detectOfficialFormat(text);
  switch (format) {
    case 'contract-csv': return parseOfficialCsv(text);
    case 'notice-csv': return parseOfficialNotice(text, channelOption);
    case 'list-json':
    case 'list-csv': return parseOfficialList(text, format, channelOption);
    case null: return {
      format: 'contract-csv', lists: new Map(),
      issues: [{ reason: 'not an official file this tool reads: expected the list,code CSV, an exchange notice CSV (代码, 调整方向) or a Southbound list (JSON or code,name CSV)' }],
    };
  }
}
