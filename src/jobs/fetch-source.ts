import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '../db/connection.js';
import {
  findLastCountedFetch, findLastGoodFetch, insertFetch, type FetchRecord, type NewFetch,
} from '../db/repositories/fetches.js';
import { formatInputIssue } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';
import { checkShrink } from '../fetch/content-checks.js';
import { httpGet, type HttpSettings } from '../fetch/http-get.js';
import { sourceUrl } from '../fetch/sources.js';
import type { Inspection, SourceDescriptor, SourceRequest } from '../fetch/source-types.js';
import { capJumpCount, capJumpNote } from '../ingest/format-load-report.js';
import { describeCapJump } from '../ingest/day-over-day.js';
import { FETCH_LOADERS } from './fetch-loaders.js';
import { formatHongKongInstant } from './schedule-plan.js';

/** How every fetch of one command runs. */
export interface FetchSettings {
  /** Replaces each source's scheme and host (a mirror, a test server). */
  readonly baseUrl?: string;
  /** The whole address of the one source fetched (needed for hsci, which has no stable public one). */
  readonly url?: string;
  /** Where kept copies go: DIR/<source>/<file>. */
  readonly dir: string;
  /** A list smaller than (1 - maxShrink) x the last good copy is refused (0.1 = 10%). */
  readonly maxShrink: number;
  readonly http: Omit<HttpSettings, 'headers' | 'maxBytes'>;
  readonly now: () => Date;
}

/** A recorded fetch and the sentence that says what came of it. */
export interface FetchReport {
  readonly record: FetchRecord;
  readonly message: string;
}

/**
 * One fetch, end to end (issue 17): download with retries, check the body (empty, truncated, an
 * error page, the wrong date, a holiday page on a trading day), skip bytes identical to the last
 * good copy, refuse a list that shrank, keep the copy, load it through the ingest loader, and
 * record the fetch whatever came of it. Refused or failed: nothing is stored but the record, so
 * the last good copy stays in force.
 */
export async function fetchOne(store: Store, source: SourceDescriptor, request: SourceRequest, settings: FetchSettings): Promise<FetchReport> {
  const url = sourceUrl(source, request, settings.baseUrl, settings.url)!;
  const base: Pick<NewFetch, 'source' | 'target' | 'url' | 'fetchedAt'> = {
    source: source.id, target: source.target(request), url, fetchedAt: formatHongKongInstant(settings.now()),
  };
  const label = base.target ? `${source.id} ${base.target}` : source.id;
  const http = await httpGet(url, { ...settings.http, headers: source.headers, maxBytes: source.maxBytes });
  if (!http.ok) {
    const gone = http.status === 404 && source.id === 'dayquot' ? ' (not published yet, or no longer online)' : '';
    return record(store, label, {
      ...base, httpStatus: http.status, bytes: 0, sha256: null, rows: null, asOf: null, outcome: 'failed',
      reason: `${http.reason}${gone} after ${http.attempts} attempt${http.attempts === 1 ? '' : 's'}`, file: null, attempts: http.attempts,
    });
  }
  const sha256 = createHash('sha256').update(http.body).digest('hex');
  const fetched = { ...base, httpStatus: http.status, bytes: http.body.length, sha256, attempts: http.attempts };
  const refuse = async (reason: string, inspection?: Inspection): Promise<FetchReport> => {
    const last = await findLastGoodFetch(store.db, source.id, base.target);
    const inForce = last ? `; the last good copy (fetch ${last.id}${last.asOf ? `, as of ${last.asOf}` : ''}) stays in force` : '';
    return record(store, label, {
      ...fetched, rows: inspection?.ok ? inspection.rows : null, asOf: inspection?.ok ? inspection.asOf : null,
      outcome: 'refused', reason: `${reason}${inForce}`, file: null,
    });
  };

  const inspection = source.inspect(http.body, request, url);
  if (!inspection.ok) return refuse(inspection.reason);
  if (inspection.holiday) {
    const closed = holidayProblem(store, inspection.asOf);
    if (closed) return refuse(closed, inspection);
  }
  const last = await findLastGoodFetch(store.db, source.id, base.target);
  if (last && last.sha256 === sha256) {
    return record(store, label, {
      ...fetched, rows: inspection.rows, asOf: inspection.asOf, outcome: 'unchanged',
      reason: `the same bytes as fetch ${last.id}: not loaded twice`, file: last.file,
    });
  }
  if (source.shrinkCheck && inspection.rows !== null && !inspection.holiday) {
    const baseline = await findLastCountedFetch(store.db, source.id);
    const shrank = checkShrink(inspection.rows, baseline?.rows ?? null, settings.maxShrink);
    if (shrank) return refuse(`the list shrank: ${shrank}`, inspection);
  }
  const file = keepCopy(settings.dir, source.id, source.fileName(request, inspection.asOf, sha256), inspection.normalized ?? http.body);
  const loader = FETCH_LOADERS[source.id];
  if (typeof loader === 'string') {
    return record(store, label, {
      ...fetched, rows: inspection.rows, asOf: inspection.asOf, outcome: 'fetched', reason: `kept, not loaded: ${loader}`, file,
    });
  }
  const summary = await loader(store, file, inspection.asOf, settings.now());
  if (summary.status === 'rejected') {
    rmSync(file, { force: true });
    return refuse(summary.fileIssue ? `the loader refused it: ${formatInputIssue(summary.fileIssue)}` : 'the loader refused it', inspection);
  }
  const notes = [
    ...(summary.rowsRejected > 0 ? [`${summary.rowsRejected} row${summary.rowsRejected === 1 ? '' : 's'} rejected (see hkconnect ingest ${file})`] : []),
    ...(summary.notes ?? []),
    // Plausibility warnings (issue 16): the rows are stored; the first move is named, the rest by re-running ingest on the kept copy.
    ...(capJumpCount(summary) > 0
      ? [`${capJumpNote(summary)}, first ${describeCapJump(summary.capJumps!.first[0]!, summary.capJumps!.maxFactor)} (all of them: hkconnect ingest ${summary.kind} ${file})`]
      : []),
  ];
  return record(store, label, {
    ...fetched, rows: inspection.rows ?? summary.rowsRead, asOf: inspection.asOf, outcome: 'loaded',
    reason: notes.length > 0 ? notes.join('; ') : null, file,
  }, summary.rowsStored);
}

/** Why a NO TRADING page cannot be taken for `date`, or null when the calendar says it is a holiday. */
function holidayProblem(store: Store, date: IsoDate): string | null {
  const row = store.sqlite.prepare('SELECT is_trading_day FROM calendar WHERE date = ?').get(date) as { is_trading_day: number } | undefined;
  if (!row) return `HKEX served its NO TRADING page for ${date}, a day the calendar does not know (run hkconnect db seed)`;
  if (row.is_trading_day === 1) return `HKEX served its NO TRADING page for ${date}, a trading day in the calendar (the report is not published yet)`;
  return null;
}

/** Writes the copy to DIR/<source>/<name> through a temporary name, so a reader never sees half a file. */
export function keepCopy(dir: string, sourceId: string, name: string, bytes: Buffer): string {
  const folder = join(dir, sourceId);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, name);
  const partial = `${file}.partial`;
  writeFileSync(partial, bytes);
  renameSync(partial, file);
  return file;
}

export async function record(store: Store, label: string, f: NewFetch, stored?: number): Promise<FetchReport> {
  const id = await insertFetch(store.db, f);
  const rec: FetchRecord = { id, ...f };
  return { record: rec, message: describeFetch(label, rec, stored) };
}

/** One line per fetch: what came of it, and why when it was not loaded. */
export function describeFetch(label: string, f: FetchRecord, stored?: number): string {
  const asOf = f.asOf ? ` as of ${f.asOf}` : '';
  switch (f.outcome) {
    case 'loaded': {
      const rows = f.rows === null ? '' : ` ${f.rows} rows`;
      const kept = stored === undefined ? '' : `, ${stored} stored`;
      return `${label}: loaded${rows}${asOf}${kept} (fetch ${f.id})${f.reason ? `; ${f.reason}` : ''}`;
    }
    case 'unchanged': return `${label}: unchanged${asOf} (fetch ${f.id}): ${f.reason}`;
    case 'fetched': return `${label}: fetched${asOf}, ${f.bytes} bytes, kept as ${f.file} (fetch ${f.id}): ${f.reason}`;
    case 'refused': return `${label}: refused (fetch ${f.id}): ${f.reason}`;
    case 'failed': return `${label}: failed (fetch ${f.id}): ${f.url}: ${f.reason}`;
  }
}
