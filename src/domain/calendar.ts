import type { IsoDate } from './types.js';

/**
 * The Hong Kong trading calendar as a sorted array of trading days, with binary-search helpers.
 * Pure and immutable; built once per job from the store and passed down.
 */
export class TradingCalendar {
  private readonly days: readonly IsoDate[];
  private readonly index: ReadonlyMap<IsoDate, number>;

  constructor(tradingDays: readonly IsoDate[]) {
    const sorted = [...new Set(tradingDays)].sort();
    this.days = Object.freeze(sorted);
    this.index = new Map(sorted.map((d, i) => [d, i]));
  }

  get all(): readonly IsoDate[] { return this.days; }
  get first(): IsoDate | undefined { return this.days[0]; }
  get last(): IsoDate | undefined { return this.days[this.days.length - 1]; }

  isTradingDay(d: IsoDate): boolean { return this.index.has(d); }

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
