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
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    now: () => new Date(),
    isTTY: Boolean(process.stderr.isTTY),
  };
}
