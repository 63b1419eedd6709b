import type { IsoDate } from '../../src/domain/types.js';
import { makeSpec } from './base-spec.js';
import type { CodePool } from './code-pool.js';
import { makeCompanyName, makeFundName } from './names.js';
import { inverseNormal, type Prng } from './prng.js';
import type { SampleSpec } from './types.js';

/** Shape of the ordinary Main Board population: log-normal caps (median, log sd) placed on quantiles. */
export const MAIN_SHAPE = { count: 2180, medianHkd: 0.4e9, logSd: 2.6 };
const GEM_COUNT = 300;
const ETF_COUNT = 140;
const REIT_LEVELS = [110e9, 26e9, 17e9, 9e9, 6e9, 4.2e9, 3e9, 2e9, 1.4e9, 0.9e9];
const RMB_COUNTERS = 20;

function isoOf(rng: Prng, from: string, to: string): IsoDate {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(rng.next() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

/** Velocity (median daily turnover / free-float cap) by size: big names trade, the tail is often illiquid. */
function drawVelocity(rng: Prng, levelHkd: number): number {
  if (levelHkd >= 5e9) return 0.003 * Math.exp(0.6 * rng.normal());
  if (levelHkd >= 0.5e9) return 0.0015 * Math.exp(0.8 * rng.normal());
  return 0.0008 * Math.exp(1.0 * rng.normal());
}

/** An ordinary name with the common random features (listing date, suspensions, gaps, free float). */
function drawOrdinary(rng: Prng, pool: CodePool, days: readonly IsoDate[], levelHkd: number, kind: 'main' | 'gem'): SampleSpec {
  const velocityMedian = drawVelocity(rng, levelHkd);
  const roll = rng.next();
  let listingDate = isoOf(rng, '1993-01-04', '2024-06-28');
  let delistingDate: IsoDate | null = null;
  if (roll < 0.06) listingDate = rng.pick(days.slice(1, -2));
  else if (roll < 0.075) delistingDate = rng.pick(days.slice(20));
  const spec = makeSpec({
    code: pool.take(kind), name: makeCompanyName(rng), levelHkd, board: kind === 'gem' ? 'GEM' : 'MAIN',
    listingDate, delistingDate,
    freeFloat: rng.chance(0.08) ? null : Math.round(rng.uniform(0.25, 0.95) * 100) / 100,
    volDaily: 0.012 + 0.02 * rng.next(), trendPerYear: 0.22 * rng.normal(),
    velocityMedian, velocityMonthSpread: 0.35, velocityDaySpread: 0.7,
    zeroTradeChance: velocityMedian < 0.0003 ? 0.3 : 0,
  });
  if (rng.chance(0.03)) {
    const i = rng.int(0, days.length - 20);
    spec.suspensions.push([days[i]!, days[i + rng.int(0, 14)]!]);
  }
  if (rng.chance(0.005)) {
    const i = rng.int(0, days.length - 5);
    spec.gaps.push([days[i]!, days[i + rng.int(0, 2)]!]);
  }
  return spec;
}

/** The ordinary population at `scale` (1 = about 2,650 names): Main Board, GEM, ETFs, REITs, a stapled name, RMB counters. */
export function buildPopulation(rng: Prng, pool: CodePool, days: readonly IsoDate[], scale: number): SampleSpec[] {
  const specs: SampleSpec[] = [];
  const mainCount = Math.max(50, Math.round(MAIN_SHAPE.count * scale));
  for (let i = 0; i < mainCount; i++) {
    const z = inverseNormal(1 - (i + 0.5) / mainCount);
    const level = MAIN_SHAPE.medianHkd * Math.exp(MAIN_SHAPE.logSd * z + 0.1 * rng.normal());
    const spec = drawOrdinary(rng, pool, days, Math.max(20e6, level), 'main');
    // A+H companies sit mostly among the larger names; their A shares trade in Shanghai or Shenzhen.
    if (spec.delistingDate === null && spec.listingDate < '2024-01-01' && rng.chance(i < 600 * scale ? 0.08 : 0.01)) {
      const sse = rng.chance(0.65);
      Object.assign(spec, {
        aShareExchange: sse ? 'SSE' : 'SZSE', aShareCode: sse ? `60${rng.int(1000, 3999)}` : `00${rng.int(1000, 2999)}`,
        aShareListingDate: isoOf(rng, '2000-01-04', '2020-12-31'), freeFloat: Math.round(rng.uniform(0.15, 0.45) * 100) / 100,
      });
    }
    specs.push(spec);
  }
  for (let i = 0; i < Math.round(GEM_COUNT * scale); i++) {
    specs.push(drawOrdinary(rng, pool, days, 0.12e9 * Math.exp(1.0 * rng.normal()), 'gem'));
  }
  for (let i = 0; i < Math.max(3, Math.round(ETF_COUNT * scale)); i++) {
    specs.push(makeSpec({
      code: pool.take('etf'), name: makeFundName(rng, 'ETF'), type: 'ETF', freeFloat: null,
      levelHkd: Math.min(400e9, 0.5e9 * Math.exp(1.8 * rng.normal())), listingDate: isoOf(rng, '1999-11-12', '2023-12-29'),
      velocityMedian: 0.003 * Math.exp(0.8 * rng.normal()), volDaily: 0.01,
    }));
  }
  for (const levelHkd of REIT_LEVELS) {
    specs.push(makeSpec({ code: pool.take('main'), name: makeFundName(rng, 'REIT'), type: 'REIT', levelHkd, freeFloat: 0.9, velocityMedian: 0.0012, volDaily: 0.01 }));
  }
  specs.push(makeSpec({ code: pool.take('main'), name: 'SYN Harbour Telecom Trust (stapled)', type: 'STAPLED', levelHkd: 62e9, velocityMedian: 0.0015, tags: ['stapled'] }));
  // RMB counters of the largest HKD names: same company, quoted in CNY, thinly traded; never ranked (§2.3).
  const largest = specs.filter((s) => s.board === 'MAIN' && s.type === 'EQUITY' && s.delistingDate === null && s.listingDate < '2024-01-01')
    .sort((a, b) => b.levelHkd - a.levelHkd).slice(0, Math.max(2, Math.round(RMB_COUNTERS * scale)));
  for (const hkd of largest) {
    specs.push(makeSpec({
      code: pool.claim(`8${hkd.code.slice(1)}`), name: `${hkd.name} -R`, currency: 'CNY', levelHkd: hkd.levelHkd,
      listingDate: '2023-06-19', freeFloat: hkd.freeFloat, velocityMedian: 0.00005, zeroTradeChance: 0.4, tags: ['rmb-counter'],
    }));
  }
  return specs;
}
