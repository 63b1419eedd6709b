import type { TradingCalendar } from '../domain/calendar.js';
import type {
  AttributeChange, DailySeries, InterimEvent, IsoDate, SecurityAttributes, StockCode,
} from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/** One loaded HSCI list: in force from `asOf` until the next snapshot. */
export interface HsciSnapshot {
  readonly asOf: IsoDate;
  readonly codes: readonly StockCode[];
}

/** Everything §8 needs, loaded by jobs/events.ts. */
export interface InterimEventsInput {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly calendar: TradingCalendar;
  readonly methodology: Methodology;
  /** Base attributes of every security (the securities table). */
  readonly securities: readonly SecurityAttributes[];
  /** Every dated attribute change. */
  readonly changes: readonly AttributeChange[];
  /** HSCI list snapshots, any order. */
  readonly hsciSnapshots: readonly HsciSnapshot[];
  /** Daily series of the securities the events look at (constituents, IPOs, WVR companies). */
  readonly series: ReadonlyMap<StockCode, DailySeries>;
}

/** §8: the interim events expected in [from, to], sorted by date then code (body lands next). */
export function listInterimEvents(_input: InterimEventsInput): InterimEvent[] {
  throw new Error('listInterimEvents: not built yet');
}
