import type { Store } from '../db/connection.js';
import { readSeries } from './window-series.js';
import { listSecurities } from '../db/repositories/securities.js';
import { JobError, UsageError } from '../domain/errors.js';
import type {
  AttributeChange, ChangeableField, DailySeries, InterimEvent, IsoDate, SecurityAttributes, StockCode,
} from '../domain/types.js';
import { addDays } from '../domain/dates.js';
import type { Methodology } from '../methodology/types.js';
import { eventsSeriesStart, listInterimEvents, type HsciSnapshot } from '../rules/list-interim-events.js';
import { loadCalendar } from './load-snapshot.js';

export interface EventsRequest {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly methodology: Methodology;
}

export interface EventsResult {
  readonly events: InterimEvent[];
  readonly warnings: string[];
}

/**
 * `hkconnect events`: loads the securities, dated changes, HSCI snapshots, trading calendar and
 * the daily window the §8 finders need, and lists the interim events expected in [from, to].
 */
export async function listEventsFromStore(store: Store, req: EventsRequest): Promise<EventsResult> {
  if (req.from > req.to) throw new UsageError(`--from ${req.from} is after --to ${req.to}.`);
  const calendar = loadCalendar(store);
  const warnings: string[] = [];
  if (calendar.last === undefined) {
    // Data missing, like a screen without a calendar: the job ran and failed (exit 1), not bad usage.
    throw new JobError(`the trading calendar of ${store.path} is empty; load it first (hkconnect db seed).`);
  }
  if (calendar.last < req.to) {
    warnings.push(`the trading calendar ends on ${calendar.last}: events dated after it cannot be listed`);
  }
  const securities = await listSecurities(store.db);
  // Data missing (an empty store: the bundled calendar alone): the job ran and failed, not an empty answer.
  if (securities.length === 0) throw new JobError(`the store ${store.path} holds no securities; load them first (hkconnect ingest securities).`);
  const changeRows = await store.db.selectFrom('attribute_changes').selectAll().orderBy('code').orderBy('date').execute();
  const changes: AttributeChange[] = changeRows.map((c) => ({ code: c.code, date: c.date, field: c.field as ChangeableField, value: c.value }));
  const hsciSnapshots = readHsciSnapshots(store);
  if (hsciSnapshots.length === 0) {
    warnings.push('no HSCI list loaded: fast entries and long-suspension deletions need one (hkconnect ingest hsci)');
  }
  const start = eventsSeriesStart(req.from, req.methodology);
  const codes = codesToLoad(securities, changes, hsciSnapshots, start, req.from);
  const series = readSeriesOf(store, codes, start, req.to);
  const events = listInterimEvents({
    from: req.from, to: req.to, calendar, methodology: req.methodology, securities, changes, hsciSnapshots, series,
  });
  return { events, warnings };
}

/**
 * The securities whose daily data the events need: every HSCI constituent of a list in force
 * from `start` on (suspensions, fast-entry ranking), WVR companies, and recent IPOs.
 * Reading only these, by primary key, beats a scan of the whole market's window.
 */
function codesToLoad(
  securities: readonly SecurityAttributes[], changes: readonly AttributeChange[], snapshots: readonly HsciSnapshot[],
  start: IsoDate, from: IsoDate,
): string[] {
  const codes = new Set<string>();
  const inForceAtStart = snapshots.filter((x) => x.asOf <= start).at(-1)?.asOf ?? '';
  for (const snap of snapshots) if (snap.asOf >= inForceAtStart) snap.codes.forEach((c) => codes.add(c));
  const ipoFrom = addDays(from, -62);
  for (const sec of securities) if (sec.wvr || sec.listingDate >= ipoFrom) codes.add(sec.code);
  for (const c of changes) if (c.field === 'wvr') codes.add(c.code);
  return [...codes].sort();
}

/** Daily series of `codes` over [start, to]. */
function readSeriesOf(store: Store, codes: readonly string[], start: IsoDate, to: IsoDate): Map<StockCode, DailySeries> {
  // (start - 1 day, to] is [start, to] for ISO dates.
  return readSeries(store, codes, addDays(start, -1), to);
}

/** Every HSCI snapshot in `hsci_members`, each with its codes. */
function readHsciSnapshots(store: Store): HsciSnapshot[] {
  const rows = store.sqlite.prepare('SELECT as_of, code FROM hsci_members ORDER BY as_of, code').raw(true).all() as Array<[string, string]>;
  const byDate = new Map<IsoDate, string[]>();
  for (const [asOf, code] of rows) {
    const list = byDate.get(asOf);
    if (list) list.push(code); else byDate.set(asOf, [code]);
  }
  return [...byDate].map(([asOf, codes]) => ({ asOf, codes }));
}
