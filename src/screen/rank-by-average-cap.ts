import type { StockCode } from '../domain/types.js';
import type { RankedEntry } from './types.js';

interface Sized { readonly code: StockCode; readonly avgMarketCapHkd: number }

/** docs/methodology.md §6.1.1: largest average first; ties by stock code ascending. Returns a new array. */
export function rankByAverageCap<T extends Sized>(items: readonly T[]): T[] {
  return [...items].sort((a, b) =>
    b.avgMarketCapHkd - a.avgMarketCapHkd || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * docs/methodology.md §6.1.2: cumulative coverage at rank i = (sum of ranks 1..i, itself included) / (sum of all).
 * Sums are kept whole and divided once per row, so a coverage exactly on a line compares exactly.
 * `ranked` must already be in rank order (see rankByAverageCap).
 */
export function computeCoverage(ranked: readonly Sized[]): RankedEntry[] {
  let total = 0;
  for (const r of ranked) total += r.avgMarketCapHkd;
  let running = 0;
  return ranked.map((r, i) => {
    running += r.avgMarketCapHkd;
    return { code: r.code, avgMarketCapHkd: r.avgMarketCapHkd, rank: i + 1, coverage: total > 0 ? running / total : 0 };
  });
}

/** Ranks and covers in one step: a code -> entry map. */
export function rankWithCoverage(items: readonly Sized[]): Map<StockCode, RankedEntry> {
  return new Map(computeCoverage(rankByAverageCap(items)).map((e) => [e.code, e]));
}
