import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { parseDailyCsvFast } from './floor.js';
import { DAILY_HEADER } from './generate-market.js';
import type { MarketFiles } from './market-cache.js';
import { measureProcess, measureProcessesInterleaved, type Measurement, type ProcessRunSpec } from './measure.js';
import type { MarketRunContext, ReviewDates } from './measure-market.js';
import { copyStore } from './prepare-stores.js';

/** The two queries of the targets, as an analyst would type them (docs/sql.md has more). */
export const ONE_CODE_SQL = 'SELECT date, market_cap_hkd FROM daily WHERE code = ? AND date > ? AND date <= ? ORDER BY date';
export const MARKET_AVERAGE_SQL =
  'SELECT code, avg(market_cap_hkd) FROM daily WHERE date > ? AND date <= ? AND suspended = 0 GROUP BY code';

/** The last JSON line a child printed, its numbers only (the in-process timings). */
export const jsonParts = (stdout: string): Record<string, number> => {
  const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  return Object.fromEntries(Object.entries(parsed).filter(([k, v]) => typeof v === 'number' && k !== 'rows' && k !== 'groups')) as Record<string, number>;
};

/** Plain SQL on the loaded store through python3's sqlite3 (whole process; `ms` is the query alone). */
export function measureSql(ctx: MarketRunContext, store: string, dates: ReviewDates): { sqlOneCode: Measurement; sqlMarketAverage: Measurement } {
  const script = join(ctx.paths.root, 'bench/sql-timing.py');
  const spec = (label: string, sql: string, params: readonly string[]): ProcessRunSpec => ({
    label, runs: ctx.runs, cwd: ctx.paths.root, command: 'python3', parts: jsonParts,
    args: () => [script, store, sql, ...params],
    describe: (s) => `${(JSON.parse(s.trim().split('\n').pop()!) as { rows: number }).rows} rows`,
  });
  return {
    sqlOneCode: measureProcess(spec('SQL (python3): one code over a year', ONE_CODE_SQL, [dates.code, dates.windowFrom, dates.cutoff])),
    sqlMarketAverage: measureProcess(spec('SQL (python3): 12-month average per code', MARKET_AVERAGE_SQL, [dates.windowFrom, dates.cutoff])),
  };
}

/**
 * `ingest daily` of one more day (the market's last day again, dated the next trading day) into a copy
 * of the loaded store, side by side with its floor: the floor worker's prepared INSERT of the same file
 * into another copy of the same store (the same key, index, foreign key and CHECKs), whole process too.
 */
export function measureAppend(ctx: MarketRunContext, store: string, files: MarketFiles): { append: Measurement; floorAppend: Measurement } {
  const csv = join(ctx.workDir, 'append-day.csv');
  const rows = writeAppendCsv(csv, files, nextTradingDay(ctx.seededDb, files.lastDay));
  const db = join(ctx.workDir, 'append.db');
  const floorDb = join(ctx.workDir, 'floor-append.db');
  const [append, floorAppend] = measureProcessesInterleaved([
    {
      label: `ingest daily: one-day append (${rows.toLocaleString('en-US')} rows)`, runs: ctx.runs, cwd: ctx.paths.root,
      before: () => copyStore(store, db), args: () => [ctx.paths.cli, '--db', db, 'ingest', 'daily', csv],
    },
    {
      label: 'floor: one-day append (prepared INSERT, same table)', runs: ctx.runs, cwd: ctx.paths.root, parts: jsonParts,
      before: () => copyStore(store, floorDb), args: () => [ctx.floorWorker, 'load', floorDb, csv],
    },
  ]) as [Measurement, Measurement];
  return { append, floorAppend };
}

function nextTradingDay(seededDb: string, after: string): string {
  const sqlite = new BetterSqlite3(seededDb, { readonly: true });
  try {
    const day = sqlite.prepare('SELECT min(date) FROM calendar WHERE is_trading_day = 1 AND date > ?').pluck().get(after) as string | null;
    if (day === null) throw new Error(`the calendar has no trading day after ${after} for the append`);
    return day;
  } finally {
    sqlite.close();
  }
}

function writeAppendCsv(path: string, files: MarketFiles, date: string): number {
  const last = parseDailyCsvFast(readFileSync(files.dailyCsv, 'utf8')).filter((r) => r[0] === files.lastDay);
  const lines = last.map(([, code, cap, turnover, suspended, close, volume]) => [date, code, cap, turnover, suspended, close ?? '', volume ?? ''].join(','));
  writeFileSync(path, `${DAILY_HEADER}${lines.join('\n')}\n`);
  return last.length;
}
