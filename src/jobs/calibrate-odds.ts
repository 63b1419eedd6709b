import type { Store } from '../db/connection.js';
import { JobError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';
import { listedPairs, scoreCalibration, type CalibrationScore } from '../screen/calibration-score.js';
import { addOdds } from './run-odds.js';
import { computePreview } from './run-preview.js';
import { computeReview } from './run-review.js';

export interface CalibrationOptions {
  readonly cutoff: IsoDate;
  /** Trading days before the cut-off's trading day, e.g. [60, 40, 20, 5]. */
  readonly leads: readonly number[];
  readonly paths?: number;
  readonly seed?: number;
  readonly bins: number;
}

export interface CalibrationRow extends CalibrationScore {
  lead: number;
  asOf: IsoDate;
  tradingDaysLeft: number;
  activeNames: number;
  oddsSeconds: number;
}

export interface CalibrationReport {
  cutoff: IsoDate;
  paths: number;
  seed: number;
  rows: CalibrationRow[];
}

/**
 * Previews review C from several lead times and scores each preview's odds and deterministic lists against
 * what the full data decides (calibration-score.ts). Reads the store only.
 */
export async function calibrateOdds(store: Store, options: CalibrationOptions): Promise<CalibrationReport> {
  const full = await computeReview(store, { cutoff: options.cutoff });
  const outcome = listedPairs(full.result);
  const days = full.plan.calendar.between('0000-01-01', options.cutoff);
  const rows: CalibrationRow[] = [];
  let paths = 0;
  let seed = 0;
  for (const lead of options.leads) {
    const asOf = days[days.length - 1 - lead];
    if (asOf === undefined) throw new JobError(`the calendar has no trading day ${lead} days before ${options.cutoff}`);
    const preview = await computePreview(store, { cutoff: options.cutoff, asOf });
    const started = performance.now();
    addOdds(preview, { paths: options.paths, seed: options.seed });
    const oddsSeconds = (performance.now() - started) / 1000;
    const r = preview.result;
    paths = r.oddsMeta!.paths;
    seed = r.oddsMeta!.seed;
    const score = scoreCalibration(r.odds!, listedPairs(r), outcome, options.bins);
    rows.push({ lead, asOf, tradingDaysLeft: r.preview!.tradingDaysLeft, activeNames: r.oddsMeta!.activeNames, oddsSeconds: Math.round(oddsSeconds * 100) / 100, ...score });
  }
  return { cutoff: options.cutoff, paths, seed, rows };
}

/** The report as Markdown: the Brier table per lead, then the reliability table pooled over the leads. */
export function calibrationMarkdown(r: CalibrationReport): string {
  const f = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));
  const out = [
    `Calibration of the ${r.cutoff} preview odds (${r.paths} paths, seed ${r.seed}) against the full-data review`,
    '',
    '| lead (trading days) | as of | pairs | Brier odds | Brier deterministic | uncertain pairs | Brier odds (uncertain) | Brier deterministic (uncertain) | active names | odds seconds |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.rows.map((x) => `| ${x.lead} | ${x.asOf} | ${x.pairs} | ${f(x.brierOdds)} | ${f(x.brierDeterministic)} | ${x.uncertainPairs} | ${f(x.brierOddsUncertain)} | ${f(x.brierDeterministicUncertain)} | ${x.activeNames} | ${x.oddsSeconds.toFixed(2)} |`),
    '',
    'Reliability, all leads pooled (predicted probability bin: pairs, mean predicted, observed frequency)',
    '',
    '| bin | pairs | mean predicted | observed |',
    '| --- | ---: | ---: | ---: |',
  ];
  const bins = r.rows[0]?.reliability.length ?? 0;
  for (let i = 0; i < bins; i++) {
    let count = 0; let predicted = 0; let observed = 0;
    for (const row of r.rows) {
      const b = row.reliability[i]!;
      count += b.count; predicted += (b.meanPredicted ?? 0) * b.count; observed += (b.observed ?? 0) * b.count;
    }
    const b0 = r.rows[0]!.reliability[i]!;
    out.push(`| ${b0.from.toFixed(1)}-${b0.to.toFixed(1)} | ${count} | ${count === 0 ? 'n/a' : (predicted / count).toFixed(3)} | ${count === 0 ? 'n/a' : (observed / count).toFixed(3)} |`);
  }
  return `${out.join('\n')}\n`;
}
