import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { replaceSnapshot, requireAsOf } from './load-list-snapshot.js';
import { runFileLoad } from './load-run.js';
import { HSCI_COLUMNS, parseHsciRow } from './parse-list-members.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

/** Loads an `hsci` constituent list as the snapshot in force from `--as-of`, replacing any list stored for that date. */
export async function loadHsciFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'hsci', file, options, async (run) => {
    const asOf = requireAsOf(run);
    replaceSnapshot(run, 'HSCI', asOf);
    const insert = run.store.sqlite.prepare('INSERT INTO hsci_members (as_of, code, segment) VALUES (?, ?, ?)');
    const seen = new Set<string>();
    await readCsvRows(run, HSCI_COLUMNS, (index) => (fields, line) => {
      const row = parseHsciRow(fields, line, index);
      if ('reason' in row) return run.reject(row);
      if (seen.has(row.code)) return run.reject({ line, field: 'code', reason: `an earlier line of this file already lists ${row.code}` });
      seen.add(row.code);
      storeRow(run, line, () => insert.run(asOf, row.code, row.segment));
    });
  });
}
