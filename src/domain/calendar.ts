import { monthIndexOf } from './dates.js';
import type { IsoDate } from './types.js';

/**
 * The Hong Kong trading calendar as a sorted array of trading days, with binary-search helpers.
 * Pure and immutable; built once per job from the store and passed down.
 */
export class TradingCalendar {
  private readonly days: readonly IsoDate[];
  private readonly index: ReadonlyMap<IsoDate, number>;
  private months: Int32Array | null = null;

  constructor(tradingDays: readonly IsoDate[]) {
    const sorted = [...new Set(tradingDays)].sort();
    this.days = Object.freeze(sorted);
    this.index = new Map(sorted.map((d, i) => [d, i]));
  }

  get all(): readonly IsoDate[] { return this.days; }
  get first(): IsoDate | undefined { return this.days[0]; }
  get last(): IsoDate | undefined { return this.days[this.days.length - 1]; }

  isTradingDay(d: IsoDate): boolean { return this.index.has(d); }

  /**
   * A date as an integer that orders with the trading days: twice the position of d when it is a
   * trading day, one less when it is not (it then sorts just before the next trading day). The
   * per-day loops of the rules compare these instead of date strings.
   */
  slotOf(d: IsoDate): number {
    const i = this.lowerBound(d);
    return 2 * i - (this.days[i] === d ? 0 : 1);
  }

  /** `slotOf` of each of `dates` (ascending), in one merge walk over the calendar. */
  slotsOf(dates: readonly IsoDate[]): Int32Array {
    const out = new Int32Array(dates.length);
    let i = dates.length > 0 ? this.lowerBound(dates[0]!) : 0;
    for (let k = 0; k < dates.length; k += 1) {
      const d = dates[k]!;
      while (i < this.days.length && this.days[i]! < d) i += 1;
      out[k] = 2 * i - (this.days[i] === d ? 0 : 1);
    }
    return out;
  }

  /** Per trading day position, its month as year x 12 + month - 1 (built on first use). */
  get monthIndexes(): Int32Array {
    if (!this.months) {
      this.months = new Int32Array(this.days.length);
      for (let i = 0; i < this.days.length; i += 1) this.months[i] = monthIndexOf(this.days[i]!);
    }
    return this.months;
  }

  /** Position of the first trading day >= d (may equal length). */
  lowerBound(d: IsoDate): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid]! < d) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Trading days in the window (a, b]. */
  between(a: IsoDate, b: IsoDate): IsoDate[] {
    return this.days.slice(this.upperBound(a), this.upperBound(b));
  }

  /** The first trading day on or after d, or null past the calendar's end. */
  onOrAfter(d: IsoDate): IsoDate | null { return this.days[this.lowerBound(d)] ?? null; }

  /** The first trading day strictly after d. */
  after(d: IsoDate): IsoDate | null { return this.days[this.upperBound(d)] ?? null; }

  /** The last trading day on or before d. */
  onOrBefore(d: IsoDate): IsoDate | null { return this.days[this.upperBound(d) - 1] ?? null; }

  /**
   * The n-th trading day counted from d: n = 1 is the first trading day after d (d itself counts as
   * day 0 whether or not it trades). Null past the calendar's end.
   */
  addTradingDays(d: IsoDate, n: number): IsoDate | null {
    if (n === 0) return d;
    const i = n > 0 ? this.upperBound(d) + n - 1 : this.lowerBound(d) + n;
    return i >= 0 ? (this.days[i] ?? null) : null;
  }

  /** Number of trading days in (a, b]. */
  countBetween(a: IsoDate, b: IsoDate): number {
    return Math.max(0, this.upperBound(b) - this.upperBound(a));
  }

  /** Position of the first trading day > d. */
  private upperBound(d: IsoDate): number {
    let lo = 0;
    let hi = this.days.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.days[mid]! <= d) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
}
