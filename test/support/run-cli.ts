import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliRun { code: number; out: string; err: string }

const root = resolve(import.meta.dirname, '../..');

/**
 * The built binary, as package.json's `bin` names it (the tsc output; `npm test` builds first). Tests
 * that spawn the CLI as a user would run this file, never a path of their own.
 */
export const CLI_BIN = resolve(root, (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { bin: { hkconnect: string } }).bin.hkconnect);

/** Runs the built binary as a child process (synchronously); returns the exit code and both streams. */
export function runBuiltCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI_BIN, ...args], {
    cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

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

/**
 * Runs the built binary as a child process without blocking this process's event loop (a test that
 * serves HTTP from its own process, such as the fetch tests' replay server, needs it to keep answering).
 */
export function runBuiltCliAsync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, out, err }));
  });
}
