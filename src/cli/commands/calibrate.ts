import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';
import { UsageError } from '../../domain/errors.js';
import { requireDate } from '../date-option.js';

interface CalibrateArgs extends GlobalOptions {
  cutoff?: string;
  leads?: string;
  paths?: number;
  seed?: number;
  bins?: number;
  out?: string;
}

/** `hkconnect calibrate --cutoff C`: scores the preview odds of C from several lead times against the full-data review. */
export function calibrateCommand(ctx: CliContext): CommandModule<GlobalOptions, CalibrateArgs> {
  return {
    command: 'calibrate',
    describe: 'Score the --odds previews of a review from several lead times against what the full data decides (Brier, reliability)',
    builder: (y) =>
      y
        .option('cutoff', { type: 'string', demandOption: true, describe: 'the review to preview (its data must be in the store)' })
        .option('leads', { type: 'string', default: '60,40,20,5', describe: 'trading days before the cut-off, comma-separated' })
        .option('paths', { type: 'number', describe: 'simulated paths per preview (default 4000)' })
        .option('seed', { type: 'number', describe: 'random seed (default 1)' })
        .option('bins', { type: 'number', default: 10, describe: 'reliability bins' })
        .option('out', { type: 'string', describe: 'also write FILE.json and FILE.md (e.g. bench/results/calibration-2026-06-30)' }) as never,
    handler: async (argv) => {
      const cutoff = requireDate(argv.cutoff, 'cutoff');
      const leads = String(argv.leads ?? '').split(',').map((s) => Number(s.trim()));
      if (leads.length === 0 || leads.some((x) => !Number.isInteger(x) || x < 1)) throw new UsageError(`--leads "${argv.leads}" is not a comma-separated list of whole numbers of trading days (at least 1).`);
      const bins = argv.bins ?? 10;
      if (!Number.isInteger(bins) || bins < 1) throw new UsageError(`--bins must be a whole number of at least 1, not ${bins}.`);
      const { calibrateOdds, calibrationMarkdown } = await import('../../jobs/calibrate-odds.js');
      const report = await withStore(argv, ctx, (store) => calibrateOdds(store, { cutoff, leads, paths: argv.paths, seed: argv.seed, bins }));
      const md = calibrationMarkdown(report);
      if (argv.out !== undefined) {
        const { writeFile } = await import('node:fs/promises');
        try {
          await writeFile(`${argv.out}.json`, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
          await writeFile(`${argv.out}.md`, md, 'utf8');
        } catch (err) {
          throw new UsageError(`cannot write ${argv.out}.json / .md: ${(err as Error).message}`);
        }
      }
      ctx.stdout(md);
    },
  };
}
