import type { IsoDate, StockCode } from '../domain/types.js';

/** One implausible move: the market cap on `to` is `factor` times (or 1/`factor` of) the one on `from`. */
export interface CapJump {
  readonly code: StockCode;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly fromCapHkd: number;
  readonly toCapHkd: number;
  /** max/min of the two caps: always >= 1. */
  readonly factor: number;
}

/** One security's records in date order, as columns (a DailySeries fits). */
export interface CapColumns {
  readonly dates: readonly IsoDate[];
  readonly marketCapHkd: ArrayLike<number>;
  readonly suspended: ArrayLike<number>;
}

/**
 * Plausibility (issue 16): every move of a security's market cap by more than `maxFactor` (up or
 * down) from one non-suspended record to the next non-suspended one, with dates inside [from, to]
 * for the later day. A figure in HK$ thousands shows as a ~1,000x drop and the jump back; a bad
 * share count as a 10,000x jump. Suspended days are skipped (their cap may be stale); zero caps too
 * (no shares known: not a move). Pure.
 */
export function findCapJumps(code: StockCode, s: CapColumns, maxFactor: number, from: IsoDate = '', to: IsoDate = '9999-12-31'): CapJump[] {
  const jumps: CapJump[] = [];
  let prev = -1;
  for (let i = 0; i < s.dates.length; i += 1) {
    const cap = s.marketCapHkd[i]!;
    if (s.suspended[i] === 1 || cap <= 0) continue;
    if (prev >= 0) {
      const before = s.marketCapHkd[prev]!;
      const factor = cap > before ? cap / before : before / cap;
      const date = s.dates[i]!;
      if (factor > maxFactor && date >= from && date <= to) {
        jumps.push({ code, from: s.dates[prev]!, to: date, fromCapHkd: before, toCapHkd: cap, factor });
      }
    }
    prev = i;
  }
  return jumps;
}

/** One sentence per security: its first jump in figures, and how many more. */
export function describeCapJumps(jumps: readonly CapJump[], maxFactor: number): string[] {
  const byCode = new Map<StockCode, CapJump[]>();
  for (const j of jumps) byCode.set(j.code, [...(byCode.get(j.code) ?? []), j]);
  return [...byCode.entries()].map(([code, list]) => {
    const j = list[0]!;
    const more = list.length > 1 ? ` (and ${list.length - 1} more such move(s), last ${list[list.length - 1]!.from} to ${list[list.length - 1]!.to})` : '';
    return `${code}: market cap ${j.toCapHkd > j.fromCapHkd ? 'up' : 'down'} ${formatFactor(j.factor)} day over day, ${formatMoney(j.fromCapHkd)} on ${j.from} to ${formatMoney(j.toCapHkd)} on ${j.to}${more}; `
      + `more than the ${maxFactor}x a real market cap moves in a day: check the source (a figure in HK$ thousands, a wrong share count) and reload the day`;
  });
}

function formatFactor(f: number): string {
  return f >= 100 ? `${Math.round(f).toLocaleString('en-US')}x` : `${f.toFixed(1)}x`;
}

/** HK$ in bn (or m below HK$1bn): enough to see a unit error at a glance. */
function formatMoney(hkd: number): string {
  return hkd >= 1e9 ? `HK$${(hkd / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })}bn` : `HK$${(hkd / 1e6).toLocaleString('en-US', { maximumFractionDigits: 3 })}m`;
}
