import { join } from 'node:path';
import cron from 'node-cron';
import { afterEach, describe, expect, it } from 'vitest';
import { runScheduler, type CronLike, DEFAULT_SCHEDULE_CRON } from '../../src/schedule/run-scheduler.js';
import { addDaily, cleanTempDirs, fakeReview, makeTempDir, openMarket, passOptions, readRuns } from './schedule-fixture.js';

afterEach(cleanTempDirs);

/** A cron stand-in: records the schedule call and lets the test fire ticks by hand (no waiting). */
function manualCron() {
  const state = {
    calls: [] as Array<{ expression: string; options: unknown }>,
    fire: async () => undefined as void,
    stopped: false,
  };
  const cronLike: CronLike = {
    schedule: (expression, fn, options) => {
      state.calls.push({ expression, options });
      state.fire = fn;
      return { stop: () => { state.stopped = true; } };
    },
  };
  return { state, cronLike };
}

function deferred() {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('runScheduler (the long-running loop)', () => {
  it('catches up on start, runs on each tick, logs repeated status lines once, and stops cleanly', async () => {
    const dir = makeTempDir();
    const store = await openMarket(join(dir, 'store.db'));
    addDaily(store, '2026-06-29', 10);
    addDaily(store, '2026-06-30', 5); // incomplete at start
    const review = fakeReview();
    const opts = passOptions('2026-07-02T01:00:00Z', review, join(dir, 'reports'));
    const { state, cronLike } = manualCron();
    const stop = deferred();
    const running = runScheduler({ store, pass: opts, cronExpression: '*/5 * * * *', stop: stop.promise, cron: cronLike });
    // Let the catch-up pass finish, then drive ticks by hand.
    while (state.calls.length === 0) await new Promise((r) => setImmediate(r));
    expect(state.calls).toEqual([{ expression: '*/5 * * * *', options: { timezone: 'Asia/Hong_Kong', noOverlap: true, name: 'hkconnect-schedule' } }]);
    await state.fire();
    addDaily(store, '2026-06-30', 10);
    await state.fire();
    await state.fire();
    await state.fire();
    stop.resolve();
    await running;
    expect(state.stopped).toBe(true);
    expect(review.calls).toHaveLength(1);
    expect((await readRuns(store)).map((r) => r.status)).toEqual(['succeeded']);
    const t = '2026-07-02T09:00:00+08:00';
    expect(opts.lines).toEqual([
      `${t} scheduler started: cron "*/5 * * * *" (Asia/Hong_Kong), reports in ${join(dir, 'reports')}`,
      `${t} semi-annual review 2026-06-30: waiting for data for 2026-06-30`, // the second identical line is not repeated
      `${t} starting semi-annual review 2026-06-30`,
      `${t} run 1 succeeded: semi-annual review 2026-06-30`,
      `${t} run 1 reports: ${['json', 'csv', 'html'].map((e) => join(dir, 'reports', `review-2026-06-30-run1.${e}`)).join(', ')}`,
      `${t} nothing to do: semi-annual review 2026-06-30 done in run 1`, // twice, logged once
      `${t} scheduler stopped`,
    ]);
    await store.close();
  });

  it('a stop during the catch-up pass lets it finish and never schedules', async () => {
    const dir = makeTempDir();
    const store = await openMarket(join(dir, 'store.db'));
    addDaily(store, '2026-06-29', 10);
    addDaily(store, '2026-06-30', 10);
    const review = fakeReview();
    const stop = deferred();
    const base = passOptions('2026-07-02T01:00:00Z', review, join(dir, 'reports'));
    const opts = { ...base, runReview: async (...a: Parameters<typeof review.fn>) => { stop.resolve(); return review.fn(...a); } };
    const { state, cronLike } = manualCron();
    await runScheduler({ store, pass: opts, cronExpression: DEFAULT_SCHEDULE_CRON, stop: stop.promise, cron: cronLike });
    expect(state.calls).toEqual([]);
    expect((await readRuns(store)).map((r) => r.status)).toEqual(['succeeded']);
    expect(base.lines.at(-1)).toBe('2026-07-02T09:00:00+08:00 scheduler stopped');
    await store.close();
  });

  it('the default cron expression is valid for node-cron', () => {
    expect(cron.validate(DEFAULT_SCHEDULE_CRON)).toBe(true);
  });
});
