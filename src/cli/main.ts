import { createRequire } from 'node:module';
import type { Argv } from 'yargs';
import type { CliContext, GlobalOptions } from './context.js';
import { commandModules } from './commands/index.js';
import { UsageError } from '../domain/errors.js';
import { describeUsageFailure, joinMessageLines } from './usage-message.js';
import { packageVersion } from './package-version.js';

/**
 * yargs' CommonJS build: its ESM build wraps help text with a minimal wrapper that cuts words in
 * half ("an\nd run the latest ..."); the CommonJS build wraps at word boundaries. Same API.
 */
const yargs = createRequire(import.meta.url)('yargs') as (args?: readonly string[]) => Argv;

/**
 * Builds the yargs parser (exported for tests). Command modules are cheap to import: each handler
 * imports its job lazily, so `hkconnect --help` stays fast.
 */
export function buildParser(ctx: CliContext): Argv<GlobalOptions> {
  let parser = yargs()
    .scriptName('hkconnect')
    .usage('$0 <command> [options]\n\nPredicts HSCI and Southbound Stock Connect changes at each review.')
    .option('db', {
      type: 'string',
      describe: 'SQLite database file (default: $HKCONNECT_DB, else ./data/hkconnect.db)',
    })
    .option('debug', { type: 'boolean', default: false, describe: 'Print stack traces on errors' })
    .option('wide', { type: 'boolean', default: false, describe: 'Tables at full width (by default they fit $COLUMNS or the terminal)' })
    .strict()
    .demandCommand(1, 'Name a command; see hkconnect --help.')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .help()
    .alias('h', 'help')
    .version(packageVersion())
    .alias('v', 'version')
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(describeUsageFailure(msg));
    }) as unknown as Argv<GlobalOptions>;
  for (const make of commandModules) parser = parser.command(make(ctx) as never);
  return parser;
}

/** Runs one command line; returns the exit code (0 ok, 1 job failed, 2 bad usage or input). */
export async function runCli(args: string[], ctx: CliContext): Promise<number> {
  const debug = args.includes('--debug');
  let helpOutput = '';
  try {
    const parser = buildParser(ctx);
    await parser.parseAsync(args, {}, (err, _argv, output) => {
      // yargs hands --help / completion text here instead of printing it.
      if (!err && output) helpOutput = output;
    });
    if (helpOutput) ctx.stdout(helpOutput.endsWith('\n') ? helpOutput : `${helpOutput}\n`);
    return 0;
  } catch (err) {
    return reportError(err, ctx, debug);
  }
}

function reportError(err: unknown, ctx: CliContext, debug: boolean): number {
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { exitCode?: number }).exitCode ?? 1;
  // One line, but never cut: a multi-line message keeps every line, joined.
  const message = joinMessageLines(e.message) || e.name;
  ctx.stderr(`hkconnect: ${message}\n`);
  if (debug && e.stack) ctx.stderr(`${e.stack}\n`);
  return code;
}
