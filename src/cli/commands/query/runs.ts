import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';

interface RunsArgs extends GlobalOptions { format?: RowFormat }

/** `query runs`: every recorded review run, by id (docs/contract.md: id, cutoff, kind, startedAt, finishedAt, status, trigger). */
export function queryRunsCommand(ctx: CliContext): CommandModule<GlobalOptions, RunsArgs> {
  return {
    command: 'runs',
    describe: 'The recorded review runs (from screen and schedule), by id',
    builder: (y) => y.options(rowFormatOption) as never,
    handler: async (argv) => {
      const { listRuns } = await import('../../../jobs/schedule-runs.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const { hongKongTimestamp } = await import('../../../domain/dates.js');
        const rows = (await listRuns(store)).map((r) => ({ ...r, startedAt: hongKongTimestamp(r.startedAt), finishedAt: hongKongTimestamp(r.finishedAt) }));
        ctx.stdout(formatRows(rows as unknown as Array<Record<string, unknown>>, argv.format ?? 'table',
          ['id', 'cutoff', 'kind', 'startedAt', 'finishedAt', 'status', 'trigger'], tableWidth(argv, ctx)));
      });
    },
  };
}
