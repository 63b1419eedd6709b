import type { CommandModule } from 'yargs';
import type { CliContext, GlobalOptions } from '../context.js';
import { withNewOrExistingStore } from '../with-store.js';
import { formatInputIssue, UsageError } from '../../domain/errors.js';
import { CHANNELS, type Channel } from '../../domain/types.js';
import { INGEST_KINDS, listIngestKinds } from '../../ingest/kinds.js';
import type { LoadSummary } from '../../ingest/types.js';

interface IngestArgs extends GlobalOptions {
  kind?: string;
  files?: string[];
  strict?: boolean;
  asOf?: string;
  cutoff?: string;
  channel?: string;
  openDays?: string;
  dateFormat?: string;
  layout?: string;
}

/**
 * `hkconnect ingest KIND FILE...` (docs/contract.md "Input files"). Summary lines go to stdout, row
 * issues to stderr (at most 20 per file); exits 2 when a file was rejected or nothing of it stored.
 */
export function ingestCommand(ctx: CliContext): CommandModule<GlobalOptions, IngestArgs> {
  return {
    command: 'ingest <kind> <files..>',
    describe: 'Load input files of one kind (one transaction per file); bad rows are skipped and reported unless --strict',
    builder: (y) =>
      y
        .positional('kind', { type: 'string', describe: `one of ${listIngestKinds().join(', ')}. ${kindHelp()}` })
        .positional('files', { type: 'string', array: true, describe: 'the files to load, in order' })
        .option('strict', { type: 'boolean', default: false, describe: 'reject a whole file (store nothing from it) on its first bad row' })
        .option('as-of', { type: 'string', describe: 'hsci, southbound: the date the list is in force from (YYYY-MM-DD)' })
        .option('cutoff', { type: 'string', describe: 'official: the review cut-off the announcement belongs to (YYYY-MM-DD)' })
        .option('channel', { type: 'string', describe: 'southbound: the channel of a list without a channel column (the SSE JSON download)' })
        .option('open-days', { type: 'string', describe: 'daily: DATE[,DATE...] days the bundled calendar marks closed on which the market was open (rows on other closed days are bad rows)' })
        .option('date-format', { type: 'string', describe: 'daily, securities, changes, shares: how the file writes dates, e.g. DD/MM/YYYY or MM/DD/YYYY (default YYYY-MM-DD; never guessed)' })
        .option('layout', { type: 'string', describe: 'daily: long (date,code,... rows; the default) or wide (FIELD=FILE per field: the date down, one column per ticker)' }) as never,
    handler: async (argv) => {
      const { checkIngestRequest, ingestFiles } = await import('../../jobs/ingest.js');
      const { formatIssueLines, formatSummaryLine, formatWarningLines, exitCodeOf } = await import('../../ingest/format-load-report.js');
      const { createProgressLine } = await import('../../ingest/progress-line.js');
      let progress: ReturnType<typeof createProgressLine> | null = null;
      const fileCount = argv.files?.length ?? 0;
      let fileIndex = 0;
      const request = {
        kind: argv.kind ?? '', files: argv.files ?? [], strict: Boolean(argv.strict),
        asOf: argv.asOf, cutoff: argv.cutoff, channel: parseChannelOption(argv.channel), now: ctx.now(), dateFormat: argv.dateFormat, layout: parseLayoutOption(argv.layout),
        openDays: argv.openDays === undefined ? undefined : argv.openDays.split(',').map((d) => d.trim()).filter((d) => d !== ''),
      };
      // Checked before the store is opened: bad usage (a bad --as-of) is exit 2 and creates no store file.
      checkIngestRequest(request);
      const summaries = await withNewOrExistingStore(argv, ctx, (store) =>
        ingestFiles(store, {
          ...request,
          progressFor: ctx.isTTY
            ? (file) => {
                fileIndex += 1;
                progress = createProgressLine(ctx.stderr, file, { index: fileIndex, count: fileCount });
                return progress.update;
              }
            : undefined,
          onFile: (summary) => {
            progress?.done();
            for (const line of formatIssueLines({ ...summary, fileIssue: undefined })) ctx.stderr(`${line}\n`);
            for (const line of formatWarningLines(summary)) ctx.stderr(`${line}\n`);
            ctx.stdout(`${formatSummaryLine(summary)}\n`);
          },
        }),
      );
      if (exitCodeOf(summaries) !== 0) throwFailures(summaries, ctx);
    },
  };
}

/** Prints every failed file's sentence but the last, and throws the last (one sentence, exit 2). */
function throwFailures(summaries: readonly LoadSummary[], ctx: CliContext): never {
  const sentences = summaries.flatMap((s) => failureSentence(s) ?? []);
  for (const sentence of sentences.slice(0, -1)) ctx.stderr(`hkconnect: ${sentence}\n`);
  throw new UsageError(sentences[sentences.length - 1] ?? 'a file was not loaded.');
}

function failureSentence(summary: LoadSummary): string | null {
  if (summary.fileIssue) {
    const tail = summary.rowsRead > 0 ? ' (nothing from the file was stored)' : '';
    return `${formatInputIssue(summary.fileIssue)}${tail}.`;
  }
  if (summary.rowsRead > 0 && summary.rowsStored === 0) return `${summary.file}: none of its ${summary.rowsRead} rows could be stored (see the issues above).`;
  return null;
}

/** `--channel` as SH or SZ (yargs' own choices error spans lines; this is one sentence). */
function parseChannelOption(value: string | undefined): Channel | undefined {
  if (value === undefined) return undefined;
  const channel = CHANNELS.find((c) => c === value.toUpperCase());
  if (!channel) throw new UsageError(`--channel ${value} is not a channel; use SH or SZ.`);
  return channel;
}

function kindHelp(): string {
  return Object.values(INGEST_KINDS).map((k) => k.describe).join('; ');
}

/** `--layout` as long or wide (one sentence otherwise). */
function parseLayoutOption(value: string | undefined): 'long' | 'wide' | undefined {
  if (value === undefined || value === 'long' || value === 'wide') return value;
  throw new UsageError(`--layout ${value} is not a layout; use long or wide.`);
}
