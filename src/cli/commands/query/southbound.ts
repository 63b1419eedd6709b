import type { CommandModule } from 'yargs';
import { tableWidth, type CliContext, type GlobalOptions } from '../../context.js';
import { channelOption, rowFormatOption } from '../../format-option.js';
import type { RowFormat } from '../../../report/format-rows.js';
import { CHANNELS, type Channel, type StockCode } from '../../../domain/types.js';
import { withStore } from '../../with-store.js';
import { parseDateOption } from './query-args.js';

interface SouthboundArgs extends GlobalOptions { asOf?: string; channel?: Channel; format?: RowFormat }

/** Merges per-channel code lists into `[{ code, channels }]` by code, channels in SH, SZ order. */
export function mergeChannelLists(lists: ReadonlyArray<{ channel: Channel; codes: readonly StockCode[] }>): Array<{ code: StockCode; channels: Channel[] }> {
  const byCode = new Map<StockCode, Set<Channel>>();
  for (const { channel, codes } of lists) for (const code of codes) (byCode.get(code) ?? byCode.set(code, new Set()).get(code)!).add(channel);
  return [...byCode.keys()].sort().map((code) => ({ code, channels: CHANNELS.filter((c) => byCode.get(code)!.has(c)) }));
}

/**
 * `query southbound --as-of DATE [--channel SH|SZ]`: the Southbound lists in force on DATE (per
 * channel, the latest snapshot with as_of <= DATE), merged per code. A channel with no list loaded by
 * then contributes nothing, with a note on stderr.
 */
export function querySouthboundCommand(ctx: CliContext): CommandModule<GlobalOptions, SouthboundArgs> {
  return {
    command: 'southbound',
    describe: 'The Southbound (SH/SZ) eligible securities in force on a date',
    builder: (y) => y
      .option('as-of', { type: 'string', demandOption: true, describe: 'date (YYYY-MM-DD)' })
      .option('channel', channelOption('only this channel'))
      .options(rowFormatOption) as never,
    handler: async (argv) => {
      const asOf = parseDateOption('as-of', argv.asOf);
      const channels: readonly Channel[] = argv.channel ? [argv.channel] : CHANNELS;
      const { readSouthboundInForce } = await import('../../../db/repositories/list-snapshots.js');
      const { readSecurityNames } = await import('../../../db/repositories/securities.js');
      const { formatRows } = await import('../../../report/format-rows.js');
      await withStore(argv, ctx, async (store) => {
        const lists = [];
        for (const channel of channels) {
          const snapshot = await readSouthboundInForce(store.db, asOf, channel);
          if (snapshot) lists.push(snapshot);
          else ctx.stderr(`hkconnect: no Southbound ${channel} list was loaded in ${store.path} with an as-of date on or before ${asOf}.\n`);
        }
        const merged = mergeChannelLists(lists);
        const names = await readSecurityNames(store.db, merged.map((m) => m.code));
        const rows = merged.map((m) => ({ code: m.code, name: names.get(m.code) ?? '', channels: m.channels }));
        ctx.stdout(formatRows(rows, argv.format ?? 'table', ['code', 'name', 'channels'], tableWidth(argv, ctx)));
      });
    },
  };
}
