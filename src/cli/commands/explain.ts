import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';
import { normalizeStockCode } from '../../domain/codes.js';
import { JobError, UsageError } from '../../domain/errors.js';
import { requireDate } from './screen.js';

interface ExplainArgs extends GlobalOptions {
  code?: string;
  cutoff?: string;
  methodology?: string;
  overrides?: string;
  effective?: string;
  format?: 'table' | 'json';
}

/** `hkconnect explain CODE --cutoff DATE`: every fact and rule outcome for one security at that review (docs/methodology.md §9). */
export function explainCommand(ctx: CliContext): CommandModule<GlobalOptions, ExplainArgs> {
  return {
    command: 'explain <code>',
    describe: 'Every fact and rule outcome for one security at a review',
    builder: (y) =>
      y
        .positional('code', { type: 'string', describe: 'stock code, with or without leading zeros' })
        .option('cutoff', { type: 'string', demandOption: true, describe: 'the data cut-off C (YYYY-MM-DD)' })
        .option('effective', { type: 'string', describe: 'override the effective date E (YYYY-MM-DD)' })
        .option('methodology', { type: 'string', describe: 'methodology id (default hsci-2025)' })
        .option('overrides', { type: 'string', describe: 'a JSON file of methodology parameter overrides' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'readable text (table) or JSON' }) as never,
    handler: async (argv) => {
      const code = normalizeStockCode(String(argv.code ?? ''));
      if (code === null) throw new UsageError(`"${argv.code}" is not a stock code (1 to 5 digits).`);
      const cutoff = requireDate(argv.cutoff, 'cutoff');
      const effectiveDate = argv.effective === undefined ? undefined : requireDate(argv.effective, 'effective');
      const { computeReview } = await import('../../jobs/run-review.js');
      const { buildExplanation, renderExplanation } = await import('../../screen/explain-security.js');
      const explanation = await withStore(argv, ctx, async (store) => {
        const known = store.sqlite.prepare('SELECT 1 FROM securities WHERE code = ?').pluck().get(code);
        if (known === undefined) throw new UsageError(`no security ${code} in the store.`);
        const { result, metrics } = await computeReview(store, { cutoff, effectiveDate, methodology: argv.methodology, overridesFile: argv.overrides });
        const m = metrics.find((x) => x.code === code);
        const decision = result.decisions.find((d) => d.code === code);
        if (!m || !decision) throw new JobError(`${code} was not screened at the review of ${cutoff} (not listed by then, or gone before its window).`);
        return buildExplanation(result, m, decision);
      });
      ctx.stdout(argv.format === 'json' ? `${JSON.stringify(explanation, null, 2)}\n` : renderExplanation(explanation));
    },
  };
}
