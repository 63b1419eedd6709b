import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarketMeasurements, ReviewDates } from './measure-market.js';
import type { Measurement } from './measure.js';
import type { TargetRow } from './targets.js';
import { renderResultsMarkdown } from './render-results.js';

export interface ScaleRow {
  readonly label: string;
  readonly securities: number;
  readonly years: number;
  readonly dailyRows: number;
  readonly windowRows: number;
  readonly screen: Measurement;
  readonly floorAggregate: Measurement;
}

/** Everything one `npm run bench` measured, as written to bench/results/<date>-<sha>.json. */
export interface BenchResults {
  readonly date: string;
  readonly gitSha: string;
  readonly node: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly runs: number;
  readonly loadRuns: number;
  /** os.loadavg() before and after: figures taken on a busy machine are not comparable. */
  readonly loadAverage: { start: number[]; end: number[] };
  readonly market: { securities: number; dailyRows: number; firstDay: string; lastDay: string; hash: string };
  readonly dates: ReviewDates;
  readonly measurements: MarketMeasurements;
  readonly targets: TargetRow[];
  readonly scale?: ScaleRow[];
  readonly notes: string[];
}

/** Writes `<date>-<sha>.json` and `latest.md` into the results folder; returns the JSON path. */
export function writeResults(dir: string, results: BenchResults): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.date}-${results.gitSha}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), renderResultsMarkdown(results));
  return file;
}
