import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';
import { parseOptionalDateOption } from './query-args.js';

interface AccuracyArgs extends GlobalOptions { format?: RowFormat; from?: string; to?: string }

const COLUMNS = ['cutoff', 'list', 'hits', 'missed', 'extra', 'precision', 'recall', 'diffId', 'runId', 'official', 'createdAt'];

/** `query accuracy`: precision and recall of every stored diff, per review and list, oldest review first. */
export function queryAccuracyCommand(ctx: CliContext): CommandModule<GlobalOptions, AccuracyArgs> {
  return {
    command: 'accuracy',
    describe: 'Precision and recall of the stored diffs against official announcements, per review and list',
    builder: (y) => y.options({
      ...rowFormatOption,
      from: { type: 'string', describe: 'first cut-off (YYYY-MM-DD)' },
      to: { type: 'string', describe: 'last cut-off (YYYY-MM-DD)' },
    }) as never,
    handler: async (argv) => {
      const from = parseOptionalDateOption('from', argv.from);
      const to = parseOptionalDateOption('to', argv.to);
      const { readAccuracy } = await import('../../../jobs/diff-store.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const { hongKongTimestamp } = await import('../../../domain/dates.js');
        const rows = readAccuracy(store, { from, to }).map((r) => ({ ...r, createdAt: hongKongTimestamp(r.createdAt) }));
        ctx.stdout(formatRows(rows as unknown as Array<Record<string, unknown>>, argv.format ?? 'table', COLUMNS, tableWidth(argv, ctx)));
      });
    },
  };
}
