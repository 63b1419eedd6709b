import type { Store } from '../db/connection.js';
import { addDays, daysBetween, hongKongDateOf, weekday } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';
import { isSourceId, SOURCES } from '../fetch/sources.js';
import { SOURCE_IDS, type SourceRequest } from '../fetch/source-types.js';
import { resolveHsciParts } from '../fetch/hsci-parts.js';
import { fetchHsciParts } from './fetch-hsci.js';
import { fetchOne, type FetchReport, type FetchSettings } from './fetch-source.js';

/** A dayquot range longer than this is refused: HKEX keeps only recent reports, and it is a lot of requests. */
export const MAX_RANGE_DAYS = 400;

export interface FetchRequest {
  readonly source: string;
  readonly date?: IsoDate;
  readonly from?: IsoDate;
  readonly to?: IsoDate;
  /** The date a list that prints none is in force from (default today in Hong Kong). */
  readonly asOf?: IsoDate;
  /** `--url` values: one address for most sources; for hsci one per export, `KEY=URL` (src/fetch/hsci-parts.ts). */
  readonly urls?: readonly string[];
  /** Called after each fetch, so the caller reports while the next one runs. */
  readonly onFetch?: (report: FetchReport) => void;
}

/**
 * `hkconnect fetch SOURCE`: one fetch, or one per trading day of a dayquot range (oldest first,
 * paced by the settings' pacer). Throws UsageError for a bad request; never for a bad download,
 * which is recorded and reported.
 */
export async function runFetch(store: Store, request: FetchRequest, settings: FetchSettings): Promise<FetchReport[]> {
  if (!isSourceId(request.source)) throw new UsageError(`"${request.source}" is not a source; use one of ${SOURCE_IDS.join(', ')}.`);
  const source = SOURCES[request.source];
  if (source.id === 'hsci') return runHsciFetch(store, request, settings);
  const urls = request.urls ?? [];
  if (urls.length > 1) throw new UsageError(`--url names one address for ${source.id}; it is given ${urls.length} times.`);
  if (urls[0] !== undefined && !/^https?:\/\/[^/]/.test(urls[0])) throw new UsageError(`--url "${urls[0]}" is not an http(s) address.`);
  if (urls[0] !== undefined) settings = { ...settings, url: urls[0] };
  const todayHk = hongKongDateOf(settings.now());
  const fallbackAsOf = request.asOf ?? todayHk;
  const requests: SourceRequest[] = source.id === 'dayquot'
    ? dayquotDates(store, request, todayHk).map((date) => ({ date, fallbackAsOf }))
    : [{ fallbackAsOf }];
  if (source.id === 'dayquot' && request.asOf) throw new UsageError('--as-of is for lists; a dayquot report is dated by its header.');
  if (source.id !== 'dayquot' && (request.date || request.from || request.to)) {
    throw new UsageError(`--date, --from and --to are for dayquot; ${source.id} is fetched as it is published now.`);
  }
  if (settings.url && requests.length > 1) throw new UsageError('--url names one address: use it with one --date, not a range.');
  const reports: FetchReport[] = [];
  for (const r of requests) {
    const report = await fetchOne(store, source, r, settings);
    reports.push(report);
    request.onFetch?.(report);
  }
  return reports;
}

/** `fetch hsci`: the HSCI export and its size exports, from `--url KEY=URL`, else the mirror layout under `--base-url`. */
async function runHsciFetch(store: Store, request: FetchRequest, settings: FetchSettings): Promise<FetchReport[]> {
  if (request.date || request.from || request.to) throw new UsageError('--date, --from and --to are for dayquot; hsci is fetched as it is published now.');
  if (request.asOf) throw new UsageError('--as-of is for lists that print no date; the Hang Seng exports are dated by their sheets.');
  const parts = resolveHsciParts(request.urls ?? [], settings.baseUrl);
  if (typeof parts === 'string') throw new UsageError(`${parts}.`);
  const reports = await fetchHsciParts(store, parts, settings);
  reports.forEach((r) => request.onFetch?.(r));
  return reports;
}

/** The report dates of a dayquot request: --date, or the trading days of --from..--to (weekends and calendar holidays skipped). */
function dayquotDates(store: Store, request: FetchRequest, todayHk: IsoDate): IsoDate[] {
  if (request.date && (request.from || request.to)) throw new UsageError('give either --date or --from/--to, not both.');
  if (request.date) return [request.date];
  if (!request.from && !request.to) throw new UsageError('dayquot needs --date DATE or --from DATE [--to DATE].');
  const from = request.from ?? request.to!;
  const to = request.to ?? todayHk;
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}.`);
  if (daysBetween(from, to) > MAX_RANGE_DAYS) throw new UsageError(`--from ${from} --to ${to} spans more than ${MAX_RANGE_DAYS} days; fetch it in parts.`);
  return tradingDaysBetween(store, from, to);
}

/** Weekdays from..to that the calendar does not mark closed (a day it does not know is tried). */
export function tradingDaysBetween(store: Store, from: IsoDate, to: IsoDate): IsoDate[] {
  const closed = new Set((store.sqlite.prepare('SELECT date FROM calendar WHERE is_trading_day = 0 AND date BETWEEN ? AND ?')
    .all(from, to) as Array<{ date: string }>).map((r) => r.date));
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (weekday(d) <= 5 && !closed.has(d)) days.push(d);
  }
  return days;
}
