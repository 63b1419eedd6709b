import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { computeAllMetrics, planReview } from '../../src/jobs/run-review.js';
import { loadSnapshot, seriesOf } from '../../src/jobs/load-snapshot.js';
import { dailyWriter } from '../support/daily.js';
import { weekdaysBetween, writeMarket } from '../e2e/build-market.js';

// The window is read in two parts: (C - 13 months, C] for everyone, and the earlier days down to
// C - 16 months (12 + 3 + 1) only for a security suspended on the first day of the main read (§3 needs to see
// where its suspension began). These check the join against what one long read would give.
const CUTOFF = '2026-06-30';

async function marketWith(suspendedFrom: string, resumeOn: string) {
  const store = await openStore(':memory:');
  writeMarket(store, [{ code: '00001', name: 'Steady', capBn: 50 }, { code: '00002', name: 'Long suspension', capBn: 20 }],
    { calendarFrom: '2024-06-03', calendarTo: '2026-12-31', dataFrom: '2024-06-03', dataTo: CUTOFF });
  // 00002: suspended from `suspendedFrom` until the day before `resumeOn`, trading again from then.
  const day = dailyWriter(store);
  store.sqlite.transaction(() => {
    for (const d of weekdaysBetween('2024-06-03', CUTOFF)) {
      const suspended = d >= suspendedFrom && d < resumeOn;
      day.run('00002', d, 20e9, suspended ? 0 : 20e6, suspended ? 1 : 0);
    }
  })();
  const plan = await planReview(store, { cutoff: CUTOFF });
  const snapshot = await loadSnapshot(store, { cutoff: CUTOFF, effectiveDate: plan.effectiveDate, kind: plan.kind, methodology: plan.methodology, calendar: plan.calendar });
  return { store, plan, snapshot };
}

describe('loadSnapshot: the two-part window read', () => {
  it('gives a security suspended at the main read\'s start its earlier days, joined in date order', async () => {
    // Suspended since 2025-03-03 (before the main read starts, 2025-05-30), resumes 2025-09-01.
    const { store, plan, snapshot } = await marketWith('2025-03-03', '2025-09-01');
    const long = seriesOf(snapshot, '00002');
    const steady = seriesOf(snapshot, '00001');
    expect(steady.dates[0]).toBe('2025-06-02'); // the main read: after C - 13 months (2025-05-30)
    expect(long.dates[0]).toBe('2025-03-03'); // the earlier part: after C - 16 months (2025-02-28)
    const sorted = [...long.dates].sort();
    expect(long.dates).toEqual(sorted);
    expect(new Set(long.dates).size).toBe(long.dates.length);
    expect(long.dates).toEqual(weekdaysBetween('2025-03-03', CUTOFF));
    expect(long.suspended[0]).toBe(1);
    expect(long.suspended[long.dates.indexOf('2025-09-01')]).toBe(0);
    // §3: suspended 2025-03-03..2025-08-29 (3 months or more), resumed inside W: restarted.
    const metrics = computeAllMetrics(snapshot, plan, CUTOFF).find((x) => x.code === '00002')!;
    expect(metrics.average.restartedOn).toBe('2025-09-01');
    await store.close();
  });

  it('reads nothing earlier for a security trading at the main read\'s start', async () => {
    // Suspended from 2025-07-01 only: trading on 2025-06-02, so no earlier days are read.
    const { store, plan, snapshot } = await marketWith('2025-07-01', '2025-12-01');
    expect(seriesOf(snapshot, '00002').dates[0]).toBe('2025-06-02');
    const metrics = computeAllMetrics(snapshot, plan, CUTOFF).find((x) => x.code === '00002')!;
    expect(metrics.average.restartedOn).toBe('2025-12-01'); // suspended 2025-07-01..2025-11-28: 3 months or more
    await store.close();
  });
});
