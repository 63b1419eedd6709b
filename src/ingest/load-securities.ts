import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { runFileLoad } from './load-run.js';
import { parseSecurityRow, SECURITIES_COLUMNS, SECURITY_ATTRIBUTES } from './parse-securities.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

const COLUMNS = ['code', 'listing_date', ...SECURITY_ATTRIBUTES];
// A row replaces every attribute of its security (the file is the current truth); `synthetic` marks sample data only.
const UPSERT_SECURITY = `INSERT INTO securities (${COLUMNS.join(', ')}, synthetic) VALUES (${COLUMNS.map(() => '?').join(', ')}, 0)
  ON CONFLICT (code) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}, synthetic = 0`;

/** Loads a `securities` CSV in one transaction; a code twice in one file is a bad row. */
export async function loadSecuritiesFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'securities', file, options, async (run) => {
    const upsert = run.store.sqlite.prepare(UPSERT_SECURITY);
    const seen = new Set<string>();
    await readCsvRows(run, SECURITIES_COLUMNS, (index) => (fields, line) => {
      const row = parseSecurityRow(fields, line, index);
      if ('reason' in row) return run.reject(row);
      if (seen.has(row.code)) return run.reject({ line, field: 'code', reason: `an earlier line of this file already gives ${row.code}` });
      seen.add(row.code);
      storeRow(run, line, () => upsert.run(row.code, row.listingDate, ...row.attributes));
    });
  });
}
