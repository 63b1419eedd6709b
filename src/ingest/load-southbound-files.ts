import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../db/connection.js';
import { combineSzsePages, type SzsePageFile } from './combine-szse-pages.js';
import { Bad, parseDate } from './fields.js';
import { replaceSnapshot } from './load-list-snapshot.js';
import { runFileLoad } from './load-run.js';
import { publishedSouthboundFormat } from './load-southbound-published.js';
import { loadSouthboundFile } from './load-southbound.js';
import { missingPages, parseSzseListJson } from './parse-szse-list.js';
import type { IngestOptions, LoadSummary } from './types.js';

const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/**
 * `ingest southbound FILE|DIR...`: each file on its own (loadSouthboundFile), except SZSE report pages
 * given as separate files (a directory stands for its .json files, by name): the page files that are
 * not a whole list on their own are put together (combineSzsePages) into ONE SZ snapshot, or refused
 * together when they do not belong together. The first page file writes the snapshot; every page
 * file gets its summary and `loads` record; with --strict a bad row on any page keeps the list out.
 */
export async function loadSouthboundFiles(
  store: Store, args: readonly string[], options: IngestOptions, progressFor?: (file: string) => IngestOptions['progress'],
): Promise<LoadSummary[]> {
  const files = args.flatMap(pageFilesOf);
  const results: LoadSummary[] = [];
  const pages: Array<SzsePageFile & { index: number }> = [];
  for (const [index, file] of files.entries()) {
    const page = partialPage(file);
    if (page) pages.push({ index, ...page });
    else results[index] = await loadSouthboundFile(store, file, { ...options, progress: progressFor?.(file) });
  }
  if (pages.length === 0) return results;
  const combined = combineSzsePages(pages);
  const anyBad = combined.ok && (combined.issues.length > 0 || pages.some((p) => p.parsed.issues.length > 0));
  for (const [position, p] of pages.entries()) {
    results[p.index] = await runFileLoad(store, 'southbound', p.file, { ...options, progress: progressFor?.(p.file) }, async (run) => {
      await run.readWholeFile(MAX_PAGE_BYTES);
      run.rowsRead = p.parsed.rows.length + p.parsed.issues.length;
      if (options.channel === 'SH') run.failFile({ field: '--channel', reason: "the SZSE list is the Shenzhen channel's: use --channel SZ or leave --channel out" });
      if (!combined.ok) {
        return run.failFile({ reason: combined.file === p.file ? combined.reason : `not loaded: ${combined.file}, a page of the same list, was refused (${combined.reason})` });
      }
      for (const { file: _file, ...issue } of [...p.parsed.issues, ...combined.issues.filter((i) => i.file === p.file)]) run.reject(issue);
      if (options.strict && anyBad) run.failFile({ reason: 'a page of the list has bad rows; with --strict the pages load together or not at all' });
      const asOf = listDate(options.asOf, combined.asOf, (reason, field) => run.failFile({ reason, ...(field ? { field } : {}) }));
      if (position === 0) {
        replaceSnapshot(run, 'SB_SZ', asOf);
        const insert = run.store.sqlite.prepare('INSERT INTO southbound_members (as_of, channel, code, name) VALUES (?, ?, ?, ?)');
        for (const row of combined.rows.flat()) insert.run(asOf, 'SZ', row.code, row.name === '' ? null : row.name);
      }
      run.rowsStored = combined.rows[position]!.length;
    });
  }
  return results;
}

/** A directory: its .json files by name (the page files of a download); anything else: itself. */
function pageFilesOf(arg: string): string[] {
  let isDir = false;
  try { isDir = statSync(arg).isDirectory(); } catch { return [arg]; }
  if (!isDir) return [arg];
  const json = readdirSync(arg).filter((n) => n.toLowerCase().endsWith('.json')).sort().map((n) => join(arg, n));
  return json.length > 0 ? json : [arg];
}

/** The file as SZSE report pages when it is pages of a list that lacks some (a page file); else null (loaded on its own). */
function partialPage(file: string): Omit<SzsePageFile, 'index'> | null {
  try {
    if (!statSync(file).isFile() || statSync(file).size > MAX_PAGE_BYTES || publishedSouthboundFormat(file) !== 'szse-json') return null;
  } catch {
    return null;
  }
  const parsed = parseSzseListJson(readFileSync(file, 'utf8'), file);
  const pages = 'pages' in parsed ? parsed.pages : undefined;
  if (parsed.fileIssue || !pages || missingPages(pages).length === 0) return null;
  return { file, parsed: { ...parsed, pages } };
}

/** --as-of when given (it names the date the list is in force from), else the date the pages state. */
function listDate(option: string | undefined, stated: string | undefined, fail: (reason: string, field?: string) => never): string {
  if (option !== undefined) {
    const d = parseDate(option);
    return d instanceof Bad ? fail(d.reason, '--as-of') : d;
  }
  return stated ?? fail('the SZSE list states no date: give the date it is in force from with --as-of DATE');
}
