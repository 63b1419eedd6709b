import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../context.js';
import { unknownSecurity, withStore } from '../with-store.js';
import { normalizeStockCode } from '../../domain/codes.js';
import { JobError, UsageError } from '../../domain/errors.js';
import { requireDate } from '../date-option.js';
import type { Store } from '../../db/connection.js';
import type { PreviewOptions } from '../../jobs/run-preview.js';

interface ExplainArgs extends GlobalOptions {
  code?: string;
  cutoff?: string;
  methodology?: string;
  overrides?: string;
  effective?: string;
  format?: 'table' | 'json';
  asOf?: string;
  odds?: boolean;
  paths?: number;
  seed?: number;
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
        .option('as-of', { type: 'string', describe: 'explain the preview of --cutoff with the data up to this date' })
        .option('odds', { type: 'boolean', default: false, describe: 'with --as-of: show its odds and their main driver' })
        .option('paths', { type: 'number', describe: 'with --odds: simulated paths (default 4000)' })
        .option('seed', { type: 'number', describe: 'with --odds: the random seed (default 1)' })
        .option('format', { choices: ['table', 'json'] as const, default: 'table' as const, describe: 'readable text (table) or JSON' }) as never,
    handler: async (argv) => {
      const code = normalizeStockCode(String(argv.code ?? ''));
      if (code === null) throw new UsageError(`"${argv.code}" is not a stock code (1 to 5 digits).`);
      const cutoff = requireDate(argv.cutoff, 'cutoff');
      const effectiveDate = argv.effective === undefined ? undefined : requireDate(argv.effective, 'effective');
      const asOf = argv.asOf === undefined ? undefined : requireDate(argv.asOf, 'as-of');
      if (asOf === undefined && argv.odds) throw new UsageError('--odds needs --as-of (a preview has days left to simulate).');
      const { computeReview } = await import('../../jobs/run-review.js');
      const { buildExplanation, renderExplanation } = await import('../../screen/explain-security.js');
      const { explainPreview, renderPreviewExplanation } = await import('../../screen/explain-preview.js');
      const options = { cutoff, effectiveDate, methodology: argv.methodology, overridesFile: argv.overrides };
      const { explanation, preview } = await withStore(argv, ctx, async (store) => {
        const known = store.sqlite.prepare('SELECT 1 FROM securities WHERE code = ?').pluck().get(code);
        if (known === undefined) throw unknownSecurity(code, store.path);
        const { result, metrics } = asOf === undefined ? await computeReview(store, options) : await previewWithOdds(store, { ...options, asOf }, argv);
        const m = metrics.find((x) => x.code === code);
        const decision = result.decisions.find((d) => d.code === code);
        if (!m || !decision) throw new JobError(`${code} was not screened at the review of ${cutoff} (not listed by then, or gone before its window).`);
        const inferred = store.sqlite.prepare('SELECT listing_date_inferred FROM securities WHERE code = ?').pluck().get(code) === 1;
        return { explanation: buildExplanation(result, m, decision, { listingDateInferred: inferred }), preview: explainPreview(result, code) };
      });
      if (argv.format === 'json') ctx.stdout(`${JSON.stringify(preview === null ? explanation : { ...explanation, preview }, null, 2)}\n`);
      else {
        // Wrapped to the terminal as the review's prose is (--wide, a pipe or a file: whole lines).
        const { fitProse } = await import('../../report/fit-prose.js');
        ctx.stdout(fitProse(renderExplanation(explanation) + (preview === null ? '' : renderPreviewExplanation(preview)), tableWidth(argv, ctx)));
      }
    },
  };
}

/** The preview of C as of D, with its odds when asked. */
async function previewWithOdds(store: Store, options: PreviewOptions, argv: ExplainArgs) {
  const { computePreview } = await import('../../jobs/run-preview.js');
  const preview = await computePreview(store, options);
  if (argv.odds) {
    const { addOdds } = await import('../../jobs/run-odds.js');
    addOdds(preview, { paths: argv.paths, seed: argv.seed });
  }
  return preview;
}
