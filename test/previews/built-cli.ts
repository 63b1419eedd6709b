import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI_BIN, runBuiltCli, type CliRun } from '../support/run-cli.js';

/** The previews' end-to-end tests drive the built binary as a user would (skipped before a build). */
export const BUILT = existsSync(CLI_BIN);

/** `hkconnect --db DB ...args` through the built binary, HKCONNECT_DB cleared. */
export function runBin(db: string, args: readonly string[]): CliRun {
  return runBuiltCli(['--db', db, ...args], { env: { ...process.env, HKCONNECT_DB: '' } });
}

/** A fresh store with the calendar and the synthetic sample market, loaded through the binary. */
export function sampleStore(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-previews-'));
  const db = join(dir, 'sample.db');
  const r = runBin(db, ['db', 'seed', '--sample']);
  if (r.code !== 0) throw new Error(`db seed --sample failed: ${r.err}`);
  return { dir, db };
}
