import { weekdayOf } from './fields.js';

/** One row of the `calendar` table. */
export interface CalendarRow {
  readonly date: string;
  readonly isTradingDay: boolean;
  /** Where the row came from: `seed` (the bundled calendar), `dayquot` (an HKEX report), `user`, `data`. */
  readonly source?: string;
  /** The holiday's name (`National Day`), `weekend`, or what recorded the day. */
  readonly note?: string | null;
}

/**
 * Decides whether a (valid) date may carry daily data (docs/methodology.md "Dates": trading days only).
 * A weekend is never a trading day; a date the calendar marks closed (a holiday of the bundled
 * calendar, an HKEX NO TRADING report, a day closed with `db close-day`) is rejected, naming the
 * holiday and the way to open it (`--open-days`): a vendor file's forward-filled holiday rows must
 * not open the day (issue 16). A weekday the calendar does not list is rejected inside the
 * calendar's range and accepted outside it (the calendar was not seeded that far). Answers are
 * cached per date: a daily file has few dates.
 */
export class TradingDayCheck {
  private readonly known: ReadonlyMap<string, boolean>;
  private readonly notes: ReadonlyMap<string, string>;
  private readonly first: string | null;
  private readonly last: string | null;
  private readonly cache = new Map<string, string | null>();

  constructor(rows: readonly CalendarRow[]) {
    this.known = new Map(rows.map((r) => [r.date, r.isTradingDay]));
    this.notes = new Map(rows.flatMap((r) => (r.note ? [[r.date, r.note] as const] : [])));
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
   * True for a weekday the calendar does not list (beyond its range): such a day may carry daily data,
   * provisionally, and becomes a trading day when the data covers most securities (issue 2). A day
   * the calendar marks closed never is (issue 16: forward-filled holiday rows cover every security);
   * only `--open-days` opens it.
   */
  mayBeProvenOpen(date: string): boolean {
    return weekdayOf(date) <= 5 && !this.known.has(date);
  }

  private decide(date: string): string | null {
    const weekday = weekdayOf(date);
    if (weekday >= 6) return `${date} is a ${weekday === 6 ? 'Saturday' : 'Sunday'}, not a trading day`;
    const open = this.known.get(date);
    if (open === false) {
      const note = this.notes.get(date);
      const why = note ? `the market was closed (${note})` : 'the trading calendar marks the market closed';
      return `${date} is not a trading day: ${why}; if the market was open that day, load the file with --open-days ${date}`;
    }
    if (open === true) return null;
    if (this.first !== null && this.last !== null && date >= this.first && date <= this.last) {
      return `${date} is not a trading day (the trading calendar, which covers ${this.first} to ${this.last}, does not list it)`;
    }
    return null;
  }
}
