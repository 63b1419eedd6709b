import { closeSync, openSync, readSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import type { Channel } from '../domain/types.js';
import { readCsvRows } from './csv-rows.js';
import { replaceSnapshot, requireAsOf, southboundListOf } from './load-list-snapshot.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { loadPublishedSouthbound, publishedSouthboundFormat } from './load-southbound-published.js';
import { parseSouthboundRow, southboundColumns } from './parse-list-members.js';
import { parseSseListJson } from './parse-sse-json.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

const MAX_JSON_BYTES = 20 * 1024 * 1024;

/**
 * Loads a Southbound list as the snapshot in force from `--as-of`: a CSV (code, channel SH/SZ/BOTH,
 * name) or the SSE JSON download `{"00001": "Name", ...}` with `--channel`; or, as published, SZSE's
 * list (JSON pages or xlsx) and an exchange's adjustment notice (HTML), load-southbound-published.ts. Each channel the file
 * speaks for (the `--channel` one, else each channel with a row) has its snapshot for that date replaced.
 */
export async function loadSouthboundFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'southbound', file, options, async (run) => {
    const published = publishedSouthboundFormat(file);
    if (published) return loadPublishedSouthbound(run, published);
    const asOf = requireAsOf(run);
    const insert = run.store.sqlite.prepare('INSERT INTO southbound_members (as_of, channel, code, name) VALUES (?, ?, ?, ?)');
    const replaced = new Set<Channel>();
    const startChannel = (channel: Channel) => {
      if (!replaced.has(channel)) replaceSnapshot(run, southboundListOf(channel), asOf);
      replaced.add(channel);
    };
    if (options.channel) startChannel(options.channel);
    if (startsWithBrace(file)) return loadSseJson(run, asOf, insert);
    const seen = new Set<string>();
    await readCsvRows(run, southboundColumns(options.channel !== undefined), (index) => (fields, line) => {
      const row = parseSouthboundRow(fields, line, index, options.channel);
      if ('reason' in row) return run.reject(row);
      // With --channel, rows for the other channel are read but not part of this list.
      const channels = options.channel ? row.channels.filter((c) => c === options.channel) : row.channels;
      if (channels.length === 0) return;
      const twice = channels.find((c) => seen.has(`${c}${row.code}`));
      if (twice) return run.reject({ line, field: 'code', reason: `an earlier line of this file already lists ${row.code} on ${twice}` });
      for (const c of channels) { seen.add(`${c}${row.code}`); startChannel(c); }
      storeRow(run, line, () => { for (const c of channels) insert.run(asOf, c, row.code, row.name); });
    });
  });
}

async function loadSseJson(run: LoadRun, asOf: string, insert: { run: (...args: unknown[]) => unknown }): Promise<void> {
  const channel = run.options.channel;
  if (!channel) run.failFile({ reason: 'a southbound JSON list names no channel: give --channel SH or --channel SZ' });
  const bytes = await run.readWholeFile(MAX_JSON_BYTES);
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  if (text.includes('\uFFFD')) run.failFile({ reason: 'the file holds bytes that are not valid UTF-8 (save it as UTF-8)' });
  const parsed = parseSseListJson(text);
  if ('fileIssue' in parsed) return run.failFile(parsed.fileIssue);
  run.rowsRead = parsed.entries.length + parsed.issues.length;
  for (const issue of parsed.issues) run.reject(issue);
  for (const entry of parsed.entries) storeRow(run, 1, () => insert.run(asOf, channel, entry.code, entry.name));
}

/** True when the file's first non-blank character (after a BOM) is `{`: the JSON download. */
function startsWithBrace(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^(\uFEFF)?\s*\{/.test(head.subarray(0, n).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
