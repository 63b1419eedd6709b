import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';

interface FetchesArgs extends GlobalOptions { source?: string; format?: RowFormat }

export const FETCH_COLUMNS = [
  'id', 'source', 'target', 'fetchedAt', 'httpStatus', 'bytes', 'sha256', 'rows', 'asOf', 'outcome', 'reason', 'url', 'file', 'attempts',
] as const;

/** `query fetches [--source S]`: the fetch record, oldest first (README "Getting real data"). */
export function queryFetchesCommand(ctx: CliContext): CommandModule<GlobalOptions, FetchesArgs> {
  return {
    command: 'fetches',
    describe: 'The record of every fetch of a public source (fetch, schedule --collect), oldest first',
    builder: (y) => y
      .option('source', { type: 'string', describe: 'only this source (dayquot, securities, sse, szse, hsci)' })
      .options(rowFormatOption) as never,
    handler: async (argv) => {
      const { listFetches } = await import('../../../db/repositories/fetches.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const { hongKongTimestamp } = await import('../../../domain/dates.js');
        const rows = (await listFetches(store.db, argv.source)).map((r) => ({ ...r, fetchedAt: hongKongTimestamp(r.fetchedAt) }));
        const format = argv.format ?? 'table';
        // The table keeps to what fits a terminal; json and csv carry every field.
        const columns = format === 'table'
          ? ['id', 'source', 'target', 'fetchedAt', 'httpStatus', 'bytes', 'rows', 'asOf', 'outcome', 'reason']
          : [...FETCH_COLUMNS];
        const shaped = format === 'table' ? rows.map((r) => ({ ...r, reason: r.reason && r.reason.length > 60 ? `${r.reason.slice(0, 57)}...` : r.reason })) : rows;
        ctx.stdout(formatRows(shaped as unknown as Array<Record<string, unknown>>, format, columns, tableWidth(argv, ctx)));
      });
    },
  };
}
