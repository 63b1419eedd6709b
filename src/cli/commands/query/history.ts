import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import type { DailyRecord } from '../../../domain/types.js';
import { UsageError } from '../../../domain/errors.js';
import { unknownSecurity, withStore } from '../../with-store.js';
import { parseCodeArgument, parseOptionalDateOption } from './query-args.js';

interface HistoryArgs extends GlobalOptions { code?: string; from?: string; to?: string; format?: RowFormat }

/** docs/contract.md `query history` row: exactly these fields, by date. */
export function toHistoryRow(r: DailyRecord): { date: string; marketCapHkd: number; turnoverHkd: number; suspended: boolean; close: number | null } {
  return { date: r.date, marketCapHkd: r.marketCapHkd, turnoverHkd: r.turnoverHkd, suspended: r.suspended, close: r.close };
}

/** `query history CODE [--from] [--to]`: one security's daily records. An unknown code fails (exit 1). */
export function queryHistoryCommand(ctx: CliContext): CommandModule<GlobalOptions, HistoryArgs> {
  return {
    command: 'history <code>',
    describe: 'Daily market cap, turnover, suspension and close of one security, by date',
    builder: (y) => y
      .positional('code', { type: 'string', describe: 'stock code, with or without leading zeros' })
      .option('from', { type: 'string', describe: 'first date (YYYY-MM-DD), inclusive' })
      .option('to', { type: 'string', describe: 'last date (YYYY-MM-DD), inclusive' })
      .options(rowFormatOption) as never,
    handler: async (argv) => {
      const code = parseCodeArgument(argv.code);
      const from = parseOptionalDateOption('from', argv.from);
      const to = parseOptionalDateOption('to', argv.to);
      if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}.`);
      const { findSecurity } = await import('../../../db/repositories/securities.js');
      const { readDailyHistory } = await import('../../../db/repositories/daily-reads.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        if (!(await findSecurity(store.db, code))) throw unknownSecurity(code, store.path);
        const rows = readDailyHistory(store.sqlite, code, { from, to }).map(toHistoryRow);
        ctx.stdout(formatRows(rows, argv.format ?? 'table', ['date', 'marketCapHkd', 'turnoverHkd', 'suspended', 'close'], tableWidth(argv, ctx)));
      });
    },
  };
}
