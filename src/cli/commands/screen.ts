import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';
import { requireDate } from '../date-option.js';
import { UsageError } from '../../domain/errors.js';
import { REVIEW_FORMATS, type ReviewFormat } from '../../report/review-formats.js';
import type { ReviewResult } from '../../domain/types.js';
import type { PreviewOptions } from '../../jobs/run-preview.js';

interface ScreenArgs extends GlobalOptions {
  cutoff?: string;
  effective?: string;
  methodology?: string;
  overrides?: string;
  format?: ReviewFormat;
  out?: string;
  decisions?: boolean;
  asOf?: string;
  strictData?: boolean;
  odds?: boolean;
  paths?: number;
  seed?: number;
  trackingAum?: string;
}

/** `hkconnect screen --cutoff DATE`: runs and records the review of that cut-off, then prints or writes it. */
export function screenCommand(ctx: CliContext): CommandModule<GlobalOptions, ScreenArgs> {
  return {
    command: 'screen',
    describe: 'Run the review for a cut-off (semi-annual or quarterly by date; any other date is a preview)',
    builder: (y) =>
      y
        .option('cutoff', { type: 'string', demandOption: true, describe: 'the data cut-off C (YYYY-MM-DD)' })
        .option('effective', { type: 'string', describe: 'override the effective date E (YYYY-MM-DD)' })
        .option('methodology', { type: 'string', describe: 'methodology id (default hsci-2025)' })
        .option('overrides', { type: 'string', describe: 'a JSON file of methodology parameter overrides' })
        .option('format', { choices: REVIEW_FORMATS, default: 'table' as ReviewFormat, describe: 'output format' })
        .option('out', { type: 'string', describe: 'write the report to this file instead of stdout' })
        .option('as-of', { type: 'string', describe: 'preview the review of --cutoff with the data up to this date (before the cut-off); records no run' })
        .option('odds', { type: 'boolean', default: false, describe: 'with --as-of: simulate the days left and give each name its probability of each list change' })
        .option('paths', { type: 'number', describe: 'with --odds: simulated paths (default 4000)' })
        .option('seed', { type: 'number', describe: 'with --odds: the random seed (default 1); the same seed gives the same odds' })
        .option('tracking-aum', { type: 'string', describe: 'HK$ of passive assets tracking the HSCI (e.g. 250e9 or 250bn): each add and delete gets its estimated demand' })
        .option('decisions', { type: 'boolean', default: false, describe: 'json: also print every screened security\'s decision and checks (large)' })
        .option('strict-data', { type: 'boolean', default: false, describe: 'fail (exit 1) instead of warning when the data is not sufficient: a partial market, constituents or securities without data, thin days' }) as never,
    handler: async (argv) => {
      const cutoff = requireDate(argv.cutoff, 'cutoff');
      const effectiveDate = argv.effective === undefined ? undefined : requireDate(argv.effective, 'effective');
      const format = argv.format ?? 'table';
      if (argv.out !== undefined) await requireWritableDirectory(argv.out);
      const asOf = argv.asOf === undefined ? undefined : requireDate(argv.asOf, 'as-of');
      if (asOf !== undefined && argv.strictData) throw new UsageError('--strict-data applies to a review of the cut-off, not to a preview with --as-of.');
      if (asOf === undefined && (argv.odds || argv.paths !== undefined || argv.seed !== undefined)) {
        throw new UsageError('--odds, --paths and --seed need --as-of (a preview has days left to simulate).');
      }
      const trackingAum = argv.trackingAum === undefined ? undefined : parseHkdAmount(argv.trackingAum, 'tracking-aum');
      const { renderReview } = await import('../../report/render-review.js');
      const run = asOf === undefined
        ? await runRecordedReview(argv, ctx, cutoff, effectiveDate, trackingAum)
        : await runPreview(argv, ctx, { cutoff, effectiveDate, asOf, methodology: argv.methodology, overridesFile: argv.overrides }, trackingAum);
      const text = renderReview(run.result, format, { decisions: argv.decisions, width: argv.out === undefined ? tableWidth(argv, ctx) : undefined });
      if (argv.out === undefined) {
        ctx.stdout(text);
        return;
      }
      const { writeFile } = await import('node:fs/promises');
      try {
        await writeFile(argv.out, text, 'utf8');
      } catch (err) {
        throw new UsageError(`cannot write ${argv.out}: ${(err as Error).message}`);
      }
      const r = run.result;
      const changes = r.hsci.add.length + r.hsci.remove.length + r.southbound.SH.add.length + r.southbound.SH.remove.length
        + r.southbound.SZ.add.length + r.southbound.SZ.remove.length;
      const what = run.runId === null ? `preview of the ${r.kind} review of ${cutoff} as of ${asOf}` : `${r.kind} review of ${cutoff} (run ${run.runId}`;
      ctx.stdout(`Wrote the ${what}${run.runId === null ? ' (' : ', '}${changes} list changes) as ${format} to ${argv.out}\n`);
    },
  };
}

/** The review of a cut-off, run and recorded under the scheduler's lock (a manual and a scheduled run never overlap, issue 6). */
async function runRecordedReview(
  argv: ScreenArgs, ctx: CliContext, cutoff: string, effectiveDate: string | undefined, trackingAum: number | undefined,
): Promise<{ runId: number | null; result: ReviewResult }> {
  const { computeReview, runReview } = await import('../../jobs/run-review.js');
  const { withReviewLock } = await import('../../jobs/job-lock.js');
  const options = { cutoff, effectiveDate, methodology: argv.methodology, overridesFile: argv.overrides, trigger: 'cli' as const, now: ctx.now(), strictData: argv.strictData };
  return withStore(argv, ctx, (store) => withReviewLock(store, 'screen', ctx.now(), async () => {
    if (trackingAum === undefined) return runReview(store, options);
    // --tracking-aum: the flows need the review's metrics, so it is computed here and recorded as computed.
    const computed = await computeReview(store, options);
    const run = await runReview(store, options, computed);
    const { addFlows } = await import('../../jobs/add-flows.js');
    addFlows(store, run.result, computed.metrics, trackingAum, computed.plan.methodology);
    return run;
  }));
}

/** `--tracking-aum`: a positive HK$ amount, plain or with a bn / m suffix. */
export function parseHkdAmount(text: string, option: string): number {
  const m = /^\s*([0-9]+(?:\.[0-9]+)?(?:e[0-9]+)?)\s*(bn|m)?\s*$/i.exec(text);
  const unit = m?.[2]?.toLowerCase();
  const value = m ? Number(m[1]) * (unit === 'bn' ? 1e9 : unit === 'm' ? 1e6 : 1) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`--${option} "${text}" is not a positive HK$ amount (e.g. 250e9 or 250bn).`);
  return value;
}

/** `--as-of D`: the preview of review C with the data up to D; it only reads the store and records no run. */
async function runPreview(argv: ScreenArgs, ctx: CliContext, options: PreviewOptions, trackingAum: number | undefined): Promise<{ runId: number | null; result: ReviewResult }> {
  const { computePreview } = await import('../../jobs/run-preview.js');
  const { addFlows } = await import('../../jobs/add-flows.js');
  const preview = await withStore(argv, ctx, async (store) => {
    const computed = await computePreview(store, options);
    if (trackingAum !== undefined) addFlows(store, computed.result, computed.metrics, trackingAum, computed.plan.methodology);
    return computed;
  });
  if (argv.odds) {
    const { addOdds } = await import('../../jobs/run-odds.js');
    addOdds(preview, { paths: argv.paths, seed: argv.seed });
  }
  return { runId: null, result: preview.result };
}

/** Checks `--out`'s directory before the review runs, so a typo costs no run (and records none). */
async function requireWritableDirectory(out: string): Promise<void> {
  const { access, constants } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  const dir = dirname(out);
  try {
    await access(dir, constants.W_OK);
  } catch {
    throw new UsageError(`cannot write ${out}: the directory ${dir} does not exist or is not writable.`);
  }
}
