import { closeSync, openSync, readSync } from 'node:fs';
import type { Channel, StockCode } from '../domain/types.js';
import { Bad, parseDate } from './fields.js';
import { replaceSnapshot, southboundListOf } from './load-list-snapshot.js';
import type { LoadRun } from './load-run.js';
import { parseAdjustmentNotice } from './parse-adjustment-notice.js';
import { missingPages, parseSzseListJson, parseSzseListXlsx, type SzseListEntry, type SzsePages } from './parse-szse-list.js';
import type { ParsedFile } from './parsed-file.js';
import { storeRow } from './store-row.js';

/** The published Southbound files `ingest southbound` reads besides CSV and the SSE JSON object. */
export type PublishedSouthbound = 'szse-json' | 'szse-xlsx' | 'notice-html';

const MAX_BYTES = 20 * 1024 * 1024;

/** Which published shape a file is, from its first bytes: `[` SZSE's report pages, a zip its xlsx, `<` a notice page. */
export function publishedSouthboundFormat(file: string): PublishedSouthbound | null {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'szse-xlsx';
    const text = head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    if (text.startsWith('[')) return 'szse-json';
    if (text.startsWith('<')) return 'notice-html';
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Loads a published Southbound file: SZSE's list (a snapshot of SZ) or an exchange's adjustment notice (the list it makes from its effective date). */
export async function loadPublishedSouthbound(run: LoadRun, format: PublishedSouthbound): Promise<void> {
  const bytes = await run.readWholeFile(MAX_BYTES);
  if (format === 'notice-html') return applyNotice(run, bytes.toString('utf8'));
  const parsed = format === 'szse-json' ? parseSzseListJson(bytes.toString('utf8'), run.file) : parseSzseListXlsx(bytes, run.file);
  if (parsed.fileIssue) return run.failFile(parsed.fileIssue);
  if (run.options.channel === 'SH') run.failFile({ field: '--channel', reason: "the SZSE list is the Shenzhen channel's: use --channel SZ or leave --channel out" });
  const pages: SzsePages | undefined = 'pages' in parsed ? (parsed.pages as SzsePages | undefined) : undefined;
  if (pages) {
    const missing = missingPages(pages);
    if (missing.length > 0) run.failFile({ reason: `page(s) ${missing.join(', ')} of ${pages.pageCount} are missing: put every page of the list in one file (e.g. jq -s add page*.json), or use hkconnect fetch` });
    if (parsed.rows.length + parsed.issues.length !== pages.recordCount) {
      run.failFile({ reason: `the pages hold ${parsed.rows.length + parsed.issues.length} rows but SZSE says the list has ${pages.recordCount}: download it again` });
    }
  }
  const asOf = listDate(run, parsed);
  writeList(run, 'SZ', asOf, parsed);
}

function listDate(run: LoadRun, parsed: ParsedFile<SzseListEntry>): string {
  const option = run.options.asOf;
  if (option !== undefined) {
    const d = parseDate(option);
    return d instanceof Bad ? run.failFile({ field: '--as-of', reason: d.reason }) : d;
  }
  return parsed.asOf ?? run.failFile({ reason: 'the SZSE list states no date: give the date it is in force from with --as-of DATE' });
}

function writeList(run: LoadRun, channel: Channel, asOf: string, parsed: ParsedFile<SzseListEntry>): void {
  run.rowsRead = parsed.rows.length + parsed.issues.length;
  for (const { file: _file, ...issue } of parsed.issues) run.reject(issue);
  replaceSnapshot(run, southboundListOf(channel), asOf);
  const insert = run.store.sqlite.prepare('INSERT INTO southbound_members (as_of, channel, code, name) VALUES (?, ?, ?, ?)');
  for (const row of parsed.rows) storeRow(run, row.line, () => insert.run(asOf, channel, row.code, row.name === '' ? null : row.name));
}

/**
 * An adjustment notice applied to the list in force the day before its effective date: that list plus
 * its 调入, less its 调出, becomes the channel's snapshot from the effective date. A 调入 of a code
 * already listed or a 调出 of one not listed is a bad row; without an earlier list the file is refused.
 */
function applyNotice(run: LoadRun, html: string): void {
  const parsed = parseAdjustmentNotice(html, run.file);
  run.rowsRead = parsed.rows.length + parsed.issues.length;
  const channel = run.options.channel ?? parsed.channel ?? run.failFile({ reason: 'the notice does not say which exchange published it: give --channel SH or --channel SZ' });
  if (run.options.channel && parsed.channel && run.options.channel !== parsed.channel) {
    run.failFile({ field: '--channel', reason: `the notice is ${parsed.channel === 'SH' ? "the Shanghai Stock Exchange's (SH)" : "the Shenzhen Stock Exchange's (SZ)"}, but --channel says ${run.options.channel}` });
  }
  for (const { file: _file, ...issue } of parsed.issues) run.reject(issue);
  const effective = noticeDate(run, parsed.asOf);
  const { sqlite } = run.store;
  const list = southboundListOf(channel);
  const base = sqlite.prepare('SELECT max(as_of) FROM list_snapshots WHERE list = ? AND as_of < ?').pluck().get(list, effective) as string | null;
  if (base === null) run.failFile({ reason: `no ${channel} list in force before ${effective} is stored: load the list first (ingest southbound ... --channel ${channel}), then its notices` });
  const members = new Map<StockCode, string | null>(
    (sqlite.prepare('SELECT code, name FROM southbound_members WHERE as_of = ? AND channel = ?').all(base, channel) as Array<{ code: string; name: string | null }>).map((m) => [m.code, m.name]),
  );
  const applied: Array<{ line: number; code: StockCode; name: string; add: boolean }> = [];
  for (const row of parsed.rows) {
    if (row.direction === 'add' && members.has(row.code)) { run.reject({ line: row.line, field: 'code', reason: `${row.code} is already on the ${channel} list of ${base}` }); continue; }
    if (row.direction === 'remove' && !members.has(row.code)) { run.reject({ line: row.line, field: 'code', reason: `${row.code} is not on the ${channel} list of ${base}, so it cannot be removed` }); continue; }
    applied.push({ line: row.line, code: row.code, name: row.name, add: row.direction === 'add' });
  }
  for (const a of applied) if (a.add) members.set(a.code, a.name === '' ? null : a.name); else members.delete(a.code);
  replaceSnapshot(run, list, effective);
  const insert = sqlite.prepare('INSERT INTO southbound_members (as_of, channel, code, name) VALUES (?, ?, ?, ?)');
  for (const [code, name] of members) insert.run(effective, channel, code, name);
  run.rowsStored = applied.length;
}

/** The notice's effective date: its own, else --as-of; a --as-of that differs from the notice's own is refused. */
function noticeDate(run: LoadRun, own: string | undefined): string {
  const option = run.options.asOf;
  if (option === undefined) return own ?? run.failFile({ reason: 'the notice gives no single effective date: give it with --as-of DATE' });
  const given = parseDate(option);
  if (given instanceof Bad) return run.failFile({ field: '--as-of', reason: given.reason });
  if (own !== undefined && own !== given) return run.failFile({ field: '--as-of', reason: `the notice takes effect on ${own}, but --as-of says ${given}; leave --as-of out` });
  return given;
}
