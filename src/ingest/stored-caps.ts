import type BetterSqlite3 from 'better-sqlite3';
import { readLiveCapNeighbours, type CodeSpan } from '../db/repositories/live-cap-neighbours.js';
import type { IsoDate, StockCode } from '../domain/types.js';
import { findCapJumps, type CapJump } from './day-over-day.js';

/** One code's live caps as a load stored them, in the order it stored them. */
interface CodeCaps {
  readonly dates: IsoDate[];
  readonly caps: number[];
}

/**
 * Plausibility at ingest (issue 16): the live market caps a load stores (non-suspended, above zero;
 * findCapJumps skips the rest), per code, so that once the file is read (still inside its
 * transaction) every move beyond the factor is found: between the file's own rows, and between its
 * first and last row of each code and the store's live record just before and just after them. So
 * a one-day append in HK$ thousands is caught against the stored previous day.
 */
export class StoredCaps {
  private readonly byCode = new Map<StockCode, CodeCaps>();

  /** Notes one stored record (the parsers hand over one string per distinct date, so a million rows share a few hundred). */
  note(code: StockCode, date: IsoDate, marketCapHkd: number, suspended: boolean): void {
    if (suspended || marketCapHkd <= 0) return;
    const entry = this.byCode.get(code);
    if (entry) {
      entry.dates.push(date);
      entry.caps.push(marketCapHkd);
    } else {
      this.byCode.set(code, { dates: [date], caps: [marketCapHkd] });
    }
  }

  /**
   * Every move beyond `maxFactor` that touches a row of this load, by code then date. `removed`: dates
   * whose rows the load took out again (a holiday its rows could not prove open).
   */
  findJumps(sqlite: BetterSqlite3.Database, maxFactor: number, removed: ReadonlySet<IsoDate> = new Set()): CapJump[] {
    const series = new Map<StockCode, CodeCaps>();
    for (const [code, caps] of this.byCode) {
      const kept = inDateOrder(removed.size === 0 ? caps : dropDates(caps, removed));
      if (kept.dates.length > 0) series.set(code, kept);
    }
    const spans: CodeSpan[] = [...series].map(([code, { dates }]) => ({ code, from: dates[0]!, to: dates[dates.length - 1]! }));
    const neighbours = readLiveCapNeighbours(sqlite, spans);
    const jumps: CapJump[] = [];
    for (const code of [...series.keys()].sort()) {
      const { dates, caps } = series.get(code)!;
      const { before, after } = neighbours.get(code) ?? {};
      const columns = {
        dates: [...(before ? [before.date] : []), ...dates, ...(after ? [after.date] : [])],
        marketCapHkd: [...(before ? [before.marketCapHkd] : []), ...caps, ...(after ? [after.marketCapHkd] : [])],
        suspended: new Uint8Array(dates.length + 2),
      };
      jumps.push(...findCapJumps(code, columns, maxFactor));
    }
    return jumps;
  }
}

function dropDates({ dates, caps }: CodeCaps, removed: ReadonlySet<IsoDate>): CodeCaps {
  const keep = dates.map((d) => !removed.has(d));
  return { dates: dates.filter((_, i) => keep[i]), caps: caps.filter((_, i) => keep[i]) };
}

/** The records by date (files are usually in date order already: then as they are). */
function inDateOrder(caps: CodeCaps): CodeCaps {
  const { dates } = caps;
  if (dates.every((d, i) => i === 0 || dates[i - 1]! < d)) return caps;
  const order = dates.map((_, i) => i).sort((a, b) => (dates[a]! < dates[b]! ? -1 : 1));
  return { dates: order.map((i) => dates[i]!), caps: order.map((i) => caps.caps[i]!) };
}
