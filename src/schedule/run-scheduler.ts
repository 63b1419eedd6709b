import type { Store } from '../db/connection.js';
import { HK_ZONE } from '../domain/dates.js';
import { runSchedulePass } from '../jobs/schedule-pass.js';
import { formatHongKongInstant } from '../jobs/schedule-plan.js';
import type { PassOutcome, SchedulePassOptions } from '../jobs/schedule-types.js';

/** The every-30-minutes default: a cut-off's data is picked up within half an hour of its load. */
export const DEFAULT_SCHEDULE_CRON = '*/30 * * * *';

/** The part of node-cron the loop uses (injected so a test can fire ticks without waiting). */
export interface CronLike {
  schedule(
    expression: string,
    fn: () => Promise<void>,
    options: { timezone: string; noOverlap: boolean; name: string },
  ): { stop(): void | Promise<void>; destroy?(): void | Promise<void> };
}

export interface SchedulerOptions {
  readonly store: Store;
  readonly pass: SchedulePassOptions;
  readonly cronExpression: string;
  /** Resolves when the process is asked to stop (SIGINT / SIGTERM). */
  readonly stop: Promise<void>;
  readonly cron: CronLike;
}

/**
 * The long-running scheduler: an immediate pass on start (the catch-up), then one pass per cron
 * tick in Asia/Hong_Kong, never two at once (node-cron `noOverlap`, a guard here, and the
 * database lock across processes). On stop it lets the pass in hand finish, then returns.
 * Status lines that repeat unchanged on every tick (waiting, done) are logged once per change.
 */
export async function runScheduler(options: SchedulerOptions): Promise<void> {
  const log = options.pass.log;
  let lastQuiet = '';
  const pass: SchedulePassOptions = {
    ...options.pass,
    log: (line, quiet) => {
      const text = line.slice(line.indexOf(' ') + 1);
      if (quiet && text === lastQuiet) return;
      if (quiet) lastQuiet = text;
      log(line, quiet);
    },
  };
  let stopping = false;
  void options.stop.then(() => { stopping = true; });
  let current: Promise<PassOutcome | null> | null = null;
  const tick = (): Promise<PassOutcome | null> => {
    if (current) return current;
    current = runSchedulePass(options.store, pass)
      .catch((err: unknown) => {
        log(`${formatHongKongInstant(pass.now())} pass error: ${err instanceof Error ? err.message : String(err)}`, false);
        return null;
      })
      .finally(() => { current = null; });
    return current;
  };

  log(`${formatHongKongInstant(pass.now())} scheduler started: cron "${options.cronExpression}" (${HK_ZONE}), reports in ${pass.reportsDir}`, false);
  await tick();
  if (!stopping) {
    const task = options.cron.schedule(options.cronExpression, async () => { await tick(); }, {
      timezone: HK_ZONE, noOverlap: true, name: 'hkconnect-schedule',
    });
    await options.stop;
    await task.stop();
    await current;
    await task.destroy?.();
  }
  log(`${formatHongKongInstant(pass.now())} scheduler stopped`, false);
}
