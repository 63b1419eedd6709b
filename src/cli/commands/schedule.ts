import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { JobError, UsageError } from '../../domain/errors.js';
import { withStore } from '../with-store.js';
import { fetchOptions, fetchSettingsFrom, type FetchOptionArgs } from '../fetch-options.js';
import { resolveHsciParts } from '../../fetch/hsci-parts.js';

interface ScheduleArgs extends GlobalOptions, FetchOptionArgs {
  collect?: boolean;
  collectAfter?: string;
  lookbackDays?: number;
  listsEveryDays?: number;
  hsciUrl?: string | string[];
  once?: boolean;
  now?: string;
  reports?: string;
  cron?: string;
  preview?: boolean;
  methodology?: string;
  completeFraction?: number;
}

/**
 * `hkconnect schedule`: runs each review once its cut-off has passed and its data is complete
 * (issue 6). A thin shell: parse the options, build the clock, hand over to the pass or the loop.
 */
export function scheduleCommand(ctx: CliContext): CommandModule<GlobalOptions, ScheduleArgs> {
  return {
    command: 'schedule',
    describe: 'Run each review automatically once its cut-off has passed and its data is complete (Asia/Hong_Kong)',
    builder: (y) =>
      y
        .option('once', { type: 'boolean', default: false, describe: 'Do one pass and exit (1 when a run failed)' })
        .option('now', { type: 'string', describe: 'Set the clock: an ISO date-time, read in Asia/Hong_Kong without an offset' })
        .option('reports', { type: 'string', default: './reports', describe: 'Directory for the reports of each run' })
        .option('cron', { type: 'string', describe: 'Cron expression of the passes (default every 30 minutes)' })
        .option('preview', { type: 'boolean', default: false, describe: 'Also run a daily preview of the next review' })
        .option('methodology', { type: 'string', describe: 'Methodology id (default hsci-2025)' })
        .option('complete-fraction', {
          type: 'number', default: 0.9,
          describe: 'Data for a day is complete at this fraction of the previous trading day\'s rows',
        })
        .option('collect', { type: 'boolean', default: false, describe: 'Also fetch each trading day\'s HKEX quotations after the close, and the lists weekly' })
        .option('collect-after', { type: 'string', default: '18:00', describe: 'Hong Kong time (HH:MM) after which a day\'s quotations are fetched' })
        .option('lookback-days', { type: 'number', default: 14, describe: 'Catch up missed quotations this many days back' })
        .option('lists-every-days', { type: 'number', default: 7, describe: 'Fetch the lists again once their last good copy is this old' })
        .option('hsci-url', { type: 'string', describe: 'The Hang Seng exports to collect with the lists, one per export: KEY=URL (hsci, large, mid, small, large-mid)' })
        .options(fetchOptions) as never,
    handler: async (argv) => {
      const { parseClockInstant } = await import('../../jobs/schedule-plan.js');
      const { DEFAULT_SCHEDULE_CRON } = await import('../../schedule/run-scheduler.js');
      const start = argv.now === undefined ? null : parseClockInstant(argv.now);
      if (argv.now !== undefined && start === null) {
        throw new UsageError(`--now "${argv.now}" is not a valid date-time; write e.g. 2026-07-02T09:00 (Hong Kong time).`);
      }
      const fraction = argv.completeFraction ?? 0.9;
      if (!(fraction > 0 && fraction <= 1)) throw new UsageError(`--complete-fraction must be above 0 and at most 1, not ${fraction}.`);
      const cronExpression = argv.cron ?? DEFAULT_SCHEDULE_CRON;
      const { default: cron } = await import('node-cron');
      if (!cron.validate(cronExpression)) throw new UsageError(`--cron "${cronExpression}" is not a valid cron expression.`);
      const realStart = ctx.now().getTime();
      // --now sets the clock's start; it then advances with real time (a replay of a long run stays consistent).
      const now = start === null ? ctx.now : () => new Date(start.getTime() + ctx.now().getTime() - realStart);

      const { loadScheduleWiring } = await import('../../schedule/review-wiring.js');
      const wiring = await loadScheduleWiring(argv.methodology);
      // Checked before the store is opened: a bad setting is exit 2 and touches nothing.
      const { resolveDbPath } = await import('../../db/connection.js');
      const collect = argv.collect ? await collectOptionsFrom(argv, resolveDbPath(argv.db, ctx.env)) : undefined;
      await withStore(argv, ctx, async (store) => {
        const pass = {
          now, runReview: wiring.runReview, render: wiring.render, cutoffs: wiring.cutoffs, methodology: wiring.methodology,
          reportsDir: argv.reports ?? './reports', minCompleteFraction: fraction, preview: Boolean(argv.preview),
          log: (line: string) => ctx.stdout(`${line}\n`), ...(collect ? { collect } : {}),
        };
        if (argv.once) {
          const { runSchedulePass, describePassFailure } = await import('../../jobs/schedule-pass.js');
          const outcome = await runSchedulePass(store, pass);
          if (!outcome.ok) throw new JobError(describePassFailure(outcome));
          return;
        }
        const { runScheduler } = await import('../../schedule/run-scheduler.js');
        const stop = waitForStopSignal();
        try {
          await runScheduler({ store, pass, cronExpression, stop: stop.promise, cron });
        } finally {
          stop.dispose();
        }
      });
    },
  };
}

/** The `--collect` settings, validated (exit 2 on a bad value). */
async function collectOptionsFrom(argv: ScheduleArgs, dbPath: string) {
  const after = argv.collectAfter ?? '18:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(after)) throw new UsageError(`--collect-after "${after}" is not a time of day such as 18:00.`);
  for (const [name, v] of [['lookback-days', argv.lookbackDays ?? 14], ['lists-every-days', argv.listsEveryDays ?? 7]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new UsageError(`--${name} must be a whole number of days (0 or more), not ${v}.`);
  }
  const hsciParts = argv.hsciUrl === undefined ? undefined : resolveHsciParts([argv.hsciUrl].flat(), undefined, '--hsci-url');
  if (typeof hsciParts === 'string') throw new UsageError(`${hsciParts}.`);
  return {
    fetch: await fetchSettingsFrom(argv, dbPath), afterHk: after,
    lookbackDays: argv.lookbackDays ?? 14, listsEveryDays: argv.listsEveryDays ?? 7,
    ...(hsciParts ? { hsciParts } : {}),
  };
}

/** Resolves on SIGINT or SIGTERM; the loop then finishes the pass in hand and the store is closed. */
function waitForStopSignal(): { promise: Promise<void>; dispose: () => void } {
  let onSignal = (): void => undefined;
  const promise = new Promise<void>((resolve) => {
    onSignal = () => resolve();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
