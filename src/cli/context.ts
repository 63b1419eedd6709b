/** What a command needs from the outside world, injected so tests can run the CLI in-process. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The clock; tests and `--now` replace it. */
  readonly now: () => Date;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly isTTY: boolean;
  /** The width tables must fit: $COLUMNS, else the terminal's; none (no cutting) for a pipe or file. */
  readonly columns?: number;
}

/** The options every command accepts. */
export interface GlobalOptions {
  db?: string;
  debug?: boolean;
  /** Tables at full width, never cut to the terminal. */
  wide?: boolean;
}

/** The width a table printed to stdout must fit, or undefined for no limit (`--wide`, a pipe, a file). */
export function tableWidth(argv: GlobalOptions, ctx: CliContext): number | undefined {
  return argv.wide ? undefined : ctx.columns;
}

export function processContext(): CliContext {
  exitQuietlyOnBrokenPipe(process.stdout);
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    now: () => new Date(),
    isTTY: Boolean(process.stderr.isTTY),
    columns: terminalColumns(),
  };
}

/** $COLUMNS when set (a user's choice wins, even for a pipe), else the terminal's width when stdout is one. */
function terminalColumns(): number | undefined {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

/**
 * A reader that stops early (`hkconnect query history 700 | head`) closes the pipe: stop quietly, as
 * Unix tools do, instead of dying on an unhandled EPIPE with a Node stack trace. Any other write
 * failure is one sentence and exit 1.
 */
function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    process.stderr.write(`hkconnect: cannot write the output: ${err.message}\n`);
    process.exit(1);
  });
}
