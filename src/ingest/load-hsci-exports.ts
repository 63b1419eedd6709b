import { readFileSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import type { InputIssue } from '../domain/errors.js';
import { combineHsciExports } from './combine-hsci-exports.js';
import { Bad, parseDate } from './fields.js';
import { replaceSnapshot } from './load-list-snapshot.js';
import { runFileLoad } from './load-run.js';
import { isZipFile } from './load-securities.js';
import { loadHsciFile } from './load-hsci.js';
import { parseHsciExport, type HsciExportRow } from './parse-hsci-export.js';
import type { ParsedFile } from './parsed-file.js';
import type { IngestOptions, LoadSummary } from './types.js';

const MAX_XLSX_BYTES = 50 * 1024 * 1024;

interface Export { readonly index: number; readonly file: string; readonly parsed: ParsedFile<HsciExportRow> }

/**
 * `ingest hsci FILE...`: CSV files one by one (with --as-of), and Hang Seng .xlsx exports put together
 * by the date each states: one day's HSCI and size-index exports make that day's snapshot (segments by
 * combineHsciExports). The first export of a day writes the snapshot, each file is recorded in `loads`;
 * with --strict a bad row in any export of a day keeps the whole day out.
 */
export async function loadHsciFiles(
  store: Store, files: readonly string[], options: IngestOptions, progressFor?: (file: string) => IngestOptions['progress'],
): Promise<LoadSummary[]> {
  const results: LoadSummary[] = [];
  const exports: Export[] = [];
  for (const [index, file] of files.entries()) {
    if (isZipFile(file)) exports.push({ index, file, parsed: parseHsciExport(readFileSync(file), file) });
    else results[index] = await loadHsciFile(store, file, { ...options, progress: progressFor?.(file) });
  }
  const byDate = new Map<string, Export[]>();
  for (const e of exports) {
    const date = e.parsed.asOf ?? '';
    byDate.set(date, [...(byDate.get(date) ?? []), e]);
  }
  for (const [date, group] of byDate) {
    const combined = combineHsciExports(date, group.flatMap((e) => e.parsed.rows));
    const problems = new Map(combined.problems.map((p) => [p.code, p.reason]));
    const badInGroup = group.find((e) => e.parsed.issues.length > 0 || e.parsed.rows.some((r) => problems.has(r.code)));
    for (const [position, e] of group.entries()) {
      results[e.index] = await runFileLoad(store, 'hsci', e.file, { ...options, progress: progressFor?.(e.file) }, async (run) => {
        await run.readWholeFile(MAX_XLSX_BYTES);
        if (e.parsed.fileIssue) return run.failFile(e.parsed.fileIssue);
        if (date === '') return run.failFile({ reason: 'the export has no dated constituent row' });
        checkAsOfOption(date, options.asOf, (issue) => run.failFile(issue));
        run.rowsRead = e.parsed.rows.length + e.parsed.issues.length;
        if (combined.members.size === 0) run.failFile({ reason: combined.problems[0]?.reason ?? `no constituent of ${date} could be read` });
        for (const { file: _file, ...issue } of e.parsed.issues) run.reject(issue);
        for (const row of e.parsed.rows) if (problems.has(row.code)) run.reject({ line: row.line, field: 'Stock Code', reason: problems.get(row.code)! });
        if (options.strict && badInGroup) run.failFile({ reason: `${badInGroup.file}, another export of ${date}, has bad rows; with --strict a day's exports load together or not at all` });
        if (position === 0) {
          replaceSnapshot(run, 'HSCI', date);
          const insert = run.store.sqlite.prepare('INSERT INTO hsci_members (as_of, code, segment) VALUES (?, ?, ?)');
          for (const [code, segment] of combined.members) insert.run(date, code, segment);
        }
        run.rowsStored = e.parsed.rows.filter((r) => !problems.has(r.code)).length;
      });
    }
  }
  return results;
}

/** An --as-of that disagrees with the date the export states is refused (the export's own date is used). */
function checkAsOfOption(date: string, asOf: string | undefined, fail: (issue: Omit<InputIssue, 'file'>) => never): void {
  if (asOf === undefined) return;
  const given = parseDate(asOf);
  if (given instanceof Bad) fail({ field: '--as-of', reason: given.reason });
  else if (given !== date) fail({ field: '--as-of', reason: `the export is dated ${date}, but --as-of says ${given}; leave --as-of out` });
}
