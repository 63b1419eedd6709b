import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withStore } from '../with-store.js';
import type { Channel } from '../../domain/types.js';
import { channelOption } from '../format-option.js';
import { DIFF_FORMATS, type DiffFormat } from '../../report/diff-formats.js';
import { requireDate } from '../date-option.js';

interface DiffArgs extends GlobalOptions {
  cutoff?: string;
  official?: string;
  channel?: Channel;
  methodology?: string;
  format?: DiffFormat;
}

/**
 * `hkconnect diff --cutoff DATE --official FILE`: the predicted lists against an official announcement,
 * per list hits / missed / extra with precision and recall, each mismatch explained; the diff is stored
 * once (a re-run of the same comparison stores nothing new).
 */
export function diffCommand(ctx: CliContext): CommandModule<GlobalOptions, DiffArgs> {
  return {
    command: 'diff',
    describe: 'Compare the predicted lists with an official announcement (hits, missed, extra, precision, recall)',
    builder: (y) =>
      y
        .option('cutoff', { type: 'string', demandOption: true, describe: 'the review cut-off C (YYYY-MM-DD)' })
        .option('official', { type: 'string', describe: 'the official file: list,code CSV; an SSE/SZSE notice CSV; a Southbound list (JSON or CSV). Default: the changes stored by ingest official' })
        .option('channel', channelOption('compare only this channel\'s Southbound lists (any file; also the channel of rows that name none); exit 2 when the file has none'))
        .option('methodology', { type: 'string', describe: 'methodology id (default hsci-2025)' })
        .option('format', { choices: DIFF_FORMATS, default: 'table' as DiffFormat, describe: 'table (summary, then one line per mismatch), json (everything, unrounded), csv (one row per list and per code), md' }) as never,
    handler: async (argv) => {
      const cutoff = requireDate(argv.cutoff, 'cutoff');
      const { runDiff, PREDICTION_WARNING } = await import('../../jobs/diff.js');
      const { renderDiff } = await import('../../report/render-diff.js');
      const report = await withStore(argv, ctx, (store) => runDiff(store, {
        cutoff, officialFile: argv.official, channel: argv.channel, methodology: argv.methodology, now: ctx.now(),
      }));
      ctx.stdout(renderDiff(report, argv.format ?? 'table'));
      // stderr repeats the official file's problems (rows skipped); the prediction's data warnings are in
      // the output only, as screen prints them.
      for (const w of report.warnings) if (!w.startsWith(PREDICTION_WARNING)) ctx.stderr(`hkconnect: warning: ${w}\n`);
    },
  };
}
