/** A figure measured several times: the median is the headline, min and max show the spread. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** Summarises repeated measurements (median of an even count = mean of the two middle values). */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new RangeError('summarise needs at least one measurement');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >>> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Scales every figure of a summary (e.g. ms -> rows/s is not linear, so use `invertSummary`). */
export function scaleSummary(s: Summary, factor: number): Summary {
  return { median: s.median * factor, min: s.min * factor, max: s.max * factor, runs: s.runs };
}

/** Turns a duration summary (ms) into a rate summary (units per second); min and max swap. */
export function toRateSummary(durationMs: Summary, units: number): Summary {
  const rate = (ms: number) => (units * 1000) / ms;
  return { median: rate(durationMs.median), min: rate(durationMs.max), max: rate(durationMs.min), runs: durationMs.runs };
}
