import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { JobError } from '../../domain/errors.js';
import { withNewOrExistingStore } from '../with-store.js';
import { fetchOptions, fetchSettingsFrom, type FetchOptionArgs } from '../fetch-options.js';
import { parseOptionalDateOption } from './query/query-args.js';

interface FetchArgs extends GlobalOptions, FetchOptionArgs {
  source?: string; date?: string; from?: string; to?: string; url?: string | string[]; asOf?: string;
}

/**
 * `hkconnect fetch SOURCE`: download a public source, check it, keep it and load it, with a record
 * of each fetch (`query fetches`). One line per fetch on stdout; exit 1 when any fetch was refused
 * or failed (the sentence on stderr names the first), 2 for bad usage.
 */
export function fetchCommand(ctx: CliContext): CommandModule<GlobalOptions, FetchArgs> {
  return {
    command: 'fetch <source>',
    describe: 'Download a public source (dayquot, securities, sse, szse, hsci) into the store, with a record of each fetch',
    builder: (y) =>
      y
        .positional('source', { type: 'string', describe: 'dayquot (HKEX daily quotations), securities (HKEX ListOfSecurities.xlsx), sse, szse (Southbound lists), hsci (the Hang Seng HSCI export with its size-index exports, by --url or --base-url)' })
        .option('date', { type: 'string', describe: 'dayquot: the report date (YYYY-MM-DD)' })
        .option('from', { type: 'string', describe: 'dayquot: first date of a range (trading days only)' })
        .option('to', { type: 'string', describe: 'dayquot: last date of a range (default today in Hong Kong)' })
        .option('as-of', { type: 'string', describe: 'Lists that print no date (the SSE download, until their parsers date them): the date in force from (default today in Hong Kong)' })
        .option('url', { type: 'string', describe: 'The whole address to fetch instead of the source\'s own; hsci: one per export, KEY=URL (hsci, large, mid, small, large-mid)' })
        .options(fetchOptions) as never,
    handler: async (argv) => {
      const date = parseOptionalDateOption('date', argv.date);
      const from = parseOptionalDateOption('from', argv.from);
      const to = parseOptionalDateOption('to', argv.to);
      const asOf = parseOptionalDateOption('as-of', argv.asOf);
      const urls = argv.url === undefined ? [] : [argv.url].flat();
      const { runFetch } = await import('../../jobs/fetch.js');
      await withNewOrExistingStore(argv, ctx, async (store) => {
        const settings = { ...(await fetchSettingsFrom(argv, store.path)), now: ctx.now };
        const reports = await runFetch(store, {
          source: argv.source ?? '', date, from, to, asOf, urls, onFetch: (r) => ctx.stdout(`${r.message}\n`),
        }, settings);
        const bad = reports.filter((r) => r.record.outcome === 'refused' || r.record.outcome === 'failed');
        if (bad.length > 0) {
          const first = bad[0]!.message.replace(/\.$/, '');
          throw new JobError(bad.length === 1 ? `${first}.` : `${bad.length} of ${reports.length} fetches did not load; the first: ${first}.`);
        }
      });
    },
  };
}
