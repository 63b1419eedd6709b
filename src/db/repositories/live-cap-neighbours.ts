import type BetterSqlite3 from 'better-sqlite3';
import type { IsoDate, StockCode } from '../../domain/types.js';

/** A stored live record: the market cap of a non-suspended day with a cap above zero. */
export interface LiveCap {
  readonly date: IsoDate;
  readonly marketCapHkd: number;
}

/** One code's span of dates in a load: the live records just before `from` and just after `to` are wanted. */
export interface CodeSpan {
  readonly code: StockCode;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * For each span, the code's last live record dated before `from` and its first live record dated after
 * `to` (plausibility at ingest compares a load's caps with them). One statement for all the spans, so a
 * one-day append of ~2,700 codes costs one call; each neighbour comes back as 'DATE CAP' (one scalar
 * subquery each: SQLite has no LATERAL, and a second lookup per row doubled the time).
 */
export function readLiveCapNeighbours(
  sqlite: BetterSqlite3.Database, spans: readonly CodeSpan[],
): Map<StockCode, { before?: LiveCap; after?: LiveCap }> {
  const out = new Map<StockCode, { before?: LiveCap; after?: LiveCap }>();
  if (spans.length === 0) return out;
  const rows = sqlite.prepare(`
    WITH span (code, lo, hi) AS (SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?))
    SELECT code,
      (SELECT d.date || ' ' || d.market_cap_hkd FROM daily d WHERE d.code = span.code AND d.date < span.lo
        AND d.suspended = 0 AND d.market_cap_hkd > 0 ORDER BY d.date DESC LIMIT 1),
      (SELECT d.date || ' ' || d.market_cap_hkd FROM daily d WHERE d.code = span.code AND d.date > span.hi
        AND d.suspended = 0 AND d.market_cap_hkd > 0 ORDER BY d.date LIMIT 1)
    FROM span`)
    .raw().all(JSON.stringify(spans.map((s) => [s.code, s.from, s.to]))) as Array<[StockCode, string | null, string | null]>;
  for (const [code, before, after] of rows) {
    if (before === null && after === null) continue;
    out.set(code, { ...(before === null ? {} : { before: liveCap(before) }), ...(after === null ? {} : { after: liveCap(after) }) });
  }
  return out;
}

/** 'YYYY-MM-DD CAP' as a LiveCap. */
function liveCap(text: string): LiveCap {
  return { date: text.slice(0, 10), marketCapHkd: Number(text.slice(11)) };
}
