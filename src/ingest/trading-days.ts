import { weekdayOf } from './fields.js';

/** One row of the `calendar` table. */
export interface CalendarRow {
  readonly date: string;
  readonly isTradingDay: boolean;
  /** Where the row came from: a `seed` closure may be overruled by data, a closure seen in real data may not. */
  readonly source?: string;
}

/**
 * Decides whether a (valid) date may carry daily data (RULES.md "Dates": trading days only).
 * A weekend is never a trading day; a date the calendar marks closed is rejected; a weekday the
 * calendar does not list is rejected inside the calendar's range and accepted outside it (the
 * calendar was not seeded that far). Answers are cached per date: a daily file has few dates.
 */
export class TradingDayCheck {
  private readonly known: ReadonlyMap<string, boolean>;
  private readonly seeded: ReadonlySet<string>;
  private readonly first: string | null;
  private readonly last: string | null;
  private readonly cache = new Map<string, string | null>();

  constructor(rows: readonly CalendarRow[]) {
    this.known = new Map(rows.map((r) => [r.date, r.isTradingDay]));
    this.seeded = new Set(rows.filter((r) => r.source === 'seed').map((r) => r.date));
    const dates = rows.map((r) => r.date).sort();
    this.first = dates[0] ?? null;
    this.last = dates[dates.length - 1] ?? null;
  }

  /** Null when `date` may carry daily data, else the reason it may not. */
  reasonNotTrading(date: string): string | null {
    const cached = this.cache.get(date);
    if (cached !== undefined) return cached;
    const reason = this.decide(date);
    this.cache.set(date, reason);
    return reason;
  }

  /**
   * True for a weekday the calendar calls closed only by its seed, or does not list: such a day may
   * still carry daily data, provisionally, and becomes a trading day when the data covers most
   * securities (issue 2: "a date with daily data for most securities also counts as a trading day").
   * A weekend never is; a closure recorded from real data (a holiday report, a user) never is.
   */
  mayBeProvenOpen(date: string): boolean {
    if (weekdayOf(date) >= 6) return false;
    const open = this.known.get(date);
    return open === undefined || (open === false && this.seeded.has(date));
  }

  private decide(date: string): string | null {
    const weekday = weekdayOf(date);
    if (weekday >= 6) return `${date} is a ${weekday === 6 ? 'Saturday' : 'Sunday'}, not a trading day`;
    const open = this.known.get(date);
    if (open === false) return `${date} is not a trading day (the trading calendar marks the market closed)`;
    if (open === true) return null;
    if (this.first !== null && this.last !== null && date >= this.first && date <= this.last) {
      return `${date} is not a trading day (the trading calendar, which covers ${this.first} to ${this.last}, does not list it)`;
    }
    return null;
  }
}
