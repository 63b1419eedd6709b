import { ODDS_LISTS, type ExpectedCount, type OddsDriver, type OddsList, type OddsMeta, type OddsRow } from '../../domain/preview-types.js';
import { CHANNELS, type ReviewResult } from '../../domain/types.js';
import type { PreviewParams } from '../../methodology/preview-params.js';
import type { Methodology } from '../../methodology/types.js';
import type { SecurityMetrics } from '../../rules/security-metrics.js';
import { segmentOf } from '../assign-segments.js';
import type { ReturnModel } from './estimate-model.js';
import { SeededRandom } from './random.js';
import { scenarioOf, southboundTable } from './southbound-scenarios.js';
import { splitActive, type ActiveName } from './active-names.js';

export interface OddsInput {
  /** The deterministic preview (screen --as-of): its lists are the outcome of every name no path can move. */
  readonly result: ReviewResult;
  /** Metrics at C of every screened security, the days left carried forward. */
  readonly metrics: readonly SecurityMetrics[];
  /** Per code, the days left that count in its average (0 when suspended on D). */
  readonly futureDays: ReadonlyMap<string, number>;
  readonly tradingDaysLeft: number;
  readonly model: ReturnModel;
  readonly methodology: Methodology;
  readonly paths: number;
  readonly seed: number;
  readonly params: PreviewParams['odds'];
}

export interface OddsOutput {
  readonly odds: OddsRow[];
  readonly meta: OddsMeta;
  readonly drivers: OddsDriver[];
}

/**
 * `--odds` (docs/previews.md): simulates the trading days left. Each path draws the market's daily log
 * returns; a name near a line (active-names.ts) also draws its own move, and its cap over the days left
 * averages last cap x (market level)^beta x exp(own move), the average of its own random walk taken in one
 * draw (the geometric average of k daily steps has variance (k+1)(2k+1)/6k steps). Every other name moves
 * with the market alone, so its sums are two numbers a path. Per path the active names are ranked among
 * the fixed sums, their coverage decides HSCI add / delete (their liquidity, suspension and SFC facts as the
 * preview has them), their coverage among the constituents after the review their segment, and the review's
 * Southbound rules, run once per scenario beforehand, their eligibility per channel. Pure and seeded.
 */
export function simulateOdds(input: OddsInput): OddsOutput {
  const { result, methodology: m, model, paths, params } = input;
  const k = input.tradingDaysLeft;
  const decisions = new Map(result.decisions.map((d) => [d.code, d]));
  const split = splitActive(input.metrics, decisions, input.futureDays, result, params.activeBandFraction);
  const A = split.active;
  const n = A.length;
  const sbTables = A.map((a) => southboundTable(a.metrics, a.decision, result.cutoff, result.effectiveDate, m));
  const beta = Float64Array.from(A, (a) => model.beta.get(a.code) ?? 1);
  const own = Float64Array.from(A, (a) => model.ownVol.get(a.code) ?? model.marketVol);
  const rng = new SeededRandom(input.seed);
  const stepVar = k > 0 ? ((k + 1) * (2 * k + 1)) / (6 * k) : 0;
  const hits = ODDS_LISTS.map(() => new Int32Array(n));
  const totals = ODDS_LISTS.map(() => new Float64Array(paths));
  const avg = new Float64Array(n);
  const order = new Uint32Array(n);
  const after = new Uint8Array(n);
  const sigmaM = model.marketVol;
  for (let path = 0; path < paths; path++) {
    let level = 0;
    let sumLevels = 0;
    for (let t = 0; t < k; t++) {
      level += sigmaM * rng.normal() - (sigmaM * sigmaM) / 2;
      sumLevels += Math.exp(level);
    }
    const marketMean = k > 0 ? sumLevels / k : 1;
    const shift = sumLevels - k;
    for (let i = 0; i < n; i++) {
      const a = A[i]!;
      order[i] = i;
      if (a.futureDays === 0) { avg[i] = a.avg; continue; }
      const sd = own[i]! * Math.sqrt(stepVar);
      const ownFactor = Math.exp(sd * rng.normal() - (sd * sd) / 2);
      const s = k * Math.pow(marketMean, beta[i]!) * ownFactor;
      avg[i] = a.avg + (a.lastCap * (s - a.futureDays)) / a.daysUsed;
    }
    order.sort((x, y) => avg[y]! - avg[x]! || x - y);
    const f = split.frozen;
    let activeTotal = 0;
    for (let i = 0; i < n; i++) activeTotal += avg[i]!;
    const total = f.total + f.totalSlope * shift + activeTotal;
    let running = f.above + f.aboveSlope * shift;
    let activeConstituents = 0;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      const a = A[i]!;
      running += avg[i]!;
      const coverage = running / total;
      const isIn = a.wasConstituent ? !a.forcedRemove && coverage <= m.coverage.delete : a.canAdd && coverage <= m.coverage.add;
      after[i] = isIn ? 1 : 0;
      if (isIn) activeConstituents += avg[i]!;
      if (a.wasConstituent && !isIn) { hits[1]![i]!++; totals[1]![path]!++; }
      if (!a.wasConstituent && isIn) { hits[0]![i]!++; totals[0]![path]!++; }
    }
    const cTotal = f.constituents + f.constituentsSlope * shift + activeConstituents;
    let cRunning = f.constituentsAbove + f.constituentsAboveSlope * shift;
    for (let j = 0; j < n; j++) {
      const i = order[j]!;
      const a = A[i]!;
      let scenario = 0;
      if (after[i] === 1) {
        cRunning += avg[i]!;
        scenario = scenarioOf(true, segmentOf(cRunning / cTotal, m), a.sbAvg * (avg[i]! / a.avg), m);
      }
      const table = sbTables[i]!;
      for (let c = 0; c < CHANNELS.length; c++) {
        const ch = CHANNELS[c]!;
        const eligible = table[ch][scenario] === 1;
        const before = a.decision.southbound[ch].before;
        if (eligible && !before) { hits[2 + c]![i]!++; totals[2 + c]![path]!++; }
        if (!eligible && before) { hits[4 + c]![i]!++; totals[4 + c]![path]!++; }
      }
    }
  }
  const odds: OddsRow[] = [];
  for (const row of split.fixedRows) odds.push(row);
  ODDS_LISTS.forEach((list, li) => {
    for (let i = 0; i < n; i++) {
      const probability = hits[li]![i]! / paths;
      if (probability > params.reportAbove) odds.push({ code: A[i]!.code, list, probability: Math.round(probability * 10000) / 10000 });
    }
  });
  odds.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : ODDS_LISTS.indexOf(a.list) - ODDS_LISTS.indexOf(b.list)));
  const expectedCounts = ODDS_LISTS.map((list, li) => expectedCount(list, totals[li]!, split.fixedCounts[list], params.rangeQuantiles));
  const meta: OddsMeta = {
    paths, seed: input.seed, tradingDaysLeft: k, marketDailyVol: round(sigmaM, 6), activeNames: n, rangeQuantiles: params.rangeQuantiles, expectedCounts,
    model: `one market factor (daily vol ${(sigmaM * 100).toFixed(2)}%, from ${model.days} trading days up to the as-of date) plus each name's beta and own volatility `
      + `from the same days; ${n} names within ${Math.round(params.activeBandFraction * 100)}% of a line's HK$ average get a path of their own, the rest move with the market; `
      + 'liquidity, suspension, WVR and A+H facts as the deterministic preview has them',
  };
  return { odds, meta, drivers: A.map((a, i) => driverOf(a, beta[i]!, own[i]!, sigmaM, stepVar)) };
}

function expectedCount(list: OddsList, perPath: Float64Array, fixed: number, [lo, hi]: readonly [number, number]): ExpectedCount {
  const sorted = Float64Array.from(perPath).sort();
  let sum = 0;
  for (const x of sorted) sum += x;
  const q = (p: number) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
  return { list, expected: round(fixed + (sorted.length === 0 ? 0 : sum / sorted.length), 2), low: fixed + q(lo), high: fixed + q(hi) };
}

/** What moves a name against its line: its own price, or the market through a beta away from the others'. */
function driverOf(a: ActiveName, beta: number, own: number, marketVol: number, stepVar: number): OddsDriver {
  const ownPart = own * Math.sqrt(stepVar);
  const marketPart = Math.abs(beta - 1) * marketVol * Math.sqrt(stepVar);
  const driver = a.futureDays === 0
    ? 'none: suspended, its average cannot move; only the others moving shifts it against the line'
    : ownPart >= marketPart
      ? `its own price (own daily volatility ${(own * 100).toFixed(2)}%, ${(ownPart * 100).toFixed(1)}% over the days left)`
      : `the market (beta ${beta.toFixed(2)} against the others' 1, market daily volatility ${(marketVol * 100).toFixed(2)}%)`;
  return { code: a.code, ownDailyVol: round(own, 6), beta: round(beta, 4), driver };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

