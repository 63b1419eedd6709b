import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The floors: the bare SQLite work for the same rows on the same schema, without hkconnect.
 *
 * - load: one prepared INSERT per row, one transaction, into the store's own `daily` table (a copy
 *   of the store the CLI loads into, with its key, index, foreign key and CHECKs);
 * - aggregate: one grouped aggregate over the 12-month window of the loaded store's `daily`.
 */
export interface LoadFloorTiming {
  readonly rows: number;
  /** Reading the CSV and splitting it into typed rows (the fastest simple reader: split on \n and ,). */
  readonly parseMs: number;
  /** One prepared INSERT, one transaction, from the already-parsed rows. */
  readonly insertMs: number;
}

type DailyTuple = [string, string, number, number, number, number | null, number | null];

/** Parses a daily CSV whose header is `date,code,market_cap_hkd,...` in any column order. */
export function parseDailyCsvFast(text: string): DailyTuple[] {
  const lines = text.split('\n');
  const header = lines[0]!.trim().split(',');
  const col = (name: string) => header.indexOf(name);
  const [iDate, iCode, iCap, iTurn, iSusp, iClose, iVol] =
    ['date', 'code', 'market_cap_hkd', 'turnover_hkd', 'suspended', 'close', 'volume'].map(col) as number[];
  const rows: DailyTuple[] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.length === 0) continue;
    const f = line.split(',');
    const close = iClose! >= 0 && f[iClose!] ? Number(f[iClose!]) : null;
    const volume = iVol! >= 0 && f[iVol!] ? Number(f[iVol!]) : null;
    rows.push([f[iDate!]!, f[iCode!]!, Number(f[iCap!]), Number(f[iTurn!]), f[iSusp!] === '1' ? 1 : 0, close, volume]);
  }
  return rows;
}

/** Opens a store file with the pragmas `openStore` sets (WAL, synchronous NORMAL, foreign keys). */
export function openWithStorePragmas(path: string, options: { readonly?: boolean } = {}): BetterSqlite3.Database {
  const sqlite = new BetterSqlite3(path, { readonly: options.readonly ?? false });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  return sqlite;
}

/** Loads a daily CSV into the store's `daily`: read + split, then one prepared INSERT in one transaction. */
export function loadDailyFloor(sqlite: BetterSqlite3.Database, csvPath: string): LoadFloorTiming {
  const t0 = performance.now();
  const rows = parseDailyCsvFast(readFileSync(csvPath, 'utf8'));
  const t1 = performance.now();
  const insert = sqlite.prepare(
    'INSERT INTO daily (date, code, market_cap_hkd, turnover_hkd, suspended, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const t2 = performance.now();
  return { rows: rows.length, parseMs: t1 - t0, insertMs: t2 - t1 };
}

export const WINDOW_AGGREGATE_SQL =
  'SELECT code, avg(market_cap_hkd), sum(turnover_hkd), count(*) FROM daily WHERE date > ? AND date <= ? AND suspended = 0 GROUP BY code';

/** The screen's floor: one grouped aggregate over the window (from, to]. */
export function aggregateWindowFloor(sqlite: BetterSqlite3.Database, fromExclusive: string, toInclusive: string): { ms: number; groups: number } {
  const t0 = performance.now();
  const groups = sqlite.prepare(WINDOW_AGGREGATE_SQL).all(fromExclusive, toInclusive).length;
  return { ms: performance.now() - t0, groups };
}
