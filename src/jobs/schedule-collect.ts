import type { Store } from '../db/connection.js';
import {
  countUnsuccessfulFetches, findGoodTargets, findLastFetch, findLastGoodFetch,
} from '../db/repositories/fetches.js';
import { DateTime } from 'luxon';
import { addDays, HK_ZONE, hongKongDateOf } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';
import { SOURCES } from '../fetch/sources.js';
import type { SourceId } from '../fetch/source-types.js';
import { tradingDaysBetween } from './fetch.js';
import type { HsciPart } from '../fetch/hsci-parts.js';
import { fetchHsciParts } from './fetch-hsci.js';
import { fetchOne, type FetchReport, type FetchSettings } from './fetch-source.js';
import { makeLockHolder, withJobLock } from './job-lock.js';
import { formatHongKongInstant } from './schedule-plan.js';

/** `schedule --collect` settings (docs/schedule.md "Collecting the data"). */
export interface CollectOptions {
  /** Fetch settings; `now` is the pass's clock. */
  readonly fetch: Omit<FetchSettings, 'now' | 'url'>;
  /** Hong Kong time of day (HH:MM) after which a trading day's report is fetched (default 18:00). */
  readonly afterHk: string;
  /** Calendar days back that missed reports are caught up (HKEX keeps only recent reports online). */
  readonly lookbackDays: number;
  /** The lists are fetched again once their last good copy is this many days old. */
  readonly listsEveryDays: number;
  /** The Hang Seng exports to collect together (`--hsci-url KEY=URL`); without them hsci is not collected (it has no stable public address). */
  readonly hsciParts?: readonly HsciPart[];
}

export const DEFAULT_COLLECT_AFTER_HK = '18:00';
export const DEFAULT_LOOKBACK_DAYS = 14;
export const DEFAULT_LISTS_EVERY_DAYS = 7;
/** A day before the latest is given up after this many refused or failed fetches (it is not coming back). */
export const MAX_TRIES_PER_PAST_DAY = 4;
/** A list whose last try failed is not tried again within this many hours. */
const LIST_RETRY_HOURS = 6;
const COLLECT_LOCK = 'collect';
const LOCK_TTL_MS = 2 * 60 * 60 * 1000;
const LISTS: readonly SourceId[] = ['securities', 'sse', 'szse'];

/**
 * The collect step of a scheduler pass: the daily quotations of every trading day in the lookback
 * that has no good copy yet (today's only after `afterHk`), oldest first; then each list whose last
 * good copy is older than `listsEveryDays`. Under its own lock (two processes never fetch at once).
 * Returns the fetches made; every one is recorded, and logged through `say`.
 */
export async function runCollect(
  store: Store, options: CollectOptions, now: () => Date, say: (message: string) => void,
): Promise<FetchReport[]> {
  const lock = { name: COLLECT_LOCK, holder: makeLockHolder('collect'), now: now(), ttlMs: LOCK_TTL_MS };
  const outcome = await withJobLock(store, lock, () => collect(store, options, now, say));
  if (outcome.acquired) return outcome.value;
  say(`collect: another process is collecting (${outcome.holder}); skipped`);
  return [];
}

async function collect(store: Store, options: CollectOptions, now: () => Date, say: (m: string) => void): Promise<FetchReport[]> {
  const settings: FetchSettings = { ...options.fetch, now };
  const reports: FetchReport[] = [];
  const note = (report: FetchReport) => {
    say(`collect: ${report.message}`);
    reports.push(report);
  };
  const run = async (id: SourceId, request: { date?: IsoDate; fallbackAsOf: IsoDate }) => note(await fetchOne(store, SOURCES[id], request, settings));
  const instant = now();
  const todayHk = hongKongDateOf(instant);
  const lastDay = lastReportDay(instant, options.afterHk);
  for (const date of await dueReportDays(store, lastDay, options.lookbackDays)) await run('dayquot', { date, fallbackAsOf: todayHk });
  for (const id of LISTS) {
    if (await isListDue(store, id, '', instant, options.listsEveryDays)) await run(id, { fallbackAsOf: todayHk });
  }
  if (options.hsciParts && await isListDue(store, 'hsci', 'hsci', instant, options.listsEveryDays)) {
    (await fetchHsciParts(store, options.hsciParts, settings)).forEach(note);
  }
  return reports;
}

/** The latest day whose report is due: today once the Hong Kong clock has passed `afterHk`, else yesterday. */
export function lastReportDay(instant: Date, afterHk: string): IsoDate {
  const hk = DateTime.fromJSDate(instant, { zone: HK_ZONE });
  const today = hongKongDateOf(instant);
  return hk.toFormat('HH:mm') >= afterHk ? today : addDays(today, -1);
}

/** Trading days of the lookback without a good copy, oldest first; past days that failed too often are given up. */
async function dueReportDays(store: Store, lastDay: IsoDate, lookbackDays: number): Promise<IsoDate[]> {
  const days = tradingDaysBetween(store, addDays(lastDay, -lookbackDays), lastDay);
  const good = await findGoodTargets(store.db, 'dayquot', days);
  const due: IsoDate[] = [];
  for (const d of days) {
    if (good.has(d)) continue;
    if (d !== lastDay && (await countUnsuccessfulFetches(store.db, 'dayquot', d)) >= MAX_TRIES_PER_PAST_DAY) continue;
    due.push(d);
  }
  return due;
}

async function isListDue(store: Store, id: SourceId, target: string, instant: Date, everyDays: number): Promise<boolean> {
  const good = await findLastGoodFetch(store.db, id, target);
  if (good && instant.getTime() - Date.parse(good.fetchedAt) < everyDays * 86_400_000) return false;
  const last = await findLastFetch(store.db, id);
  if (last && last.id !== good?.id && instant.getTime() - Date.parse(last.fetchedAt) < LIST_RETRY_HOURS * 3_600_000) return false;
  return true;
}

