import type { TradingCalendar } from '../../domain/calendar.js';
import type {
  AttributeChange, DailySeries, IsoDate, SecurityAttributes, StockCode,
} from '../../domain/types.js';
import type { Methodology } from '../../methodology/types.js';
import { resolveAttributesAt } from '../resolve-attributes.js';

/** One loaded HSCI list: in force from `asOf` until the next snapshot. */
export interface HsciSnapshot {
  readonly asOf: IsoDate;
  readonly codes: readonly StockCode[];
}

/** What every §8 event finder reads; built once by listInterimEvents. */
export interface EventContext {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly calendar: TradingCalendar;
  readonly m: Methodology;
  readonly securities: readonly SecurityAttributes[];
  readonly changesOf: (code: StockCode) => readonly AttributeChange[];
  readonly attrsAt: (base: SecurityAttributes, date: IsoDate) => SecurityAttributes;
  /** The HSCI list in force on `date` (the latest snapshot with asOf <= date), empty before the first. */
  readonly constituentsAt: (date: IsoDate) => ReadonlySet<StockCode>;
  readonly seriesOf: (code: StockCode) => DailySeries | undefined;
  readonly inRange: (date: IsoDate | null) => date is IsoDate;
}

export function buildEventContext(input: {
  from: IsoDate; to: IsoDate; calendar: TradingCalendar; methodology: Methodology;
  securities: readonly SecurityAttributes[]; changes: readonly AttributeChange[];
  hsciSnapshots: readonly HsciSnapshot[]; series: ReadonlyMap<StockCode, DailySeries>;
}): EventContext {
  const byCode = new Map<StockCode, AttributeChange[]>();
  for (const c of input.changes) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c]);
  const snapshots = [...input.hsciSnapshots].sort((a, b) => (a.asOf < b.asOf ? -1 : 1)).map((s) => ({ asOf: s.asOf, codes: new Set(s.codes) }));
  const none: ReadonlySet<StockCode> = new Set();
  const changesOf = (code: StockCode) => byCode.get(code) ?? [];
  return {
    from: input.from, to: input.to, calendar: input.calendar, m: input.methodology, securities: input.securities,
    changesOf,
    attrsAt: (base, date) => resolveAttributesAt(base, changesOf(base.code), date),
    constituentsAt: (date) => {
      let found = none;
      for (const s of snapshots) if (s.asOf <= date) found = s.codes;
      return found;
    },
    seriesOf: (code) => input.series.get(code),
    inRange: (date): date is IsoDate => date !== null && date >= input.from && date <= input.to,
  };
}

/** Position of `date` in a series, or -1 when it has no record that day. */
export function recordIndexOf(series: DailySeries, date: IsoDate): number {
  let lo = 0;
  let hi = series.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (series.dates[mid]! < date) lo = mid + 1; else hi = mid;
  }
  return series.dates[lo] === date ? lo : -1;
}

/** True when the security's type, board and currency are inside the ranking universe (§2.1-§2.3). */
export function isScreenedKind(a: SecurityAttributes, m: Methodology): boolean {
  return m.universe.boards.includes(a.board) && m.universe.types.includes(a.type) && m.universe.currencies.includes(a.currency);
}

/**
 * docs/methodology.md §7.2: a way out of Southbound on `date` (attributes as of that date), which overrides every
 * way in: delisted, not the HKD counter, not ordinary equity, a secondary listing, or an A share under
 * risk alert.
 */
export function isSouthboundExcludedOn(a: SecurityAttributes, date: IsoDate): boolean {
  return (a.delistingDate !== null && a.delistingDate <= date) || a.currency !== 'HKD' || a.type !== 'EQUITY'
    || a.secondaryListing || (a.aShareExchange !== null && a.aShareRiskAlert);
}
