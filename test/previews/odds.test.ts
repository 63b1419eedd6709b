import { describe, expect, it } from 'vitest';
import { PREVIEW_PARAMS } from '../../src/methodology/preview-params.js';
import { estimateReturnModel } from '../../src/screen/odds/estimate-model.js';
import { SeededRandom } from '../../src/screen/odds/random.js';
import { simulateOdds, type OddsInput } from '../../src/screen/odds/simulate-odds.js';
import { screenReview } from '../../src/screen/screen-review.js';
import type { SecurityMetrics } from '../../src/rules/security-metrics.js';
import { BN, buildInput, buildMetrics } from '../screen/build-metrics.js';

/**
 * Twenty 10bn constituents, X (00100) a 5bn constituent sitting exactly on the Southbound HK$5bn line (the
 * last constituent: SmallCap), ten 1bn non-constituents behind it, and Y (00200) a 30bn non-constituent far
 * inside the add line.
 */
function market(): { metrics: SecurityMetrics[]; input: Omit<OddsInput, 'paths' | 'seed' | 'model'> } {
  const big = Array.from({ length: 20 }, (_, i) => buildMetrics({ code: String(1000 + i), avg: 10 * BN }));
  const x = buildMetrics({ code: '00100', avg: 5 * BN });
  const tail = Array.from({ length: 10 }, (_, i) => buildMetrics({ code: String(5000 + i), avg: 1 * BN }));
  const y = buildMetrics({ code: '00200', avg: 30 * BN });
  const metrics = [...big, x, ...tail, y];
  const hsci = Object.fromEntries([...big.map((b) => [b.code, 'MID'] as const), ['00100', 'SMALL'] as const]);
  const input = buildInput(metrics, { hsci });
  const result = screenReview(input);
  const futureDays = new Map(metrics.map((m) => [m.code, 20]));
  return { metrics, input: { result, metrics, futureDays, tradingDaysLeft: 20, methodology: input.methodology, params: PREVIEW_PARAMS.odds } };
}

const model = (ownX: number) => ({
  marketVol: 0.01, days: 250,
  beta: new Map([['00100', 0]]),
  ownVol: new Map([['00100', ownX]]),
});

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 through erf), ample for a 3-standard-error check. */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('simulateOdds', () => {
  it('a name exactly on its line with symmetric noise gets about even odds, converging on the exact figure', () => {
    const { input } = market();
    expect(input.result.southbound.SH.add.map((r) => r.code)).toContain('00100'); // the preview: on the line counts as in
    const paths = 20000;
    const out = simulateOdds({ ...input, model: model(0.02), paths, seed: 7 });
    const p = out.odds.find((o) => o.code === '00100' && o.list === 'sb_add_SH')!.probability;
    // Its remaining days' average moves by exp(sd Z - sd^2/2), sd = own vol x sqrt((k+1)(2k+1)/6k): in iff Z >= sd / 2.
    const sd = 0.02 * Math.sqrt((21 * 41) / (6 * 20));
    const exact = phi(-sd / 2);
    expect(Math.abs(p - exact)).toBeLessThan(3 * Math.sqrt((exact * (1 - exact)) / paths));
    expect(Math.abs(p - 0.5)).toBeLessThan(0.03);
  });

  it('a name far inside its line gets ~1, a name far from any line no row, and the counts come with a range', () => {
    const { input } = market();
    const out = simulateOdds({ ...input, model: model(0.02), paths: 2000, seed: 1 });
    expect(out.odds.find((o) => o.code === '00200' && o.list === 'hsci_add')!.probability).toBe(1);
    expect(out.odds.some((o) => o.code === '01000' && o.list === 'hsci_remove')).toBe(false);
    expect(out.odds.every((o) => o.probability > PREVIEW_PARAMS.odds.reportAbove && o.probability <= 1)).toBe(true);
    const add = out.meta.expectedCounts.find((c) => c.list === 'hsci_add')!;
    expect(add).toMatchObject({ expected: 1, low: 1, high: 1 });
    const sb = out.meta.expectedCounts.find((c) => c.list === 'sb_add_SH')!;
    expect(sb.low).toBeLessThan(sb.high); // about even: some paths add it, some do not
    expect(sb.expected).toBeGreaterThan(sb.low);
    expect(sb.expected).toBeLessThan(sb.high);
    expect(out.drivers.find((d) => d.code === '00100')!.driver).toContain('its own price');
  });

  it('no own noise and a beta of 0: a name on the line stays exactly where the preview puts it', () => {
    const { input } = market();
    const out = simulateOdds({ ...input, model: model(0), paths: 500, seed: 3 });
    expect(out.odds.find((o) => o.code === '00100' && o.list === 'sb_add_SH')!.probability).toBe(1);
  });

  it('is reproducible by seed and moves with it', () => {
    const { input } = market();
    const a = simulateOdds({ ...input, model: model(0.02), paths: 1000, seed: 11 });
    const b = simulateOdds({ ...input, model: model(0.02), paths: 1000, seed: 11 });
    const c = simulateOdds({ ...input, model: model(0.02), paths: 1000, seed: 12 });
    expect(b.odds).toEqual(a.odds);
    expect(c.odds).not.toEqual(a.odds);
  });
});

describe('estimateReturnModel', () => {
  it('recovers the market volatility, a beta and an own volatility from simulated returns', () => {
    const rng = new SeededRandom(5);
    const days = Array.from({ length: 400 }, (_, i) => `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`);
    const market = days.map(() => 0.01 * rng.normal());
    const series = new Map<string, { dates: string[]; marketCapHkd: Float64Array; turnoverHkd: Float64Array; suspended: Uint8Array }>();
    for (let n = 0; n < 30; n++) {
      const beta = n === 0 ? 1.5 : 1;
      let level = 10;
      const caps = Float64Array.from(market, (mr) => (level *= Math.exp(beta * mr + 0.02 * rng.normal())));
      series.set(String(n).padStart(5, '0'), { dates: days, marketCapHkd: caps, turnoverHkd: new Float64Array(400), suspended: new Uint8Array(400) });
    }
    const est = estimateReturnModel(series, days, ['00000', '00001'], PREVIEW_PARAMS.odds);
    expect(est.marketVol).toBeGreaterThan(0.009);
    expect(est.marketVol).toBeLessThan(0.0115);
    expect(est.beta.get('00000')!).toBeGreaterThan(1.3);
    expect(est.beta.get('00000')!).toBeLessThan(1.7);
    expect(est.ownVol.get('00001')!).toBeGreaterThan(0.017);
    expect(est.ownVol.get('00001')!).toBeLessThan(0.023);
  });
});
