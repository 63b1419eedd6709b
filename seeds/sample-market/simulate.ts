import type { IsoDate } from '../../src/domain/types.js';
import { Prng } from './prng.js';
import type { SampleSpec } from './types.js';

/**
 * One security's simulated series over the sample's trading days (index i describes days[i]).
 * `present` is 0 where there is no record: before listing, from delisting on, and in data gaps.
 */
export interface SampleSeries {
  readonly days: readonly IsoDate[];
  readonly present: Uint8Array;
  readonly suspended: Uint8Array;
  readonly marketCapHkd: Float64Array;
  readonly turnoverHkd: Float64Array;
  readonly close: Float64Array;
  readonly volume: Float64Array;
  readonly sharesIssued: number;
}

/** Mean reversion of the cap around its trend line, per day: a half-life of about a month. */
const REVERSION = 0.97;
const TRADING_DAYS_PER_YEAR = 247;

function inRanges(d: IsoDate, ranges: ReadonlyArray<[IsoDate, IsoDate]>): boolean {
  for (const [a, b] of ranges) if (d >= a && d <= b) return true;
  return false;
}

/**
 * Simulates the daily market cap as a mean-reverting walk around a drifting centre (`levelHkd` at the
 * middle of the listed span), prices and caps consistent through whole shares, and turnover from a
 * month-level and day-level velocity draw. Suspended days carry the last cap and close with no trade.
 */
export function simulateSeries(spec: SampleSpec, days: readonly IsoDate[], rng: Prng): SampleSeries {
  const n = days.length;
  const present = new Uint8Array(n);
  const suspended = new Uint8Array(n);
  const marketCapHkd = new Float64Array(n);
  const turnoverHkd = new Float64Array(n);
  const close = new Float64Array(n);
  const volume = new Float64Array(n);
  const price0 = Math.max(0.2, Math.exp(Math.log(4) + 1.1 * rng.normal()));
  const sharesIssued = Math.max(1_000_000, Math.round(spec.levelHkd / price0));
  let first = -1;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const d = days[i]!;
    if (d < spec.listingDate || (spec.delistingDate !== null && d >= spec.delistingDate)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return { days, present, suspended, marketCapHkd, turnoverHkd, close, volume, sharesIssued };
  const middle = (first + last) / 2;
  const freeFloat = spec.freeFloat ?? 1;
  const stationarySd = spec.volDaily / Math.sqrt(1 - REVERSION * REVERSION);
  let x = stationarySd * rng.normal();
  let month = '';
  let monthFactor = 1;
  let lastClose = 0;
  let lastCap = 0;
  for (let i = first; i <= last; i++) {
    const d = days[i]!;
    x = REVERSION * x + spec.volDaily * rng.normal();
    const dayMonth = d.slice(0, 7);
    if (dayMonth !== month) {
      month = dayMonth;
      monthFactor = Math.exp(spec.velocityMonthSpread * rng.normal());
    }
    const dayNoise = rng.normal();
    const tradeless = rng.chance(spec.zeroTradeChance);
    if (inRanges(d, spec.gaps)) continue;
    present[i] = 1;
    if (inRanges(d, spec.suspensions) && lastClose > 0) {
      suspended[i] = 1;
      marketCapHkd[i] = lastCap;
      close[i] = lastClose;
      continue;
    }
    if (inRanges(d, spec.suspensions)) suspended[i] = 1; // suspended from its first day: a price is still quoted
    const centre = Math.log(spec.levelHkd) + spec.trendPerYear * ((i - middle) / TRADING_DAYS_PER_YEAR);
    const price = Math.max(0.001, Math.round((Math.exp(centre + x) / sharesIssued) * 1000) / 1000);
    const cap = Math.round(price * sharesIssued);
    let velocity = spec.velocityMedian * monthFactor * Math.exp(spec.velocityDaySpread * dayNoise);
    if (spec.velocityChangeDate !== undefined && d >= spec.velocityChangeDate) velocity *= spec.velocityLaterFactor ?? 1;
    const turnover = suspended[i] || tradeless ? 0 : Math.round(cap * freeFloat * velocity);
    marketCapHkd[i] = cap;
    close[i] = price;
    turnoverHkd[i] = turnover;
    volume[i] = Math.round(turnover / price);
    lastCap = cap;
    lastClose = price;
  }
  return { days, present, suspended, marketCapHkd, turnoverHkd, close, volume, sharesIssued };
}
