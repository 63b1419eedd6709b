import { closeSync, openSync, readSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { runFileLoad } from './load-run.js';
import { runDateReader } from './date-format.js';
import { parseSecurityRow, SECURITIES_COLUMNS, SECURITY_ATTRIBUTES } from './parse-securities.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

const COLUMNS = ['code', 'listing_date', ...SECURITY_ATTRIBUTES];
// A row replaces every attribute of its security (the file is the current truth, its listing date too: no longer inferred); `synthetic` marks sample data only.
const UPSERT_SECURITY = `INSERT INTO securities (${COLUMNS.join(', ')}, synthetic, listing_date_inferred) VALUES (${COLUMNS.map(() => '?').join(', ')}, 0, 0)
  ON CONFLICT (code) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}, synthetic = 0, listing_date_inferred = 0`;

/** Loads a `securities` CSV in one transaction; a code twice in one file is a bad row. */
export async function loadSecuritiesFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  if (isZipFile(file)) return (await import('./load-securities-list.js')).loadSecuritiesListFile(store, file, options);
  return runFileLoad(store, 'securities', file, options, async (run) => {
    const upsert = run.store.sqlite.prepare(UPSERT_SECURITY);
    const seen = new Set<string>();
    const readDate = runDateReader(run);
    await readCsvRows(run, SECURITIES_COLUMNS, (index) => (fields, line) => {
      const row = parseSecurityRow(fields, line, index, readDate);
      if ('reason' in row) return run.reject(row);
      if (seen.has(row.code)) return run.reject({ line, field: 'code', reason: `an earlier line of this file already gives ${row.code}` });
      seen.add(row.code);
      storeRow(run, line, () => upsert.run(row.code, row.listingDate, ...row.attributes));
    });
  });
}

/** True when the file starts with a zip archive's signature (an .xlsx workbook such as HKEX's list), whatever its name. */
export function isZipFile(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
