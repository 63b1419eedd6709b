/**
 * The HK$ equivalents of the coverage lines (docs/methodology.md §6.1): the average market cap a name would need
 * to sit exactly on a line, read off the cumulative coverage curve. Pure.
 */

/**
 * The average cap where the cumulative coverage of `capsDescending` (largest first) crosses `line`:
 * linearly interpolated between the last name at or inside the line and the first name past it, so a
 * name with more than the result sits inside the line and one with less sits past it. Null for an
 * empty ranking; the largest cap when even the first name is past the line; the smallest when the
 * whole ranking is inside it.
 */
export function capAtCoverage(capsDescending: ArrayLike<number>, line: number): number | null {
  const n = capsDescending.length;
  if (n === 0) return null;
  let total = 0;
  for (let i = 0; i < n; i++) total += capsDescending[i]!;
  if (total <= 0) return null;
  let running = 0;
  let prevCap = capsDescending[0]!;
  let prevCoverage = 0;
  for (let i = 0; i < n; i++) {
    const cap = capsDescending[i]!;
    running += cap;
    const coverage = running / total;
    if (coverage > line) {
      if (i === 0) return cap;
      const t = (line - prevCoverage) / (coverage - prevCoverage);
      return prevCap + (cap - prevCap) * t;
    }
    prevCap = cap;
    prevCoverage = coverage;
  }
  return capsDescending[n - 1]!;
}

/** Caps sorted largest first, as a typed array (a copy). */
export function sortDescending(caps: readonly number[]): Float64Array {
  const out = Float64Array.from(caps);
  out.sort();
  out.reverse();
  return out;
}
