import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { readJobLock, REVIEW_LOCK, tryAcquireJobLock } from '../../src/jobs/job-lock.js';
import { runSchedulePass } from '../../src/jobs/schedule-pass.js';
import { addDaily, cleanTempDirs, fakeReview, makeTempDir, openMarket, passOptions, readRuns } from './schedule-fixture.js';

afterEach(cleanTempDirs);

const AFTER = '2026-07-02T01:00:00Z';

async function marketFile() {
  const dir = makeTempDir();
  const path = join(dir, 'store.db');
  const store = await openMarket(path);
  addDaily(store, '2026-06-29', 10);
  addDaily(store, '2026-06-30', 10);
  return { dir, path, store, reports: join(dir, 'reports') };
}

describe('never two runs at once', () => {
  it('passes racing on separate connections to one file create one run', async () => {
    const { path, store, reports } = await marketFile();
    const others = await Promise.all([1, 2, 3].map(() => openStore(path)));
    const stores = [store, ...others];
    const review = fakeReview();
    const outcomes = await Promise.all(stores.map((s, i) =>
      runSchedulePass(s, passOptions(AFTER, review, reports, { lockHolder: `pass-${i}` }))));
    expect(review.calls).toHaveLength(1);
    expect(await readRuns(store)).toEqual([{ id: 1, cutoff: '2026-06-30', status: 'succeeded', trigger: 'schedule', error: null }]);
    const statuses = outcomes.map((o) => o.review.status).sort();
    expect(statuses.filter((s) => s === 'ran')).toHaveLength(1);
    expect(statuses.every((s) => ['ran', 'busy', 'done'].includes(s))).toBe(true);
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();
    for (const s of stores) await s.close();
  });

  it('a lock held by a live run (a CLI screen) defers the pass without running', async () => {
    const { store, reports } = await marketFile();
    expect(tryAcquireJobLock(store, { name: REVIEW_LOCK, holder: 'screen@host:1', now: new Date(AFTER), ttlMs: 3_600_000 })).toBe(true);
    const review = fakeReview();
    const opts = passOptions(AFTER, review, reports);
    expect((await runSchedulePass(store, opts)).review).toEqual({ status: 'busy', cutoff: '2026-06-30', holder: 'screen@host:1' });
    expect(opts.lines).toEqual([
      '2026-07-02T09:00:00+08:00 semi-annual review 2026-06-30: another run holds the review lock (screen@host:1, until 2026-07-02T10:00:00+08:00); will retry',
    ]);
    expect(review.calls).toEqual([]);
    expect(readJobLock(store, REVIEW_LOCK)?.holder).toBe('screen@host:1');
    await store.close();
  });

  it('takes over a stale lock left by a killed process', async () => {
    const { store, reports } = await marketFile();
    // Taken a day earlier with a one-hour lifetime, never released.
    tryAcquireJobLock(store, { name: REVIEW_LOCK, holder: 'killed', now: new Date('2026-07-01T01:00:00Z'), ttlMs: 3_600_000 });
    const review = fakeReview();
    expect((await runSchedulePass(store, passOptions(AFTER, review, reports))).review).toMatchObject({ status: 'ran', runId: 1 });
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();
    await store.close();
  });

  it('closes a run the review function left "running" when it threw', async () => {
    const { store, reports } = await marketFile();
    const opts = passOptions(AFTER, fakeReview(), reports, {
      runReview: async (s, req) => {
        await s.db.insertInto('runs').values({
          cutoff: req.cutoff, kind: 'semi-annual', methodology: 'hsci-2025', started_at: req.now.toISOString(),
          status: 'running', trigger: 'schedule',
        }).execute();
        throw new Error('out of memory');
      },
    });
    expect((await runSchedulePass(store, opts)).review).toEqual({ status: 'failed', cutoff: '2026-06-30', runId: 1, error: 'out of memory' });
    expect(await readRuns(store)).toEqual([{ id: 1, cutoff: '2026-06-30', status: 'failed', trigger: 'schedule', error: 'out of memory' }]);
    await store.close();
  });
});

describe('reports and previews', () => {
  it('a format that cannot be rendered is reported, the others written, and the pass is not ok', async () => {
    const { store, reports } = await marketFile();
    const opts = passOptions(AFTER, fakeReview(), reports, {
      render: (r, f) => { if (f === 'html') throw new Error('format html is not built yet'); return `${f}\n`; },
    });
    const out = await runSchedulePass(store, opts);
    expect(out.ok).toBe(false);
    expect(out.review).toMatchObject({
      status: 'ran', files: [join(reports, 'review-2026-06-30-run1.json'), join(reports, 'review-2026-06-30-run1.csv')],
      reportErrors: [`html report ${join(reports, 'review-2026-06-30-run1.html')} not written: format html is not built yet`],
    });
    await store.close();
  });

  it('--preview runs the next review as of the latest complete day, once per day', async () => {
    const { store, reports } = await marketFile();
    addDaily(store, '2026-07-02', 10);
    addDaily(store, '2026-07-03', 3); // incomplete: the preview uses 2 July
    const review = fakeReview();
    const at = '2026-07-03T12:00:00Z'; // 20:00 HK on 3 July
    const first = await runSchedulePass(store, passOptions(at, review, reports, { preview: true }));
    expect(first.review).toMatchObject({ status: 'ran', cutoff: '2026-06-30', runId: 1 });
    expect(first.preview).toMatchObject({ status: 'ran', cutoff: '2026-07-02', kind: 'preview', runId: 2 });
    expect(first.preview).toMatchObject({ files: [join(reports, 'preview-2026-07-02-run2.json'), join(reports, 'preview-2026-07-02-run2.csv'), join(reports, 'preview-2026-07-02-run2.html')] });
    const again = await runSchedulePass(store, passOptions(at, review, reports, { preview: true }));
    expect(again.preview).toEqual({ status: 'done', cutoff: '2026-07-02', runId: 2 });
    addDaily(store, '2026-07-03', 10); // 3 July's data completes: a new preview
    const third = await runSchedulePass(store, passOptions(at, review, reports, { preview: true }));
    expect(third.preview).toMatchObject({ status: 'ran', cutoff: '2026-07-03', runId: 3 });
    expect(review.calls.map((c) => c.cutoff)).toEqual(['2026-06-30', '2026-07-02', '2026-07-03']);
    await store.close();
  });

  it('--preview leaves a day the latest review already covers to the review', async () => {
    const { store, reports } = await marketFile();
    const review = fakeReview();
    const out = await runSchedulePass(store, passOptions(AFTER, review, reports, { preview: true }));
    expect(out.preview).toEqual({ status: 'none', reason: '2026-06-30 is covered by a review' });
    expect(review.calls.map((c) => c.cutoff)).toEqual(['2026-06-30']);
    await store.close();
  });
});

describe('runs abandoned by a killed scheduler', () => {
  it('are marked failed under the lock, and the review then runs', async () => {
    const { store, reports } = await marketFile();
    store.sqlite.prepare(
      "INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger) VALUES ('2026-06-30', 'semi-annual', 'hsci-2025', '2026-07-01T10:00:00.000Z', 'running', 'schedule')",
    ).run();
    store.sqlite.prepare(
      "INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger) VALUES ('2026-06-30', 'semi-annual', 'hsci-2025', '2026-07-02T00:59:00.000Z', 'running', 'cli')",
    ).run();
    const opts = passOptions(AFTER, fakeReview(), reports);
    expect((await runSchedulePass(store, opts)).review).toMatchObject({ status: 'ran', runId: 3 });
    expect(opts.lines[0]).toBe('2026-07-02T09:00:00+08:00 run 1 was left running by a stopped process; marked failed');
    expect(await readRuns(store)).toEqual([
      { id: 1, cutoff: '2026-06-30', status: 'failed', trigger: 'schedule', error: 'abandoned: the process running it stopped before it finished' },
      // A CLI run is the screen command's own; the scheduler leaves it alone.
      { id: 2, cutoff: '2026-06-30', status: 'running', trigger: 'cli', error: null },
      { id: 3, cutoff: '2026-06-30', status: 'succeeded', trigger: 'schedule', error: null },
    ]);
    await store.close();
  });
});
