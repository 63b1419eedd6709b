import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';
import { parseDateOption } from './query-args.js';

interface ConstituentsArgs extends GlobalOptions { asOf?: string; format?: RowFormat }

/**
 * `query constituents --as-of DATE`: the HSCI list in force on DATE (the latest snapshot with
 * as_of <= DATE), `[{ code, segment }]` by code. No list loaded by then: an empty list and a note on stderr.
 */
export function queryConstituentsCommand(ctx: CliContext): CommandModule<GlobalOptions, ConstituentsArgs> {
  return {
    command: 'constituents',
    describe: 'The HSCI constituents (with segments) in force on a date',
    builder: (y) => y
      .option('as-of', { type: 'string', demandOption: true, describe: 'date (YYYY-MM-DD)' })
      .options(rowFormatOption) as never,
    handler: async (argv) => {
      const asOf = parseDateOption('as-of', argv.asOf);
      const { readHsciInForce } = await import('../../../db/repositories/list-snapshots.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const snapshot = await readHsciInForce(store.db, asOf);
        if (!snapshot) ctx.stderr(`hkconnect: no HSCI list was loaded with an as-of date on or before ${asOf}.\n`);
        ctx.stdout(formatRows(snapshot?.members ?? [], argv.format ?? 'table', ['code', 'segment']));
      });
    },
  };
}
