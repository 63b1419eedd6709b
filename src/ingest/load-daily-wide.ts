import { readFileSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import { runDateReader } from './date-format.js';
import { loadDailyRowsFrom } from './load-daily.js';
import { runFileLoad } from './load-run.js';
import { joinWideFiles, readWideFile, type WideField, type WideFile } from './parse-daily-wide.js';
import type { IngestOptions, LoadSummary, RowIssue } from './types.js';

const WIDE_INDEX = { date: 0, code: 1, market_cap_hkd: 2, turnover_hkd: 3, suspended: 4, close: 5, volume: 6 };

/**
 * `ingest daily --layout wide FIELD=FILE...`: vendor matrices (first column the date, one column per
 * ticker, one file per field), joined into daily rows and loaded like a daily CSV, all the files in ONE
 * transaction (recorded under the first file; the content hash covers every file). Each issue names
 * the file, line and ticker column its value came from.
 */
export async function loadDailyWideFiles(store: Store, files: ReadonlyArray<{ field: WideField; file: string }>, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'daily', files[0]!.file, options, async (run) => {
    const readDate = runDateReader(run);
    const wides: WideFile[] = [];
    for (const { field, file } of files) {
      const bytes = readFileSync(file);
      run.hashBytes(bytes);
      const read = readWideFile(bytes.toString('utf8'), file, field, readDate);
      if (read.fileIssue) return run.failFile(read.fileIssue);
      for (const issue of read.issues) { run.rowsRead++; run.reject(issue); }
      wides.push(read.wide!);
    }
    const joined = joinWideFiles(wides);
    for (const issue of joined.issues) { run.rowsRead++; run.reject(issue); }
    const locate = (issue: RowIssue): RowIssue => {
      const where = issue.line === undefined ? undefined : joined.rows[issue.line]?.where[issue.field ?? ''];
      return where ? { ...issue, file: where.file, line: where.line, field: where.field } : issue;
    };
    await loadDailyRowsFrom(run, async (makeHandler) => {
      const handle = makeHandler(WIDE_INDEX);
      joined.rows.forEach((row, i) => { run.rowsRead++; handle([...row.fields], i); });
    }, { locate, dateFormat: 'YYYY-MM-DD' }); // the joined rows carry ISO dates
  });
}
