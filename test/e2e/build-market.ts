import type { Store } from '../../src/db/connection.js';
import { addDays, weekday } from '../../src/domain/dates.js';
import { dailyWriter } from '../support/daily.js';

/** One security of a scenario market; money in HK$bn for readability, stored as whole HK$. */
export interface MarketSecurity {
  code: string;
  name: string;
  /** Constant daily market cap in HK$bn (so the average is exactly this on any window). */
  capBn: number;
  /** Daily turnover as a fraction of the cap (velocity with free float 1). Default 0.001. */
  velocity?: number;
  board?: 'MAIN' | 'GEM';
  type?: string;
  currency?: 'HKD' | 'CNY' | 'USD';
  listingDate?: string;
  wvr?: boolean;
  secondaryListing?: boolean;
  aShareExchange?: 'SSE' | 'SZSE';
  aShareListingDate?: string;
  sfc?: boolean;
  /** Suspended on every trading day from this date to the end of the data. */
  suspendedFrom?: string;
}

/** Weekdays between two dates inclusive: the scenario's trading calendar (no holidays, on purpose). */
export function weekdaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (weekday(d) <= 5) out.push(d);
  return out;
}

/**
 * Writes a market into a real store (migrated by openStore): calendar, securities, daily rows from
 * the listing date (or `dataFrom`) to `dataTo`, one row per trading day.
 */
export function writeMarket(store: Store, securities: MarketSecurity[], opts: { calendarFrom: string; calendarTo: string; dataFrom: string; dataTo: string }): void {
  const db = store.sqlite;
  db.exec('DELETE FROM calendar'); // the market's own calendar (every weekday), not the bundled one
  const days = weekdaysBetween(opts.calendarFrom, opts.calendarTo);
  const insertDay = db.prepare("INSERT INTO calendar (date, is_trading_day, source) VALUES (?, 1, 'user')");
  const insertSec = db.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date, wvr, secondary_listing,
    a_share_code, a_share_exchange, a_share_listing_date, sfc_high_concentration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertDaily = dailyWriter(store);
  db.transaction(() => {
    for (const d of days) insertDay.run(d);
    for (const s of securities) {
      const listing = s.listingDate ?? '2010-01-04';
      insertSec.run(s.code, s.name, s.board ?? 'MAIN', s.type ?? 'EQUITY', s.currency ?? 'HKD', listing, s.wvr ? 1 : 0, s.secondaryListing ? 1 : 0,
        s.aShareExchange ? `A${s.code}` : null, s.aShareExchange ?? null, s.aShareExchange ? (s.aShareListingDate ?? '2010-01-04') : null, s.sfc ? 1 : 0);
      const cap = Math.round(s.capBn * 1e9);
      const turnover = Math.round(cap * (s.velocity ?? 0.001));
      for (const d of days) {
        if (d < opts.dataFrom || d > opts.dataTo || d < listing) continue;
        const suspended = s.suspendedFrom !== undefined && d >= s.suspendedFrom;
        insertDaily.run(s.code, d, cap, suspended ? 0 : turnover, suspended ? 1 : 0);
      }
    }
  })();
}

/** Loads a list snapshot in force from `asOf`. */
export function writeHsciList(store: Store, asOf: string, members: Record<string, 'LARGE' | 'MID' | 'SMALL'>): void {
  const db = store.sqlite;
  db.prepare("INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES ('HSCI', ?, 'test', '2026-01-01T00:00:00Z')").run(asOf);
  const ins = db.prepare('INSERT INTO hsci_members (as_of, code, segment) VALUES (?, ?, ?)');
  for (const [code, seg] of Object.entries(members)) ins.run(asOf, code, seg);
}

export function writeSouthboundList(store: Store, asOf: string, channel: 'SH' | 'SZ', codes: string[]): void {
  const db = store.sqlite;
  db.prepare("INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES (?, ?, 'test', '2026-01-01T00:00:00Z')").run(`SB_${channel}`, asOf);
  const ins = db.prepare('INSERT INTO southbound_members (as_of, channel, code) VALUES (?, ?, ?)');
  for (const code of codes) ins.run(asOf, channel, code);
}
