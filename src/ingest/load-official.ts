import type { Store } from '../db/connection.js';
import { readCsvRows } from './csv-rows.js';
import { Bad, parseDate } from './fields.js';
import { runFileLoad } from './load-run.js';
import { OFFICIAL_COLUMNS, parseOfficialRow, type OfficialRow } from './parse-official.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

/**
 * Loads an official announcement (`list,code[,name,channel]`, docs/contract.md `official`) for the review of
 * `--cutoff` into `official_changes`. Each list (and channel) the file names replaces what was stored for
 * that list and cut-off, so loading the same file twice leaves the store as once, and an HSCI file and a
 * Southbound file for the same review can be loaded one after the other.
 */
export async function loadOfficialFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  return runFileLoad(store, 'official', file, options, async (run) => {
    if (options.cutoff === undefined) return run.failFile({ reason: 'an official file needs --cutoff DATE (the review it announces)' });
    const cutoff = parseDate(options.cutoff);
    if (cutoff instanceof Bad) return run.failFile({ field: '--cutoff', reason: cutoff.reason });
    const rows: Array<{ row: OfficialRow; line: number; channels: readonly string[] }> = [];
    const seen = new Set<string>();
    await readCsvRows(run, OFFICIAL_COLUMNS, (index) => (fields, line) => {
      const row = parseOfficialRow(fields, line, index);
      if ('reason' in row) return run.reject(row);
      const channels = row.channels.length === 0 ? [''] : row.channels;
      const twice = channels.find((c) => seen.has(`${row.list}/${c}/${row.code}`));
      if (twice !== undefined) return run.reject({ line, field: 'code', reason: `an earlier line of this file already lists ${row.code} on ${row.list}${twice ? ` ${twice}` : ''}` });
      for (const channel of channels) seen.add(`${row.list}/${channel}/${row.code}`);
      rows.push({ row, line, channels });
    });
    const { sqlite } = run.store;
    const clear = sqlite.prepare('DELETE FROM official_changes WHERE cutoff = ? AND list = ? AND channel = ?');
    for (const key of new Set(rows.flatMap((r) => r.channels.map((c) => `${r.row.list}/${c}`)))) clear.run(cutoff, ...key.split('/'));
    const insert = sqlite.prepare('INSERT INTO official_changes (cutoff, list, channel, code, name, source) VALUES (?, ?, ?, ?, ?, ?)');
    // A BOTH line is stored as one row per channel, and counted once.
    for (const { row, line, channels } of rows) {
      storeRow(run, line, () => { for (const c of channels) insert.run(cutoff, row.list, c, row.code, row.name, file); });
    }
  });
}
