import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJobLock, REVIEW_LOCK } from '../../src/jobs/job-lock.js';
import { runSchedulePass } from '../../src/jobs/schedule-pass.js';
import {
  addDaily, cleanTempDirs, fakeReview, makeTempDir, openMarket, passOptions, readRuns,
} from './schedule-fixture.js';

afterEach(cleanTempDirs);

const AFTER = '2026-07-02T01:00:00Z'; // 09:00 in Hong Kong, two days after the 30 June cut-off

async function market(opts: { june29?: number; june30?: number } = {}) {
  const dir = makeTempDir();
  const store = await openMarket(join(dir, 'store.db'));
  addDaily(store, '2026-06-29', opts.june29 ?? 10);
  addDaily(store, '2026-06-30', opts.june30 ?? 10);
  return { dir, store, reports: join(dir, 'reports') };
}

describe('a scheduler pass (injected clock and review function, real SQLite store)', () => {
  it('before the cut-off has passed, does not run it (the cut-off day itself is not over)', async () => {
    const { store, reports } = await market();
    const review = fakeReview();
    const opts = passOptions('2026-06-30T12:00:00Z', review, reports); // 20:00 HK on 30 June
    const out = await runSchedulePass(store, opts);
    // The latest passed cut-off is 31 March, and the calendar holds no trading day for it.
    expect(out).toEqual({
      review: { status: 'waiting', cutoff: '2026-03-31', reason: 'no trading day on or before 2026-03-31 in the calendar' },
      ok: true,
    });
    expect(review.calls).toEqual([]);
    expect(await readRuns(store)).toEqual([]);
    expect(existsSync(reports)).toBe(false);
    await store.close();
  });

  it('after the cut-off with complete data, runs it exactly once and writes dated reports; a second pass adds none', async () => {
    const { store, reports } = await market();
    const review = fakeReview();
    const opts = passOptions(AFTER, review, reports);
    const out = await runSchedulePass(store, opts);
    const files = ['json', 'csv', 'html'].map((e) => join(reports, `review-2026-06-30-run1.${e}`));
    expect(out).toEqual({
      review: { status: 'ran', cutoff: '2026-06-30', kind: 'semi-annual', runId: 1, files, reportErrors: [] },
      ok: true,
    });
    expect(review.calls).toEqual([{ cutoff: '2026-06-30', trigger: 'schedule', now: new Date(AFTER), methodology: 'hsci-2025' }]);
    expect(await readRuns(store)).toEqual([{ id: 1, cutoff: '2026-06-30', status: 'succeeded', trigger: 'schedule', error: null }]);
    expect(readdirSync(reports).sort()).toEqual(['review-2026-06-30-run1.csv', 'review-2026-06-30-run1.html', 'review-2026-06-30-run1.json']);
    expect(readFileSync(files[0]!, 'utf8')).toBe('json report for 2026-06-30\n');
    expect(readFileSync(files[2]!, 'utf8')).toBe('html report for 2026-06-30\n');
    expect(opts.lines).toEqual([
      '2026-07-02T09:00:00+08:00 starting semi-annual review 2026-06-30',
      '2026-07-02T09:00:00+08:00 run 1 succeeded: semi-annual review 2026-06-30',
      `2026-07-02T09:00:00+08:00 run 1 reports: ${files.join(', ')}`,
    ]);
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();

    const later = passOptions('2026-07-02T01:30:00Z', review, reports);
    expect(await runSchedulePass(store, later)).toEqual({ review: { status: 'done', cutoff: '2026-06-30', runId: 1 }, ok: true });
    expect(later.lines).toEqual(['2026-07-02T09:30:00+08:00 nothing to do: semi-annual review 2026-06-30 done in run 1']);
    expect(review.calls).toHaveLength(1);
    expect(await readRuns(store)).toHaveLength(1);
    await store.close();
  });

  it('defers the run while the cut-off day\'s data is incomplete, and runs once it arrives', async () => {
    const { store, reports } = await market({ june30: 8 }); // 8 of 10: under 0.9
    const review = fakeReview();
    const opts = passOptions(AFTER, review, reports);
    expect(await runSchedulePass(store, opts)).toEqual({
      review: { status: 'waiting', cutoff: '2026-06-30', reason: 'waiting for data for 2026-06-30' }, ok: true,
    });
    expect(opts.lines).toEqual(['2026-07-02T09:00:00+08:00 semi-annual review 2026-06-30: waiting for data for 2026-06-30']);
    expect(await readRuns(store)).toEqual([]);

    addDaily(store, '2026-06-30', 9); // 9 of 10: exactly at 0.9
    const next = await runSchedulePass(store, passOptions(AFTER, review, reports));
    expect(next.review).toMatchObject({ status: 'ran', runId: 1 });
    expect(await readRuns(store)).toHaveLength(1);
    await store.close();
  });

  it('waits for the calendar to reach the cut-off, and uses the last trading day on or before it', async () => {
    const dir = makeTempDir();
    const store = await openMarket(join(dir, 'store.db'));
    store.sqlite.prepare("DELETE FROM calendar WHERE date >= '2026-06-30'").run();
    addDaily(store, '2026-06-26', 10);
    addDaily(store, '2026-06-29', 10);
    const review = fakeReview();
    expect((await runSchedulePass(store, passOptions(AFTER, review, dir))).review)
      .toEqual({ status: 'waiting', cutoff: '2026-06-30', reason: 'the trading calendar does not reach 2026-06-30' });
    // 30 June a holiday: the cut-off's trading day is 29 June, whose data is complete.
    store.sqlite.prepare("INSERT INTO calendar (date, is_trading_day, source) VALUES ('2026-06-30', 0, 'user')").run();
    expect((await runSchedulePass(store, passOptions(AFTER, review, dir))).review).toMatchObject({ status: 'ran', cutoff: '2026-06-30' });
    await store.close();
  });

  it('records a failed run with its error and retries it on the next pass', async () => {
    const { store, reports } = await market();
    const review = fakeReview();
    review.failures = ['data missing for 00005 on 2026-06-30'];
    const opts = passOptions(AFTER, review, reports);
    const out = await runSchedulePass(store, opts);
    expect(out).toEqual({
      review: { status: 'failed', cutoff: '2026-06-30', runId: 1, error: 'data missing for 00005 on 2026-06-30' }, ok: false,
    });
    expect(opts.lines.at(-1)).toBe(
      '2026-07-02T09:00:00+08:00 run 1 failed: semi-annual review 2026-06-30: data missing for 00005 on 2026-06-30; will retry on the next pass',
    );
    expect(existsSync(reports)).toBe(false);
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();

    const retry = await runSchedulePass(store, passOptions('2026-07-02T01:30:00Z', review, reports));
    expect(retry.review).toMatchObject({ status: 'ran', runId: 2 });
    expect(await readRuns(store)).toEqual([
      { id: 1, cutoff: '2026-06-30', status: 'failed', trigger: 'schedule', error: 'data missing for 00005 on 2026-06-30' },
      { id: 2, cutoff: '2026-06-30', status: 'succeeded', trigger: 'schedule', error: null },
    ]);
    await store.close();
  });

  it('records a failure itself when the review function throws before writing its row', async () => {
    const { store, reports } = await market();
    const opts = passOptions(AFTER, fakeReview(), reports, { runReview: async () => { throw new Error('no methodology'); } });
    expect((await runSchedulePass(store, opts)).review).toEqual({ status: 'failed', cutoff: '2026-06-30', runId: 1, error: 'no methodology' });
    expect(await readRuns(store)).toEqual([{ id: 1, cutoff: '2026-06-30', status: 'failed', trigger: 'schedule', error: 'no methodology' }]);
    await store.close();
  });

  it('a CLI run of the same cut-off does not count: the scheduler still writes its own reports', async () => {
    const { store, reports } = await market();
    const review = fakeReview();
    await review.fn(store, { cutoff: '2026-06-30', trigger: 'cli', now: new Date(AFTER) });
    expect((await runSchedulePass(store, passOptions(AFTER, review, reports))).review).toMatchObject({ status: 'ran', runId: 2 });
    await store.close();
  });
});
