import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';

export function dbCommand(ctx: CliContext): CommandModule<GlobalOptions, GlobalOptions> {
  return {
    command: 'db <action>',
    describe: 'Manage the store: `db migrate` (schema to latest), `db seed` (trading calendar; --sample adds the sample market)',
    builder: (y) =>
      y
        .positional('action', { choices: ['migrate', 'seed'] as const, demandOption: true })
        .option('sample', { type: 'boolean', default: false, describe: 'with seed: also load the synthetic sample market' }) as never,
    handler: async (argv: GlobalOptions & { action?: string; sample?: boolean }) => {
      if (argv.action === 'migrate') {
        await withStore(argv, ctx, async () => {
          ctx.stdout('Schema is at the latest migration.\n');
        });
        return;
      }
      const { seedStore } = await import('../../jobs/seed.js');
      await withStore(argv, ctx, async (store) => {
        const summary = await seedStore(store, { sample: Boolean(argv.sample) });
        ctx.stdout(`${summary}\n`);
      });
    },
  };
}
