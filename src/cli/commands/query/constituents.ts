import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { withStore } from '../../with-store.js';
import { parseDateOption } from './query-args.js';

interface ConstituentsArgs extends GlobalOptions { asOf?: string; format?: RowFormat }

/**
 * `query constituents --as-of DATE`: the HSCI list in force on DATE (the latest snapshot with
 * as_of <= DATE), `[{ code, name, segment }]` by code (name: the store's, blank for a code it does not hold). No list loaded by then: an empty list and a note on stderr.
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
      const { readSecurityNames } = await import('../../../db/repositories/securities.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const snapshot = await readHsciInForce(store.db, asOf);
        if (!snapshot) ctx.stderr(`hkconnect: no HSCI list was loaded in ${store.path} with an as-of date on or before ${asOf}.\n`);
        const members = snapshot?.members ?? [];
        const names = await readSecurityNames(store.db, members.map((m) => m.code));
        const rows = members.map((m) => ({ code: m.code, name: names.get(m.code) ?? '', segment: m.segment }));
        ctx.stdout(formatRows(rows, argv.format ?? 'table', ['code', 'name', 'segment'], tableWidth(argv, ctx)));
      });
    },
  };
}
