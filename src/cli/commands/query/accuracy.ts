import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';
import { parseOptionalDateOption } from './query-args.js';

interface AccuracyArgs extends GlobalOptions { format?: RowFormat; from?: string; to?: string; all?: boolean }

const COLUMNS = ['cutoff', 'methodology', 'list', 'hits', 'missed', 'extra', 'precision', 'recall', 'diffId', 'runId', 'official', 'createdAt', 'note'];

/**
 * `query accuracy`: precision and recall per review and list from the stored diffs, oldest review first:
 * the latest diff of each review and list, or with `--all` every stored diff (the history). JSON and CSV
 * carry the figures unrounded (null when undefined, `note` saying why); the table shows four decimals.
 */
export function queryAccuracyCommand(ctx: CliContext): CommandModule<GlobalOptions, AccuracyArgs> {
  return {
    command: 'accuracy',
    describe: 'Precision and recall of the latest diff per review and list against official announcements (--all: every stored diff)',
    builder: (y) => y.options({
      ...rowFormatOption,
      from: { type: 'string', describe: 'first cut-off (YYYY-MM-DD)' },
      to: { type: 'string', describe: 'last cut-off (YYYY-MM-DD)' },
      all: { type: 'boolean', default: false, describe: 'every stored diff (the history), not only the latest per review and list' },
    }) as never,
    handler: async (argv) => {
      const from = parseOptionalDateOption('from', argv.from);
      const to = parseOptionalDateOption('to', argv.to);
      const { readAccuracy } = await import('../../../db/repositories/diffs.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      const { formatRatio } = await import('../../../report/diff-rows.js');
      const { hongKongTimestamp } = await import('../../../domain/dates.js');
      await withStore(argv, ctx, async (store) => {
        const format = argv.format ?? 'table';
        const rows = readAccuracy(store.sqlite, { from, to, all: argv.all }).map((r) => ({
          ...r,
          ...(format === 'table' ? { precision: formatRatio(r.precision), recall: formatRatio(r.recall) } : {}),
          createdAt: hongKongTimestamp(r.createdAt),
          note: [r.hits + r.extra === 0 ? 'precision 1 by convention: nothing predicted' : '', r.hits + r.missed === 0 ? 'recall 1 by convention: nothing official' : ''].filter((n) => n !== '').join('; '),
        }));
        ctx.stdout(formatRows(rows as unknown as Array<Record<string, unknown>>, format, COLUMNS, tableWidth(argv, ctx)));
      });
    },
  };
}
