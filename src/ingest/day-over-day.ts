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
  return [...byCode.values()].map((list) => {
    const more = list.length > 1 ? ` (and ${list.length - 1} more such move(s), last ${list[list.length - 1]!.from} to ${list[list.length - 1]!.to})` : '';
    return `${describeCapJump(list[0]!, maxFactor)}${more}; more than the ${maxFactor}x a real market cap moves in a day: ${CAP_JUMP_FIX}`;
  });
}

/** What to do about a jump (the review's warnings and ingest's both say it). */
export const CAP_JUMP_FIX = 'check the source (a figure in HK$ thousands, a wrong share count) and reload the day';

/** One jump in figures: `00700: market cap down 1,000x day over day, HK$3,500bn on D1 to HK$3.5bn on D2`. */
export function describeCapJump(j: CapJump, maxFactor: number): string {
  return `${j.code}: market cap ${j.toCapHkd > j.fromCapHkd ? 'up' : 'down'} ${formatFactor(j.factor, maxFactor)} day over day, `
    + `${formatMoney(j.fromCapHkd)} on ${j.from} to ${formatMoney(j.toCapHkd)} on ${j.to}`;
}

/** 1,000x for big moves; else one decimal, or as many more as it takes to show it is past the line (5.001x, not 5.0x). */
function formatFactor(f: number, maxFactor: number): string {
  if (f >= 100) return `${Math.round(f).toLocaleString('en-US')}x`;
  let digits = 1;
  while (digits < 6 && Number(f.toFixed(digits)) <= maxFactor) digits += 1;
  return `${f.toFixed(digits)}x`;
}

/** HK$ in bn (or m below HK$1bn, whole dollars below HK$1m): enough to see a unit error at a glance. */
function formatMoney(hkd: number): string {
  if (hkd >= 1e9) return `HK$${(hkd / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })}bn`;
  if (hkd >= 1e6) return `HK$${(hkd / 1e6).toLocaleString('en-US', { maximumFractionDigits: 3 })}m`;
  return `HK$${Math.round(hkd).toLocaleString('en-US')}`;
}
