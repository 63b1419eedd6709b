import type { IsoDate, StockCode } from '../../src/domain/types.js';
import { CodePool } from './code-pool.js';
import { computeCutoffMetrics, makeCutoffWindow, type CutoffMetrics } from './cutoff-metrics.js';
import { buildPopulation } from './population.js';
import { Prng } from './prng.js';
import { runSimpleReview, type SimpleLists } from './simple-review.js';
import { simulateSeries } from './simulate.js';
import { buildSpecials } from './specials.js';
import { SAMPLE_CUTOFF, SAMPLE_FIRST_DAY, SAMPLE_PRIOR_REVIEWS, SAMPLE_SEED, type SampleSink, type SampleSpec } from './types.js';

export interface GenerateOptions {
  /** The trading days of the seeded calendar (any span; the sample keeps 2024-07-01..2026-06-30). */
  tradingDays: readonly IsoDate[];
  seed?: number;
  /** 1 = the full market (~2,700 names); smaller for quick tests. The special cases are always there. */
  scale?: number;
}

export interface SampleMarketSummary {
  securities: number;
  dailyRows: number;
  changes: number;
  specs: SampleSpec[];
  /** The simplified-review metrics per cut-off (the two prior reviews and the sample's cut-off). */
  metrics: Map<IsoDate, Map<StockCode, CutoffMetrics>>;
  /** The lists shipped, by effective date. */
  lists: Map<IsoDate, SimpleLists>;
}

/**
 * Generates the deterministic synthetic sample market into `sink`: the same seed and scale give the
 * same calls in the same order, byte for byte. Streams: each security's series lives only while it is
 * written, so memory stays at a few arrays of ~500 days whatever the size.
 */
export function generateSampleMarket(sink: SampleSink, options: GenerateOptions): SampleMarketSummary {
  const seed = options.seed ?? SAMPLE_SEED;
  const days = options.tradingDays.filter((d) => d >= SAMPLE_FIRST_DAY && d <= SAMPLE_CUTOFF);
  const special = buildSpecials();
  const pool = new CodePool(Prng.derive(seed, 'codes'), special.specs.map((s) => s.code));
  const specs = [...buildPopulation(Prng.derive(seed, 'population'), pool, days, options.scale ?? 1), ...special.specs]
    .sort((a, b) => (a.code < b.code ? -1 : 1));
  const cutoffs = [...SAMPLE_PRIOR_REVIEWS.map((r) => r.cutoff), SAMPLE_CUTOFF];
  const metrics = new Map(cutoffs.map((c) => [c, new Map<StockCode, CutoffMetrics>()]));
  const windows = cutoffs.map((c) => makeCutoffWindow(days, c));
  let dailyRows = 0;
  for (const spec of specs) {
    const series = simulateSeries(spec, days, Prng.derive(seed, `series:${spec.code}`));
    sink.security(spec, series.sharesIssued);
    for (let i = 0; i < days.length; i++) {
      if (!series.present[i]) continue;
      sink.daily(spec.code, days[i]!, series.marketCapHkd[i]!, series.turnoverHkd[i]!, series.suspended[i] as 0 | 1, series.close[i]!, series.volume[i]!);
      dailyRows++;
    }
    for (const w of windows) metrics.get(w.cutoff)!.set(spec.code, computeCutoffMetrics(spec, series, w));
  }
  for (const change of special.changes) sink.change(change);
  const lists = new Map<IsoDate, SimpleLists>();
  let previous: SimpleLists | null = null;
  const names = new Map(specs.map((s) => [s.code, s.name]));
  for (const { cutoff, effective } of SAMPLE_PRIOR_REVIEWS) {
    const current = runSimpleReview(specs, metrics.get(cutoff)!, cutoff, effective, previous);
    for (const code of [...current.hsci.keys()].sort()) sink.hsciMember(effective, code, current.hsci.get(code)!);
    for (const code of [...current.sh].sort()) sink.southboundMember(effective, 'SH', code, names.get(code)!);
    for (const code of [...current.sz].sort()) sink.southboundMember(effective, 'SZ', code, names.get(code)!);
    lists.set(effective, current);
    previous = current;
  }
  return { securities: specs.length, dailyRows, changes: special.changes.length, specs, metrics, lists };
}
