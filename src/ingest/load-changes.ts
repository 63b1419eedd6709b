import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { readKnownCodes } from './load-lookups.js';
import { runFileLoad } from './load-run.js';
import { runDateReader } from './date-format.js';
import { CHANGES_COLUMNS, parseChangeRow } from './parse-changes.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

const UPSERT_CHANGE = `INSERT INTO attribute_changes (code, date, field, value) VALUES (?, ?, ?, ?)
  ON CONFLICT (code, field, date) DO UPDATE SET value = excluded.value`;

/** Loads a `changes` CSV in one transaction; the same (code, field, date) twice in one file is a bad row. */
export async function loadChangesFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'changes', file, options, async (run) => {
    const upsert = run.store.sqlite.prepare(UPSERT_CHANGE);
    const knownCodes = readKnownCodes(run.store);
    const seen = new Set<string>();
    const readDate = runDateReader(run);
    await readCsvRows(run, CHANGES_COLUMNS, (index) => (fields, line) => {
      const row = parseChangeRow(fields, line, index, knownCodes, readDate);
      if ('reason' in row) return run.reject(row);
      const key = `${row.code} ${row.field} ${row.date}`;
      if (seen.has(key)) return run.reject({ line, field: 'field', reason: `an earlier line of this file already changes ${row.field} of ${row.code} on ${row.date}` });
      seen.add(key);
      storeRow(run, line, () => upsert.run(row.code, row.date, row.field, row.value));
    });
  });
}
