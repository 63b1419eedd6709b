import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../context.js';
import { REVIEW_FORMATS, type ReviewFormat } from '../../report/review-formats.js';

interface DemoArgs extends GlobalOptions { format?: ReviewFormat; scale?: number }

/**
 * `hkconnect demo [--db PATH]`: a fresh sample database (default ./data/demo.db, never $HKCONNECT_DB:
 * the demo deletes and rebuilds its file), then the latest semi-annual review on it, printed.
 */
export function demoCommand(ctx: CliContext): CommandModule<GlobalOptions, DemoArgs> {
  return {
    command: 'demo',
    describe: 'Build a fresh sample database (synthetic market from seeds/) and run the latest semi-annual review on it',
    builder: (y) => y
      .option('format', { choices: REVIEW_FORMATS, default: 'table' as ReviewFormat, describe: 'Report format' })
      .option('scale', { type: 'number', hidden: true, describe: 'size of the sample market (1 = full); for quick tests' }) as never,
    handler: async (argv) => {
      const { runDemo, DEFAULT_DEMO_DB } = await import('../../jobs/demo.js');
      const path = argv.db ?? DEFAULT_DEMO_DB;
      const outcome = await runDemo({ path, now: ctx.now(), format: argv.format ?? 'table', scale: argv.scale, width: tableWidth(argv, ctx) });
      ctx.stderr(`${outcome.seedSummary}\nDemo database: ${path} (review run ${outcome.runId}). Try: npx hkconnect --db ${path} explain 09805 --cutoff 2026-06-30\n`);
      ctx.stdout(outcome.report);
    },
  };
}
