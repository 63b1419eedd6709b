import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withNewOrExistingStore } from '../with-store.js';

export function dbCommand(ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'db <action> [dates..]',
    describe: 'Manage the store: `db migrate` (schema to latest), `db seed` (trading calendar; --sample adds the sample market), `db close-day DATE...` (close days again, taking their daily rows out)',
    builder: (y) =>
      y
        .positional('action', { choices: ['migrate', 'seed', 'close-day'] as const, demandOption: true })
        .positional('dates', { type: 'string', array: true, describe: 'with close-day: the days to close (YYYY-MM-DD)' })
        .option('note', { type: 'string', describe: 'with close-day: why the market was closed (default "closed by db close-day")' })
        .option('sample', { type: 'boolean', default: false, describe: 'with seed: also load the synthetic sample market' }) as never,
    handler: async (argv: GlobalOptions & { action?: string; sample?: boolean; dates?: string[]; note?: string }) => {
      if (argv.action === 'close-day') {
        const { closeDays } = await import('../../jobs/close-days.js');
        await withNewOrExistingStore(argv, ctx, async (store) => {
          for (const line of closeDays(store, (argv.dates ?? []).map(String), argv.note)) ctx.stdout(`${line}\n`);
        });
        return;
      }
      if (argv.action === 'migrate') {
        await withNewOrExistingStore(argv, ctx, async () => {
          ctx.stdout('Schema is at the latest migration.\n');
        });
        return;
      }
      const { seedStore } = await import('../../jobs/seed.js');
      await withNewOrExistingStore(argv, ctx, async (store) => {
        const summary = await seedStore(store, { sample: Boolean(argv.sample) });
        ctx.stdout(`${summary}\n`);
      });
    },
  };
}
