import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/domain/dates.js';
import { getMethodology } from '../../src/methodology/index.js';
import { computeSecurityMetrics } from '../../src/rules/compute-security-metrics.js';
import { history, security, weekdayCalendar } from './builders.js';

/**
 * The one-pass scan (scanSeries) against a slow, literal reading of docs/methodology.md §3-§5 written day by day
 * with the date library, on random histories of trading, suspended, illiquid and missing stretches.
 * The documented choices (docs/rules.md) are part of the reading: gaps carry the suspension state, a
 * run S..L is prolonged when S <= L - 3 months, the latest restart inside W wins, at most 12 liquidity
 * months ending with C's month, the median of an even count is the mean of the middle two.
 */
const CAL = weekdayCalendar('2024-01-01', '2025-12-31');
const DAILY = getMethodology('hsci-2025');
const MONTH_END = getMethodology('hsci-2024');
type Rec = { cap: number; turnover: number; suspended: boolean };

function referenceOf(recs: ReadonlyMap<string, Rec>, listing: string, cutoff: string) {
  const windowStartExclusive = addMonths(cutoff, -12);
  const days = CAL.all.filter((d) => d <= cutoff);
  let suspended = false;
  let runStart: string | null = null;
  let runLast: string | null = null;
  let restart: string | null = null;
  for (const d of days) {
    const r = recs.get(d);
    if (!r) continue;
    if (r.suspended) { runStart ??= d; runLast = d; suspended = true; continue; }
    if (runStart !== null && d > windowStartExclusive && runStart <= addMonths(runLast!, -3)) restart = d;
    runStart = null;
    suspended = false;
  }
  const first = restart ?? (listing > windowStartExclusive ? listing : addDays(windowStartExclusive, 1));
  let sum = 0, used = 0, gaps = 0;
  const velocities = new Map<string, number[]>();
  const monthEnds = new Map<string, number>();
  for (const d of days) {
    if (d < first) continue;
    const r = recs.get(d);
    if (!r) { gaps++; continue; }
    if (r.suspended) continue;
    sum += r.cap; used++;
    monthEnds.set(d.slice(0, 7), r.cap);
    velocities.set(d.slice(0, 7), [...(velocities.get(d.slice(0, 7)) ?? []), r.turnover / r.cap]);
  }
  const months: Array<[string, boolean]> = [];
  const firstMonth = [first.slice(0, 7), addMonths(cutoff, -11).slice(0, 7)].sort()[1]!;
  for (let k = firstMonth; first <= cutoff && k <= cutoff.slice(0, 7); k = addMonths(`${k}-01`, 1).slice(0, 7)) {
    const v = [...(velocities.get(k) ?? [])].sort((a, b) => a - b);
    const h = v.length >> 1;
    const median = v.length === 0 ? null : v.length % 2 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
    months.push([k, median !== null && median >= DAILY.liquidity.velocityThreshold]);
  }
  const ends = [...monthEnds.values()];
  return {
    restart, first, used, gaps, months,
    daily: used ? sum / used : null,
    monthEnd: ends.length ? ends.reduce((a, b) => a + b, 0) / ends.length : null,
    suspension: { suspendedOnCutoff: suspended, suspendedSince: suspended ? runStart : null, longSuspension: suspended && runStart! <= addMonths(cutoff, -3) },
  };
}

const stretches = fc.array(
  // Stretches of 60-68 trading days land runs on the 3-month line often.
  fc.record({ days: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 60, max: 68 })), kind: fc.constantFrom('trade', 'trade', 'suspended', 'gap', 'illiquid') }),
  { minLength: 1, maxLength: 12 },
);

describe('scanSeries agrees with a literal day-by-day reading of §3-§5', () => {
  it('average (daily and month-end), window start, restart, gaps, liquidity months and suspension', () => {
    const span = CAL.all.filter((d) => d >= '2024-02-01' && d <= '2025-06-30');
    fc.assert(fc.property(
      stretches,
      fc.constantFrom('2000-01-03', '2024-09-16', '2025-03-03', '2025-06-30'),
      fc.constantFrom('2025-06-30', '2025-06-13', '2025-05-31'),
      fc.integer({ min: 1, max: 1_000_000 }),
      (parts, listing, cutoff, seed) => {
        const recs = new Map<string, Rec>();
        let i = 0;
        let x = seed;
        for (const part of parts) {
          for (let k = 0; k < part.days && i < span.length; k++, i++) {
            const d = span[i]!;
            x = (x * 1103515245 + 12345) % 2147483648;
            if (d < listing || part.kind === 'gap') continue;
            const cap = 1e9 + (x % 1000) * 1e7;
            const velocity = part.kind === 'illiquid' ? 0.0003 : 0.0003 + (x % 5) * 0.0001; // 0.03% .. 0.07%
            recs.set(d, { cap, turnover: Math.round(cap * velocity), suspended: part.kind === 'suspended' });
          }
        }
        for (; i < span.length; i++) if (span[i]! >= listing) recs.set(span[i]!, { cap: 2e9, turnover: 2e6, suspended: false });
        const series = history(CAL, '2024-02-01', cutoff, (d) => {
          const r = recs.get(d);
          return r ? { capHkd: r.cap, turnoverHkd: r.turnover, suspended: r.suspended } : null;
        });
        const run = (methodology: typeof DAILY) => computeSecurityMetrics({
          attrs: security({ listingDate: listing }), changes: [], series, calendar: CAL, cutoff, effectiveDate: '2025-09-08', methodology,
        });
        const got = run(DAILY);
        const want = referenceOf(recs, listing, cutoff);
        expect(got.average).toMatchObject({ restartedOn: want.restart, windowStart: want.first, daysUsed: want.used, dataGapDays: want.gaps });
        if (want.daily === null) expect(got.average.avgMarketCapHkd).toBeNull();
        else expect(got.average.avgMarketCapHkd).toBeCloseTo(want.daily, 0);
        const monthEnd = run(MONTH_END).average.avgMarketCapHkd;
        if (want.monthEnd === null) expect(monthEnd).toBeNull();
        else expect(monthEnd).toBeCloseTo(want.monthEnd, 0);
        expect(got.liquidity.months.map((q) => [q.month, q.pass])).toEqual(want.months);
        expect(got.suspension).toEqual(want.suspension);
      },
    ), { numRuns: 300 });
  });
});
