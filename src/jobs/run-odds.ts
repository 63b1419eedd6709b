import { UsageError } from '../domain/errors.js';
import { PREVIEW_PARAMS, type PreviewParams } from '../methodology/preview-params.js';
import { estimateReturnModel } from '../screen/odds/estimate-model.js';
import { simulateOdds } from '../screen/odds/simulate-odds.js';
import type { ComputedPreview } from './run-preview.js';

export interface OddsOptions {
  readonly paths?: number;
  readonly seed?: number;
  readonly params?: PreviewParams;
}

/**
 * `screen --as-of D --odds`: estimates the return model from the preview's own window (the trading days up
 * to D) and simulates the days left (screen/odds/). Writes `odds`, `oddsMeta` and `oddsDrivers` into the
 * preview's result and returns it. Semi-annual reviews only: a quarterly review adds IPOs by another rule.
 */
export function addOdds(preview: ComputedPreview, options: OddsOptions = {}): ComputedPreview {
  const params = options.params ?? PREVIEW_PARAMS;
  const paths = options.paths ?? params.odds.paths;
  const seed = options.seed ?? params.odds.seed;
  if (!Number.isInteger(paths) || paths < 1) throw new UsageError(`--paths must be a whole number of at least 1, not ${paths}.`);
  if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number of at least 0, not ${seed}.`);
  const { result, plan, snapshot } = preview;
  if (result.kind !== 'semi-annual') throw new UsageError(`--odds covers semi-annual reviews; ${result.cutoff} is a ${result.kind} cut-off.`);
  const asOf = result.preview!.asOf;
  const upToD = plan.calendar.between('0000-01-01', asOf);
  const days = upToD.slice(Math.max(0, upToD.length - params.odds.lookbackDays - 1));
  const model = estimateReturnModel(snapshot.series, days, preview.metrics.map((x) => x.code), params.odds);
  const futureDays = new Map([...preview.facts].map(([code, f]) => [code, f.futureDays]));
  const out = simulateOdds({
    result, metrics: preview.metrics, futureDays, tradingDaysLeft: preview.future.length, model, methodology: plan.methodology, paths, seed, params: params.odds,
  });
  result.odds = out.odds;
  result.oddsMeta = out.meta;
  result.oddsDrivers = out.drivers;
  return preview;
}
