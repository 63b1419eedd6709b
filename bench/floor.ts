import { readFileSync, rmSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';

/**
 * The floors: the bare SQLite work for the same rows, without hkconnect. The store keeps a day of
 * the market per row (`daily_days`); the floors keep the rows as plain SQLite rows, one per
 * (code, date), which is what "what SQLite itself needs" means for these rows:
 *
 * - load: one prepared INSERT per row, one transaction, into a table with no key, no index and no
 *   constraint (a rowid heap: the least SQLite can do to hold a row);
 * - aggregate: one grouped aggregate over the 12-month window, on the rows keyed (code, date)
 *   (WITHOUT ROWID), so the GROUP BY reads the key in order and needs no sort.
 */
export interface LoadFloorTiming {
  readonly rows: number;
  /** Reading the CSV and splitting it into typed rows (the fastest simple reader: split on \n and ,). */
  readonly parseMs: number;
  /** One prepared INSERT, one transaction, from the already-parsed rows. */
  readonly insertMs: number;
}

const COLUMNS = 'date TEXT, code TEXT, market_cap_hkd INTEGER, turnover_hkd INTEGER, suspended INTEGER, close REAL, volume INTEGER';
/** The load floor's table: a bare rowid heap. */
export const FLOOR_HEAP_TABLE = `CREATE TABLE floor_daily (${COLUMNS})`;
/** The aggregate floor's table: the same rows keyed as the aggregate reads them. */
export const FLOOR_KEYED_TABLE = `CREATE TABLE floor_daily (${COLUMNS}, PRIMARY KEY (code, date)) WITHOUT ROWID`;

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

/** A new, empty floor database at `path` (the store's pragmas) holding `floor_daily` as `table` defines it. */
export function createFloorDb(path: string, table: string): BetterSqlite3.Database {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const sqlite = new BetterSqlite3(path);
  applyStorePragmas(sqlite);
  sqlite.exec(table);
  return sqlite;
}

/** Loads a daily CSV into `floor_daily`: read + split, then one prepared INSERT in one transaction. */
export function loadDailyFloor(sqlite: BetterSqlite3.Database, csvPath: string): LoadFloorTiming {
  const t0 = performance.now();
  const rows = parseDailyCsvFast(readFileSync(csvPath, 'utf8'));
  const t1 = performance.now();
  const insert = sqlite.prepare(
    'INSERT INTO floor_daily (date, code, market_cap_hkd, turnover_hkd, suspended, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  sqlite.transaction(() => {
    for (const r of rows) insert.run(r);
  })();
  const t2 = performance.now();
  return { rows: rows.length, parseMs: t1 - t0, insertMs: t2 - t1 };
}

/** Builds the aggregate floor's keyed database from a daily CSV (not timed). */
export function buildKeyedFloorDb(path: string, csvPath: string): void {
  const sqlite = createFloorDb(path, FLOOR_KEYED_TABLE);
  sqlite.pragma('cache_size = -262144');
  try {
    loadDailyFloor(sqlite, csvPath);
  } finally {
    sqlite.close();
  }
}

export const WINDOW_AGGREGATE_SQL =
  'SELECT code, avg(market_cap_hkd), sum(turnover_hkd), count(*) FROM floor_daily WHERE date > ? AND date <= ? AND suspended = 0 GROUP BY code';

/** The screen's floor: one grouped aggregate over the window (from, to]. */
export function aggregateWindowFloor(sqlite: BetterSqlite3.Database, fromExclusive: string, toInclusive: string): { ms: number; groups: number } {
  const t0 = performance.now();
  const groups = sqlite.prepare(WINDOW_AGGREGATE_SQL).all(fromExclusive, toInclusive).length;
  return { ms: performance.now() - t0, groups };
}

/** The pragmas `openStore` sets (WAL, synchronous NORMAL, foreign keys). */
export function applyStorePragmas(sqlite: BetterSqlite3.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
}
