import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, addMonths } from '../src/domain/dates.js';
import { ensureMarketFiles } from './market-cache.js';
import { measureProcessesInterleaved, type Measurement } from './measure.js';
import { countWindowRows, floorAggregateSpec, prepareReadyStore, type MarketRunContext, type ReviewDates } from './measure-market.js';
import { readTradingDays, runCli } from './prepare-stores.js';
import type { ScaleRow } from './results.js';

export interface ScalePoint { readonly multiple: number; readonly years: number }

/** 1x, 2x, 4x the securities over 2 years; 2, 5, 10 years at 1x. */
export const SCALE_POINTS: readonly ScalePoint[] = [
  { multiple: 1, years: 2 }, { multiple: 2, years: 2 }, { multiple: 4, years: 2 },
  { multiple: 1, years: 5 }, { multiple: 1, years: 10 },
];

/** The first day of `years` years of data ending on `end`. */
export function firstDayOfHistory(end: string, years: number): string {
  return addDays(addMonths(end, -12 * years), 1);
}

/**
 * Screen time at each scale point, on a store filled through the CLI. The same cut-off everywhere, so the window covers the same dates: the screen should
 * grow with the rows inside the window, not with the years of history before it.
 */
export function measureScale(ctx: MarketRunContext, base: { securities: number; seed: number; end: string }, dates: ReviewDates): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const p of SCALE_POINTS) {
    const label = `${p.multiple}x, ${p.years}y`;
    const tradingDays = readTradingDays(ctx.seededDb, firstDayOfHistory(base.end, p.years), base.end);
    const files = ensureMarketFiles(join(ctx.workDir, '..'), { securities: base.securities * p.multiple, tradingDays, seed: base.seed });
    const scaleCtx = { ...ctx, workDir: join(ctx.workDir, `scale-${files.hash}`) };
    const db = prepareReadyStore(scaleCtx, files, dates);
    // The scale table times the screen; the rows go in through `ingest daily` like everywhere else.
    if (!runCli(ctx.paths, ['--db', db, 'ingest', 'daily', files.dailyCsv], ctx.notes)) continue;
    const [screen, floorAggregate] = measureProcessesInterleaved([{
      label: `screen ${label}`, runs: ctx.runs, cwd: ctx.paths.root,
      args: () => [ctx.paths.cli, '--db', db, 'screen', '--cutoff', dates.cutoff, '--format', 'json'],
    }, floorAggregateSpec(ctx, `floor aggregate ${label}`, db, dates)]) as [Measurement, Measurement];
    const windowRows = countWindowRows(db, dates);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
    rows.push({ label, securities: files.securities, years: p.years, dailyRows: files.dailyRows, windowRows, screen, floorAggregate });
  }
  return rows;
}
