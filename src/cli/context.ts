/** What a command needs from the outside world, injected so tests can run the CLI in-process. */
export interface CliContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  /** The clock; tests and `--now` replace it. */
  readonly now: () => Date;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly isTTY: boolean;
}

/** The options every command accepts. */
export interface GlobalOptions {
  db?: string;
  debug?: boolean;
}

export function processContext(): CliContext {
  exitQuietlyOnBrokenPipe(process.stdout);
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    now: () => new Date(),
    isTTY: Boolean(process.stderr.isTTY),
  };
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
