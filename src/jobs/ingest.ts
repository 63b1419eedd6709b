import type { Store } from '../db/connection.js';
import { UsageError } from '../domain/errors.js';
import { dateProblem, weekday } from '../domain/dates.js';
import { dateReaderFor } from '../ingest/date-format.js';
import { Bad } from '../ingest/fields.js';
import { INGEST_KINDS, listIngestKinds, type IngestKind } from '../ingest/kinds.js';
import { REQUIRED_WIDE_FIELDS, WIDE_FIELDS, type WideField } from '../ingest/parse-daily-wide.js';
import type { IngestOptions, LoadSummary } from '../ingest/types.js';

/** One `hkconnect ingest` request. */
export interface IngestRequest extends Omit<IngestOptions, 'progress'> {
  readonly kind: string;
  readonly files: readonly string[];
  /** Makes the progress callback for one file (the CLI draws it on a TTY only). */
  readonly progressFor?: (file: string) => IngestOptions['progress'];
  /** `--layout wide`: daily files given as FIELD=FILE, dates down and tickers across. */
  readonly layout?: 'long' | 'wide';
  /** Called after each file, so the caller can report while the next one loads. */
  readonly onFile?: (summary: LoadSummary) => void;
}

/**
 * Loads each file with its kind's loader, one transaction per file, in order (so a later file's row
 * for the same key replaces an earlier file's). Bad input never throws: each file's summary says what
 * was stored and why rows or the file were rejected. Throws UsageError for an unknown kind or a bad date option.
 */
export async function ingestFiles(store: Store, request: IngestRequest): Promise<LoadSummary[]> {
  const kind = checkIngestRequest(request);
  const summaries: LoadSummary[] = [];
  if (request.layout === 'wide') {
    const { loadDailyWideFiles } = await import('../ingest/load-daily-wide.js');
    const summary = await loadDailyWideFiles(store, wideFiles(request.files), {
      strict: request.strict, openDays: request.openDays, now: request.now, dateFormat: request.dateFormat,
    });
    request.onFile?.(summary);
    return [summary];
  }
  if (kind.loadMany) {
    const options = { strict: request.strict, asOf: request.asOf, cutoff: request.cutoff, channel: request.channel, openDays: request.openDays, now: request.now, dateFormat: request.dateFormat };
    for (const summary of await kind.loadMany(store, request.files, options, request.progressFor)) {
      summaries.push(summary);
      request.onFile?.(summary);
    }
    return summaries;
  }
  for (const file of request.files) {
    const summary = await kind.load(store, file, {
      strict: request.strict, asOf: request.asOf, cutoff: request.cutoff, channel: request.channel, openDays: request.openDays, now: request.now, dateFormat: request.dateFormat,
      progress: request.progressFor?.(file),
    });
    summaries.push(summary);
    request.onFile?.(summary);
  }
  return summaries;
}

/** The kinds whose files write dates in cells (`--date-format` reads them; src/ingest/date-format.ts). */
export const DATE_FORMAT_KINDS: readonly string[] = ['daily', 'securities', 'changes', 'shares'];

/** `--date-format`: a format that names a year, month and day, for a kind whose files write dates. */
function checkDateFormat(kind: string, format: string | undefined): void {
  if (format === undefined) return;
  if (!DATE_FORMAT_KINDS.includes(kind)) {
    throw new UsageError(`--date-format applies to the kinds whose files write dates (${DATE_FORMAT_KINDS.join(', ')}), not ${kind}: its CSV has no date column (the list's date is --as-of or --cutoff, written YYYY-MM-DD) and a published file states its date in its own form.`);
  }
  const reader = dateReaderFor(format);
  if (reader instanceof Bad) throw new UsageError(`${reader.reason}.`);
}

/**
 * Every check of a request that needs no store: the kind, the dates of --as-of / --cutoff / --open-days,
 * --date-format, --layout wide's FIELD=FILE arguments. The CLI calls it before opening the store, so bad usage is exit 2
 * and creates no store file. Returns the kind's loader.
 */
export function checkIngestRequest(request: IngestRequest): IngestKind {
  const kind = INGEST_KINDS[request.kind];
  if (!kind) throw new UsageError(`"${request.kind}" is not an input kind; use one of ${listIngestKinds().join(', ')}.`);
  for (const [flag, value] of [['--as-of', request.asOf], ['--cutoff', request.cutoff]] as const) {
    const problem = value === undefined ? null : dateProblem(value);
    if (problem !== null) throw new UsageError(`${flag} ${problem}.`);
  }
  checkOpenDays(request.kind, request.openDays);
  checkDateFormat(request.kind, request.dateFormat);
  if (request.layout === 'wide') {
    if (request.kind !== 'daily') throw new UsageError(`--layout wide applies to daily files only, not ${request.kind}.`);
    wideFiles(request.files);
  }
  return kind;
}

/** `--open-days`: real weekdays, for daily files only (a dayquot report proves its own day open). */
function checkOpenDays(kind: string, days: readonly string[] | undefined): void {
  if (days === undefined) return;
  if (kind !== 'daily') throw new UsageError(`--open-days applies to daily files only, not ${kind}.`);
  for (const day of days) {
    const problem = dateProblem(day);
    if (problem !== null) throw new UsageError(`--open-days ${problem}.`);
    if (weekday(day) > 5) throw new UsageError(`--open-days ${day} is a ${weekday(day) === 6 ? 'Saturday' : 'Sunday'}; the market never opens on a weekend.`);
  }
}

/** `FIELD=FILE` arguments of `--layout wide`: each field once, the required ones all given. */
function wideFiles(args: readonly string[]): Array<{ field: WideField; file: string }> {
  const out: Array<{ field: WideField; file: string }> = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const field = WIDE_FIELDS.find((f) => f === arg.slice(0, eq));
    if (eq === -1 || field === undefined) {
      throw new UsageError(`--layout wide takes each file as FIELD=FILE (market_cap_hkd=caps.csv); "${arg}" names no field${eq === -1 ? '' : ` (one of ${WIDE_FIELDS.join(', ')})`}.`);
    }
    if (out.some((o) => o.field === field)) throw new UsageError(`--layout wide: ${field} is given twice.`);
    out.push({ field, file: arg.slice(eq + 1) });
  }
  const missing = REQUIRED_WIDE_FIELDS.filter((f) => !out.some((o) => o.field === f));
  if (missing.length > 0) throw new UsageError(`--layout wide needs a file for each of ${REQUIRED_WIDE_FIELDS.join(', ')}; missing: ${missing.join(', ')}.`);
  return [...out].sort((a, b) => WIDE_FIELDS.indexOf(a.field) - WIDE_FIELDS.indexOf(b.field));
}
