import type { Channel, IsoDate, ReviewKind, Segment, StockCode } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/**
 * Everything one review needs, already computed and loaded (docs/methodology.md §6, §7). The screen is pure:
 * no clock, no store; the job builds this from the snapshot in force on the cut-off.
 */
export interface ScreenInput {
  readonly cutoff: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly kind: ReviewKind;
  readonly methodology: Methodology;
  /** The per-security facts of every screened security (rules/ computes them). */
  readonly metrics: readonly SecurityMetrics[];
  /** The HSCI list in force on C: code -> segment. */
  readonly hsciBefore: ReadonlyMap<StockCode, Segment>;
  /** The Southbound lists in force on C, per channel. */
  readonly southboundBefore: Readonly<Record<Channel, ReadonlySet<StockCode>>>;
  /** Warnings from loading (data gaps, ...), carried into the result. */
  readonly warnings?: readonly string[];
}

/** A security's place in a ranking: rank 1 is the largest; coverage is cumulative, itself included. */
export interface RankedEntry {
  readonly code: StockCode;
  readonly avgMarketCapHkd: number;
  readonly rank: number;
  readonly coverage: number;
}
