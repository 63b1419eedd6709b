import type { Store } from '../db/connection.js';
import { latestSecurityListDate, readListedAttributes, recordSecurityList, settleInferredListingDates, type ListedAttributes } from '../db/repositories/security-lists.js';
import type { ChangeableField } from '../domain/types.js';
import { markersOfName } from './hkex-categories.js';
import { Bad, parseDate } from './fields.js';
import { runFileLoad, type LoadRun } from './load-run.js';
import { parseListOfSecurities, type ListedSecurity } from './parse-list-of-securities.js';
import { storeRow } from './store-row.js';
import type { IngestOptions, LoadSummary } from './types.js';

const MAX_XLSX_BYTES = 50 * 1024 * 1024;

const INSERT_NEW = `INSERT INTO securities (code, name, board, type, currency, listing_date, wvr, secondary_listing, listing_date_inferred, synthetic)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 0)`;
const UPSERT_CHANGE = `INSERT INTO attribute_changes (code, date, field, value) VALUES (?, ?, ?, ?)
  ON CONFLICT (code, field, date) DO UPDATE SET value = excluded.value`;

/**
 * Loads HKEX's List of Securities (.xlsx) in one transaction. A security the store lacks is added
 * with its listing date inferred (its first daily record, else the list's date) and marked so. For a
 * stored security the list's differences become dated changes at the list's date, never edits of
 * history: a rename, a move of board or type, a marker that appears or goes with a rename (WVR,
 * secondary listing, currency: so a user's `changes` row overriding a marker holds until HKEX renames
 * the security), a reappearance. A stored security missing from the list is delisted at the list's
 * date. A list older than the newest one loaded is refused.
 */
export async function loadSecuritiesListFile(store: Store, file: string, options: IngestOptions): Promise<LoadSummary> {
  const notes: string[] = [];
  const summary = await runFileLoad(store, 'securities', file, options, async (run) => {
    const parsed = parseListOfSecurities(await run.readWholeFile(MAX_XLSX_BYTES), file);
    if (parsed.fileIssue) return run.failFile(parsed.fileIssue);
    run.rowsRead = parsed.rows.length + parsed.issues.length;
    for (const { file: _file, ...issue } of parsed.issues) run.reject(issue);
    const asOf = listDate(run, parsed.asOf);
    const counts = applyList(run, parsed.rows, asOf);
    recordSecurityList(run.store.sqlite, asOf, file, (options.now ?? new Date()).toISOString(), parsed.rows.length);
    settleInferredListingDates(run.store.sqlite);
    notes.push(`list as at ${asOf}: ${counts.added} new (listing date inferred), ${counts.changes} dated change(s), ${counts.delisted} delisted`);
  });
  return summary.status === 'loaded' ? { ...summary, notes } : summary;
}

/** The list's date: "Updated as at ..." in the sheet, else --as-of; a disagreement or an older list than the newest loaded is refused. */
function listDate(run: LoadRun, fromSheet: string | undefined): string {
  const option = run.options.asOf;
  if (option !== undefined) {
    const given = parseDate(option);
    if (given instanceof Bad) return run.failFile({ field: '--as-of', reason: given.reason });
    if (fromSheet !== undefined && fromSheet !== given) return run.failFile({ field: '--as-of', reason: `the sheet says it is updated as at ${fromSheet}, but --as-of says ${given}; leave --as-of out` });
  }
  const asOf = fromSheet ?? option;
  if (asOf === undefined) return run.failFile({ reason: 'the sheet has no "Updated as at DD/MM/YYYY" line: give the date it is as of with --as-of DATE' });
  const latest = latestSecurityListDate(run.store.sqlite);
  if (latest !== null && asOf < latest) {
    return run.failFile({ reason: `a newer list (as at ${latest}) is already loaded; loading this one of ${asOf} would undo its changes` });
  }
  return asOf;
}

function applyList(run: LoadRun, rows: readonly ListedSecurity[], asOf: string): { added: number; changes: number; delisted: number } {
  const { sqlite } = run.store;
  const stored = readListedAttributes(sqlite, asOf);
  const insert = sqlite.prepare(INSERT_NEW);
  const change = sqlite.prepare(UPSERT_CHANGE);
  const counts = { added: 0, changes: 0, delisted: 0 };
  const inList = new Set<string>();
  for (const row of rows) {
    inList.add(row.code);
    const before = stored.get(row.code);
    if (!before) {
      storeRow(run, row.line, () => insert.run(row.code, row.name, row.board, row.type, row.currency, asOf, row.wvr ? 1 : 0, row.secondaryListing ? 1 : 0));
      counts.added++;
      continue;
    }
    const diffs = listChanges(before, row);
    storeRow(run, row.line, () => { for (const [field, value] of diffs) change.run(row.code, asOf, field, value); });
    counts.changes += diffs.length;
  }
  for (const [code, a] of stored) {
    if (inList.has(code) || a.synthetic || a.delisting_date !== null || a.listingDate > asOf) continue;
    change.run(code, asOf, 'delisting_date', asOf);
    counts.delisted++;
  }
  return counts;
}

/** The dated changes a list row makes to a stored security (see loadSecuritiesListFile). */
export function listChanges(before: ListedAttributes, row: ListedSecurity): Array<[ChangeableField, string]> {
  const out: Array<[ChangeableField, string]> = [];
  if (before.name !== row.name) out.push(['name', row.name]);
  if (before.board !== row.board) out.push(['board', row.board]);
  if (before.type !== row.type) out.push(['type', row.type]);
  if (before.delisting_date !== null) out.push(['delisting_date', '']);
  if (before.name === row.name) return out;
  // A marker's verdict is news only when the name (and so its marker) changed: otherwise a user's override stands.
  const was = markersOfName(before.name);
  const now = markersOfName(row.name);
  const bit = (b: boolean) => (b ? '1' : '0');
  if (was.wvr !== now.wvr && before.wvr !== bit(row.wvr)) out.push(['wvr', bit(row.wvr)]);
  if (was.secondaryListing !== now.secondaryListing && before.secondary_listing !== bit(row.secondaryListing)) out.push(['secondary_listing', bit(row.secondaryListing)]);
  if (was.currency !== now.currency && before.currency !== row.currency) out.push(['currency', row.currency]);
  return out;
}
