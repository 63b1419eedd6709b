import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun { code: number; out: string; err: string }

/** A CliContext that collects stdout and stderr, with an injected clock (never the real one). */
export function capturingContext(now: Date, isTTY = false): { ctx: CliContext; out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, now: () => now, isTTY };
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}

/** Runs the CLI in-process on the store `db` at the instant `now`; returns the exit code and both streams. */
export async function runCliCaptured(db: string, now: Date, args: readonly string[]): Promise<CliRun> {
  const c = capturingContext(now);
  const code = await runCli(['--db', db, ...args], c.ctx);
  return { code, out: c.out(), err: c.err() };
}
