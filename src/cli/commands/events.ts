import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';
import { rowFormatOption } from '../format-option.js';
import type { RowFormat } from '../../report/format-rows.js';
import { requireDate } from '../date-option.js';

interface EventsArgs extends GlobalOptions {
  from?: string;
  to?: string;
  format?: RowFormat;
  methodology?: string;
  overrides?: string;
}

/** The CSV columns, in the order of the JSON rows' keys. */
const EVENT_CSV_COLUMNS = ['code', 'event', 'date', 'reason', 'name'] as const;

/** `hkconnect events --from DATE --to DATE`: the interim events expected in that range (docs/methodology.md §8). */
export function eventsCommand(ctx: CliContext): CommandModule<GlobalOptions, EventsArgs> {
  return {
    command: 'events',
    describe: 'Interim events expected between two dates (fast entries, long-suspension deletions, new A+H, WVR seasoning, primary conversions)',
    builder: (y) =>
      y
        .option('from', { type: 'string', demandOption: true, describe: 'first date of the range (YYYY-MM-DD)' })
        .option('to', { type: 'string', demandOption: true, describe: 'last date of the range (YYYY-MM-DD)' })
        .option('methodology', { type: 'string', describe: 'methodology id (default hsci-2025)' })
        .option('overrides', { type: 'string', describe: 'a JSON file of methodology parameter overrides' })
        .options(rowFormatOption) as never,
    handler: async (argv) => {
      const from = requireDate(argv.from, 'from');
      const to = requireDate(argv.to, 'to');
      const { resolveMethodology } = await import('../../jobs/run-review.js');
      const { listEventsFromStore } = await import('../../jobs/events.js');
      const { formatRows } = await import('../../report/format-rows.js');
      const methodology = await resolveMethodology(argv.methodology, argv.overrides);
      const result = await withStore(argv, ctx, (store) => listEventsFromStore(store, { from, to, methodology }));
      for (const w of result.warnings) ctx.stderr(`warning: ${w}\n`);
      const rows = result.events.map((e) => ({ code: e.code, event: e.event, date: e.date, reason: e.reason, name: e.name ?? '' }));
      const format = argv.format ?? 'table';
      // Named for csv too: with no rows there is no first row to take the header from (the header still prints).
      const columns = format === 'table' ? ['date', 'code', 'name', 'event', 'reason'] : EVENT_CSV_COLUMNS;
      ctx.stdout(formatRows(rows, format, columns, tableWidth(argv, ctx)));
    },
  };
}
