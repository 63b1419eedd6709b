import { createHash, type Hash } from 'node:crypto';
import type { Store } from '../db/connection.js';
import { readSecurityRows, securityRowOf, toSecurityRecord, type SecurityRecord } from '../db/repositories/securities.js';
import { readHsciInForce, readSouthboundInForce } from '../db/repositories/list-snapshots.js';
import { TradingCalendar } from '../domain/calendar.js';
import { addMonths } from '../domain/dates.js';
import { JobError } from '../domain/errors.js';
import type { AttributeChange, Channel, ChangeableField, DailySeries, IsoDate, ReviewKind, Segment, StockCode } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { countDailyRowsOn } from '../db/repositories/daily.js';
import { prepareDailyRangeRead } from '../db/repositories/daily-reads.js';
import { EMPTY_SERIES, hashSeries, readWindowSeries, seriesOfRows } from './window-series.js';

/** Everything a review reads from the store, as of its cut-off (docs/methodology.md §1-§7 inputs). */
export interface ReviewSnapshot {
  readonly calendar: TradingCalendar;
  /** The last trading day on or before C: the day whose data must exist. */
  readonly cutoffTradingDay: IsoDate;
  /** The securities screened: listed by C and not gone before the window, or on a list in force. */
  readonly securities: readonly SecurityRecord[];
  readonly changes: ReadonlyMap<StockCode, AttributeChange[]>;
  readonly series: ReadonlyMap<StockCode, DailySeries>;
  readonly hsciBefore: Map<StockCode, Segment>;
  readonly southboundBefore: Record<Channel, Set<StockCode>>;
  /**
   * sha256 of every input that matters: the methodology, calendar, lists, attributes and changes,
   * and every screened security's daily series as read (a change to any record the review reads
   * gives a new fingerprint, never a stale reuse).
   */
  readonly fingerprint: string;
  readonly warnings: string[];
}

export interface SnapshotRequest {
  readonly cutoff: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly kind: ReviewKind;
  readonly methodology: Methodology;
  readonly calendar: TradingCalendar;
}

/** The trading calendar from the `calendar` table. */
export function loadCalendar(store: Store): TradingCalendar {
  const days = store.sqlite.prepare('SELECT date FROM calendar WHERE is_trading_day = 1 ORDER BY date').pluck().all() as string[];
  return new TradingCalendar(days);
}

/** The first day the per-security rules need: C - (window + prolonged suspension + 1) months (rules/ contract). */
export function seriesStartExclusive(cutoff: IsoDate, m: Methodology): IsoDate {
  return addMonths(cutoff, -(m.averaging.windowMonths + m.averaging.prolongedSuspensionMonths + 1));
}

/**
 * The daily series the rules need, fed to the fingerprint. Each starts a month before the averaging
 * window (a preview's partial first month): one read of that window across all codes. Only a
 * security suspended on its first day there can have a prolonged suspension (§3) that began
 * earlier, so only those are read again, alone, from `seriesStartExclusive`.
 */
function readWindows(store: Store, codes: readonly StockCode[], cutoff: IsoDate, m: Methodology, hash: Hash): Map<StockCode, DailySeries> {
  const series = readWindowSeries(store, new Set(codes), addMonths(cutoff, -(m.averaging.windowMonths + 1)), cutoff);
  const readRange = prepareDailyRangeRead(store.sqlite);
  for (const code of codes) {
    if (series.get(code)?.suspended[0] === 1) series.set(code, seriesOfRows(readRange(code, seriesStartExclusive(cutoff, m), cutoff)));
    const one = series.get(code);
    if (one) hashSeries(hash, code, one);
  }
  return series;
}

/**
 * Reads the snapshot a review at cut-off C needs, failing with a JobError (exit 1) when the cut-off's
 * trading day has no daily data.
 */
export async function loadSnapshot(store: Store, req: SnapshotRequest): Promise<ReviewSnapshot> {
  const { cutoff, calendar, methodology: m } = req;
  const cutoffTradingDay = calendar.onOrBefore(cutoff);
  if (cutoffTradingDay === null) throw new JobError(`the trading calendar of ${store.path} has no trading day on or before ${cutoff}; load the calendar first (hkconnect db seed)`);
  if (countDailyRowsOn(store.sqlite, cutoffTradingDay) === 0) throw new JobError(`no daily data for ${cutoffTradingDay}, the cut-off's trading day, in ${store.path}`);

  const warnings: string[] = [];
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ v: 4, cutoff, effectiveDate: req.effectiveDate, kind: req.kind, methodology: m }));
  hash.update(calendar.all.join(''));

  const hsci = await readHsciInForce(store.db, cutoff);
  const sh = await readSouthboundInForce(store.db, cutoff, 'SH');
  const sz = await readSouthboundInForce(store.db, cutoff, 'SZ');
  if (hsci === null) warnings.push(`no HSCI list in force on ${cutoff}: every security is treated as a non-constituent`);
  for (const [ch, snap] of [['SH', sh], ['SZ', sz]] as const) {
    if (snap === null) warnings.push(`no Southbound ${ch} list in force on ${cutoff}: every security is treated as not yet eligible on ${ch}`);
  }
  const hsciBefore = new Map((hsci?.members ?? []).map((x) => [x.code, x.segment] as const));
  const southboundBefore = { SH: new Set(sh?.codes ?? []), SZ: new Set(sz?.codes ?? []) };
  hash.update(JSON.stringify([hsci, sh, sz]));

  const start = seriesStartExclusive(cutoff, m);
  const onList = (code: string) => hsciBefore.has(code) || southboundBefore.SH.has(code) || southboundBefore.SZ.has(code);
  const rows = readSecurityRows(store.sqlite);
  hash.update(JSON.stringify(rows));
  const securities = rows.map((r) => toSecurityRecord(securityRowOf(r)))
    .filter((s) => s.listingDate <= cutoff && (s.delistingDate === null || s.delistingDate > start || onList(s.code)));

  const changeRows = await store.db.selectFrom('attribute_changes').selectAll().orderBy('code').orderBy('field').orderBy('date').execute();
  hash.update(JSON.stringify(changeRows));
  const changes = new Map<StockCode, AttributeChange[]>();
  for (const c of changeRows) {
    const list = changes.get(c.code) ?? [];
    list.push({ code: c.code, date: c.date, field: c.field as ChangeableField, value: c.value });
    changes.set(c.code, list);
  }

  const series = readWindows(store, securities.map((x) => x.code), cutoff, m, hash);
  return { calendar, cutoffTradingDay, securities, changes, series, hsciBefore, southboundBefore, fingerprint: hash.digest('hex'), warnings };
}

/** A security's series, or an empty one when it has no rows in the window. */
export function seriesOf(snapshot: ReviewSnapshot, code: StockCode): DailySeries {
  return snapshot.series.get(code) ?? EMPTY_SERIES;
}
