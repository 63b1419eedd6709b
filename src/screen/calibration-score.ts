import type { OddsRow } from '../domain/preview-types.js';
import { CHANNELS, type ReviewResult } from '../domain/types.js';

/** One reliability bin: the pairs whose predicted probability fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number | null;
  observed: number | null;
}

export interface CalibrationScore {
  /** Pairs (security, list) scored: every one that the preview, the odds or the outcome names. */
  pairs: number;
  brierOdds: number;
  brierDeterministic: number;
  /** The pairs the odds call uncertain (0 < p < 1): where the two previews differ. */
  uncertainPairs: number;
  brierOddsUncertain: number | null;
  brierDeterministicUncertain: number | null;
  reliability: ReliabilityBin[];
}

/** The (code, list) pairs a result puts on its lists, as `code list` keys. */
export function listedPairs(r: ReviewResult): Set<string> {
  const out = new Set<string>();
  for (const x of r.hsci.add) out.add(`${x.code} hsci_add`);
  for (const x of r.hsci.remove) out.add(`${x.code} hsci_remove`);
  for (const ch of CHANNELS) {
    for (const x of r.southbound[ch].add) out.add(`${x.code} sb_add_${ch}`);
    for (const x of r.southbound[ch].remove) out.add(`${x.code} sb_remove_${ch}`);
  }
  return out;
}

/**
 * Scores a preview's odds and its deterministic lists against the outcome of the full data (Brier score,
 * mean of (p - y)^2 over the pairs named by any of the three), with a reliability table of `bins` equal bins.
 */
export function scoreCalibration(odds: readonly OddsRow[], deterministic: ReadonlySet<string>, outcome: ReadonlySet<string>, bins: number): CalibrationScore {
  const p = new Map(odds.map((o) => [`${o.code} ${o.list}`, o.probability]));
  const keys = new Set([...p.keys(), ...deterministic, ...outcome]);
  let bo = 0; let bd = 0; let n = 0; let bou = 0; let bdu = 0; let nu = 0;
  const sums = Array.from({ length: bins }, () => ({ count: 0, predicted: 0, hits: 0 }));
  for (const key of keys) {
    const y = outcome.has(key) ? 1 : 0;
    const po = p.get(key) ?? 0;
    const pd = deterministic.has(key) ? 1 : 0;
    bo += (po - y) ** 2; bd += (pd - y) ** 2; n++;
    if (po > 0 && po < 1) { bou += (po - y) ** 2; bdu += (pd - y) ** 2; nu++; }
    const b = sums[Math.min(bins - 1, Math.floor(po * bins))]!;
    b.count++; b.predicted += po; b.hits += y;
  }
  return {
    pairs: n, brierOdds: n === 0 ? 0 : bo / n, brierDeterministic: n === 0 ? 0 : bd / n,
    uncertainPairs: nu, brierOddsUncertain: nu === 0 ? null : bou / nu, brierDeterministicUncertain: nu === 0 ? null : bdu / nu,
    reliability: sums.map((s, i) => ({
      from: i / bins, to: (i + 1) / bins, count: s.count,
      meanPredicted: s.count === 0 ? null : s.predicted / s.count, observed: s.count === 0 ? null : s.hits / s.count,
    })),
  };
}

