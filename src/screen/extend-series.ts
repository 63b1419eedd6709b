import type { DailySeries, IsoDate } from '../domain/types.js';

/** A series carried forward over the trading days still to come, and how many of them count in averages. */
export interface ExtendedSeries {
  readonly series: DailySeries;
  /** Appended days that are not suspended (0 when the name was suspended on its last day, or has no day). */
  readonly futureDays: number;
}

/**
 * The deterministic preview's assumption (docs/previews.md): every trading day after D up to C repeats the
 * name's last known day, its market cap and suspension as they stood on D, its turnover the median of its
 * last `turnoverLookbackDays` non-suspended days. A name with no day keeps its empty series.
 * Pure; the input is not changed.
 */
export function extendSeries(series: DailySeries, future: readonly IsoDate[], turnoverLookbackDays: number): ExtendedSeries {
  const n = series.dates.length;
  if (n === 0 || future.length === 0) return { series, futureDays: 0 };
  const k = future.length;
  const cap = new Float64Array(n + k);
  const turnover = new Float64Array(n + k);
  const suspended = new Uint8Array(n + k);
  cap.set(series.marketCapHkd);
  turnover.set(series.turnoverHkd);
  suspended.set(series.suspended);
  const lastCap = series.marketCapHkd[n - 1]!;
  const lastSuspended = series.suspended[n - 1]!;
  const carriedTurnover = lastSuspended === 1 ? 0 : recentMedianTurnover(series, turnoverLookbackDays);
  cap.fill(lastCap, n);
  turnover.fill(carriedTurnover, n);
  suspended.fill(lastSuspended, n);
  return {
    series: { dates: [...series.dates, ...future], marketCapHkd: cap, turnoverHkd: turnover, suspended },
    futureDays: lastSuspended === 1 ? 0 : k,
  };
}

/** The median turnover of the last `days` non-suspended days (0 when there is none). */
export function recentMedianTurnover(series: DailySeries, days: number): number {
  const values: number[] = [];
  for (let i = series.dates.length - 1; i >= 0 && values.length < days; i--) {
    if (series.suspended[i] === 0) values.push(series.turnoverHkd[i]!);
  }
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}
