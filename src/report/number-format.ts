/** Small number formatters shared by the review formats. Pure. */

const BN = 1e9;

/** HK$ to billions with two decimals: 4_123_000_000 -> "4.12". Empty for null. */
export function formatBn(hkd: number | null | undefined): string {
  if (hkd === null || hkd === undefined) return '';
  return (hkd / BN).toFixed(2);
}

/** A fraction as a percentage with two decimals: 0.94213 -> "94.21%". Empty for null. */
export function formatPct(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '';
  return `${(fraction * 100).toFixed(2)}%`;
}

/**
 * A value measured against a line, in the line's unit: coverage lines are fractions (at most 1),
 * money lines are HK$. Returns e.g. "94.21%" or "HK$4.12bn".
 */
export function formatLineValue(value: number, threshold: number): string {
  return isCoverageLine(threshold) ? formatPct(value) : `HK$${formatBn(value)}bn`;
}

/** Signed distance of a value past its line: "+0.21 pts" for coverage, "-0.38bn" for money. */
export function formatDistance(value: number, threshold: number): string {
  const d = value - threshold;
  const sign = d >= 0 ? '+' : '-';
  if (isCoverageLine(threshold)) return `${sign}${Math.abs(d * 100).toFixed(2)} pts`;
  return `${sign}HK$${Math.abs(d / BN).toFixed(2)}bn`;
}

/** Coverage lines are fractions; every money line is far above 1. */
export function isCoverageLine(threshold: number): boolean {
  return Math.abs(threshold) <= 1;
}
