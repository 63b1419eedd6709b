import type { DailySeries, IsoDate, StockCode } from '../../domain/types.js';
import type { PreviewParams } from '../../methodology/preview-params.js';

/** The return model of the days left: a market factor and each name's beta and own volatility. */
export interface ReturnModel {
  /** Daily volatility of the market's log return (the whole market's cap, day over day). */
  readonly marketVol: number;
  readonly beta: ReadonlyMap<StockCode, number>;
  /** Daily volatility of each name's log return net of beta x market. */
  readonly ownVol: ReadonlyMap<StockCode, number>;
  readonly days: number;
}

/**
 * Estimates the model from the window's data (the `days`, trading days up to D): the market's daily log
 * return is that of the summed cap of every name trading on both days; each of `codes` gets its beta
 * (clamped to [0, maxBeta]) and the volatility of its residual. A name with too few returns gets beta 1
 * and the median own volatility. Returns beyond maxAbsDailyReturn are left out as data errors. Pure.
 */
export function estimateReturnModel(
  series: ReadonlyMap<StockCode, DailySeries>, days: readonly IsoDate[], codes: readonly StockCode[], p: PreviewParams['odds'],
): ReturnModel {
  const slot = new Map(days.map((d, i) => [d, i]));
  const num = new Float64Array(days.length);
  const den = new Float64Array(days.length);
  for (const s of series.values()) {
    forEachReturn(s, slot, p.maxAbsDailyReturn, (t, cap, prev) => { num[t] = num[t]! + cap; den[t] = den[t]! + prev; });
  }
  const market = new Float64Array(days.length).fill(Number.NaN);
  for (let t = 0; t < days.length; t++) if (den[t]! > 0 && num[t]! > 0) market[t] = Math.log(num[t]! / den[t]!);
  const marketVol = stdev(Array.from(market).filter((x) => !Number.isNaN(x)));
  const beta = new Map<StockCode, number>();
  const ownVol = new Map<StockCode, number>();
  const pending: StockCode[] = [];
  for (const code of codes) {
    const s = series.get(code);
    const ri: number[] = [];
    const rm: number[] = [];
    if (s !== undefined) {
      forEachReturn(s, slot, p.maxAbsDailyReturn, (t, cap, prev) => {
        if (!Number.isNaN(market[t]!)) { ri.push(Math.log(cap / prev)); rm.push(market[t]!); }
      });
    }
    if (ri.length < p.minReturns) { pending.push(code); continue; }
    const b = Math.min(p.maxBeta, Math.max(0, covariance(ri, rm) / Math.max(covariance(rm, rm), 1e-12)));
    beta.set(code, b);
    ownVol.set(code, stdev(ri.map((r, k) => r - b * rm[k]!)));
  }
  const vols = [...ownVol.values()].sort((a, b) => a - b);
  const median = vols.length > 0 ? vols[vols.length >> 1]! : marketVol;
  for (const code of pending) { beta.set(code, 1); ownVol.set(code, median); }
  return { marketVol, beta, ownVol, days: days.length };
}

/** Calls `f(slot, cap, previousCap)` for each day of `s` in `slot` whose previous record is the previous slot, both trading with a cap. */
function forEachReturn(s: DailySeries, slot: ReadonlyMap<IsoDate, number>, maxAbs: number, f: (t: number, cap: number, prev: number) => void): void {
  for (let i = 1; i < s.dates.length; i++) {
    const t = slot.get(s.dates[i]!);
    if (t === undefined || t === 0 || slot.get(s.dates[i - 1]!) !== t - 1) continue;
    if (s.suspended[i] === 1 || s.suspended[i - 1] === 1) continue;
    const cap = s.marketCapHkd[i]!;
    const prev = s.marketCapHkd[i - 1]!;
    if (!(cap > 0 && prev > 0) || Math.abs(Math.log(cap / prev)) > maxAbs) continue;
    f(t, cap, prev);
  }
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length === 0 ? 0 : s / xs.length;
}

function covariance(a: readonly number[], b: readonly number[]): number {
  if (a.length < 2) return 0;
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (a.length - 1);
}

function stdev(xs: readonly number[]): number {
  return Math.sqrt(covariance(xs, xs));
}
