import type { IsoDate, RuleOutcome } from '../domain/types.js';
import { formatHkd } from './format-figures.js';
import type { SeriesScan } from './scan-series.js';

export type AveragingMethod = 'daily' | 'month-end';

/**
 * docs/methodology.md §3: the average market cap over the window of the scan (listing cut and restart applied).
 * Daily: sum of the caps of the non-suspended trading days / their number (one division).
 * Month-end: the mean, over the calendar months of W with a non-suspended trading day, of the cap
 * on the last of them (choice: a month with none is left out rather than counted as zero).
 * Null when the window has no non-suspended trading day.
 */
export function averageMarketCapOf(scan: SeriesScan, method: AveragingMethod): number | null {
  if (scan.days === 0) return null;
  if (method === 'daily') return scan.capSumHkd / scan.days;
  let sum = 0;
  for (const month of scan.months.values()) sum += month.lastCapHkd;
  return scan.months.size === 0 ? null : sum / scan.months.size;
}

/** Month-ends used by the month-end method (for the detail text). */
export function monthEndCountOf(scan: SeriesScan): number {
  return scan.months.size;
}

/** The §3 outcome: rule `hsci-average-daily` or `hsci-average-month-end`, with the window and figures. */
export function describeAverage(scan: SeriesScan, method: AveragingMethod, cutoff: IsoDate): RuleOutcome {
  const avg = averageMarketCapOf(scan, method);
  const rule = method === 'daily' ? 'hsci-average-daily' : 'hsci-average-month-end';
  const over = method === 'daily'
    ? `${scan.days} non-suspended trading day(s)`
    : `${monthEndCountOf(scan)} month-end(s)`;
  const extras = [
    scan.restartedOn ? `window restarted on ${scan.restartedOn} after a prolonged suspension` : '',
    scan.dataGapDays > 0 ? `${scan.dataGapDays} trading day(s) without data left out` : '',
  ].filter(Boolean).join('; ');
  const base = avg === null
    ? `no non-suspended trading day from ${scan.firstDay} to ${cutoff}: no average`
    : `average market cap ${formatHkd(avg)} over ${over} from ${scan.firstDay} to ${cutoff}`;
  const detail = extras ? `${base} (${extras})` : base;
  return avg === null ? { rule, section: '§3', outcome: 'fail', detail } : { rule, section: '§3', outcome: 'pass', detail, value: avg };
}
