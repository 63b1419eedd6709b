import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { runDateReader } from './date-format.js';
import { Bad, parseCode, parseOptionalCount } from './fields.js';
import { readKnownCodes } from './load-lookups.js';
import { runFileLoad } from './load-run.js';
import type { IngestOptions, LoadSummary } from './types.js';

const COLUMNS = { required: ['code', 'date', 'shares_issued'] } as const;

/**
 * `ingest shares FILE`: CSV `code,date,shares_issued`, each count in force from its date until the
 * code's next row (docs/contract.md "Input files"). `ingest dayquot` multiplies the close by the count in
 * force on the report date. Idempotent: a row for a (code, date) already stored replaces it.
 */
export async function loadSharesFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'shares', file, options, async (run) => {
    const known = readKnownCodes(store);
    const firstLine = new Map<string, number>();
    const readDate = runDateReader(run);
    const upsert = store.sqlite.prepare(`INSERT INTO shares_issued (code, date, shares_issued) VALUES (?, ?, ?)
      ON CONFLICT (code, date) DO UPDATE SET shares_issued = excluded.shares_issued`);
    await readCsvRows(run, COLUMNS, (index) => (fields, line) => {
      const code = parseCode(fields[index.code!]!);
      if (code instanceof Bad) return run.reject({ line, field: 'code', reason: code.reason });
      if (!known.has(code)) return run.reject({ line, field: 'code', reason: `code ${code} is not in securities (load securities first)` });
      const date = readDate(fields[index.date!]!);
      if (date instanceof Bad) return run.reject({ line, field: 'date', reason: date.reason });
      const shares = parseOptionalCount(fields[index.shares_issued!]!);
      if (shares instanceof Bad) return run.reject({ line, field: 'shares_issued', reason: shares.reason });
      if (shares === null || shares === 0) {
        return run.reject({ line, field: 'shares_issued', reason: shares === null ? 'the value is missing' : 'shares issued must be above zero' });
      }
      const key = `${code} ${date}`;
      const first = firstLine.get(key);
      if (first !== undefined) {
        return run.reject({ line, field: 'date', reason: `code ${code} on ${date} appears again (first at line ${first}); the first row is kept` });
      }
      firstLine.set(key, line);
      upsert.run(code, date, shares);
      run.rowsStored++;
    });
  });
}
