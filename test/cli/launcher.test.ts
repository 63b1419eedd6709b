import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';

// The built binary: dist/hkconnect.js (scripts/launcher.mjs) runs dist/hkconnect.cjs from the code
// cache the build's warm-up wrote. The cache is an optimization only: without it, or with a bad
// one, the CLI must behave the same.
const dist = resolve('dist');
const built = existsSync(join(dist, 'hkconnect.cjs'));
// Inside the project, so the copies still find node_modules (yargs, better-sqlite3).
const scratch = built ? mkdtempSync(join(dist, '.launcher-test-')) : '';
afterAll(() => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

function runCopy(cache: Buffer | null): { status: number | null; stdout: string } {
  const dir = mkdtempSync(join(scratch, 'copy-'));
  copyFileSync(join(dist, 'hkconnect.js'), join(dir, 'hkconnect.js'));
  copyFileSync(join(dist, 'hkconnect.cjs'), join(dir, 'hkconnect.cjs'));
  if (cache) writeFileSync(join(dir, 'hkconnect.cjs.cache'), cache);
  const r = spawnSync(process.execPath, [join(dir, 'hkconnect.js'), '--help'], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout };
}

describe.runIf(built)('the built launcher and its code cache', () => {
  it('has a code cache that V8 accepts for the bundle', () => {
    const file = join(dist, 'hkconnect.cjs');
    const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData: readFileSync(`${file}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('runs the same without a cache and with a corrupt one', () => {
    const withCache = spawnSync(process.execPath, [join(dist, 'hkconnect.js'), '--help'], { encoding: 'utf8' });
    expect(withCache.status).toBe(0);
    expect(withCache.stdout).toContain('hkconnect <command>');
    expect(runCopy(null)).toEqual({ status: 0, stdout: withCache.stdout });
    expect(runCopy(Buffer.from('not a V8 code cache'))).toEqual({ status: 0, stdout: withCache.stdout });
  });
});
