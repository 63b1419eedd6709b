import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built binary (npm run build): the previews' end-to-end tests drive it as a user would. */
export const BIN = resolve('dist/hkconnect.js');
export const BUILT = existsSync(BIN);

export interface BinRun { code: number; out: string; err: string }

/** Spawns `node dist/hkconnect.js --db DB ...args` and returns its exit code and streams. */
export function runBin(db: string, args: readonly string[]): BinRun {
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env: { ...process.env, HKCONNECT_DB: '' }, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A fresh store with the calendar and the synthetic sample market, loaded through the binary. */
export function sampleStore(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-previews-'));
  const db = join(dir, 'sample.db');
  const r = runBin(db, ['db', 'seed', '--sample']);
  if (r.code !== 0) throw new Error(`db seed --sample failed: ${r.err}`);
  return { dir, db };
}
