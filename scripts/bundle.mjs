// Bundles the compiled CLI (dist/src/cli/bin.js and everything it imports, kysely and luxon
// included) into one CommonJS file, dist/hkconnect.cjs, and puts the launcher beside it as
// dist/hkconnect.js, the `hkconnect` binary; then a warm-up run makes V8's code cache for it.
//
// Why (issue 7): Node 20 resolves, reads and links ES modules one by one; the CLI's ~150 own
// modules plus kysely's ~280 took ~180 ms before a command began (kysely alone 145 ms). One file
// loads in a fraction of that, and from the code cache (scripts/launcher.mjs) without compiling.
// better-sqlite3 stays outside (a native addon), and yargs too: main.ts loads its CommonJS build
// on purpose through createRequire, which the bundle keeps as a runtime require.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/bin.js'],
  outfile: 'dist/hkconnect.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['better-sqlite3', 'yargs'],
  // main.ts asks for import.meta.url (createRequire); in CommonJS that is this file's URL.
  banner: { js: "const __hkcImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__hkcImportMetaUrl' },
  logLevel: 'warning',
});
// The launcher wraps the bundle as a CommonJS function body, where bin.ts's `#!` line is no longer first.
const bundled = readFileSync('dist/hkconnect.cjs', 'utf8');
if (bundled.startsWith('#!')) writeFileSync('dist/hkconnect.cjs', `//${bundled.slice(2)}`);
copyFileSync('scripts/launcher.mjs', 'dist/hkconnect.js');
chmodSync('dist/hkconnect.js', 0o755);

// The warm-up: the demo (a sample market loaded, and reviewed) in a scratch folder, then a review of
// it again, which writes the cache: so the cache holds what a review compiles, freshly. Written from
// the demo's own process it was a worse cache (measured: a review 714 against 673 ms, --help 163
// against 140 ms): that process also loads the market, and its early functions' bytecode may be
// flushed by the time it exits. Failing it costs speed, not correctness: warn and go on.
const cache = resolve('dist/hkconnect.cjs.cache');
rmSync(cache, { force: true });
const scratch = mkdtempSync(join(tmpdir(), 'hkc-warm-'));
try {
  const db = join(scratch, 'warm.db');
  const run = (args, env) => spawnSync(process.execPath, [resolve('dist/hkconnect.js'), ...args, '--db', db], {
    cwd: scratch, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8',
  });
  const demo = run(['demo'], {});
  const review = demo.status === 0 ? run(['screen', '--cutoff', '2026-06-30', '--format', 'json'], { HKCONNECT_WRITE_CODE_CACHE: cache }) : demo;
  if (review.status !== 0 || !existsSync(cache)) {
    console.warn(`bundle: no code cache (the warm-up run exited ${review.status}): ${(review.stderr ?? '').trim().split('\n')[0] ?? ''}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
