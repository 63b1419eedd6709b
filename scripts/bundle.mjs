// Bundles the compiled CLI (dist/src/cli/bin.js and everything it imports, kysely and luxon
// included) into one file, dist/hkconnect.js, the `hkconnect` binary.
//
// Why (issue 7): Node 20 resolves, reads and links ES modules one by one; the CLI's ~150 own
// modules plus kysely's ~280 took ~180 ms before a command began (kysely alone 145 ms), more than
// the review's whole read of the window. One file loads in a fraction of that.
// better-sqlite3 stays outside (a native addon), and yargs too: main.ts loads its CommonJS build
// on purpose through createRequire, which the bundle keeps as a runtime require.
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/src/cli/bin.js'],
  outfile: 'dist/hkconnect.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'yargs'],
  // CommonJS code inside an ES module bundle needs a real `require`.
  banner: { js: "import { createRequire as __hkcRequire } from 'node:module'; const require = __hkcRequire(import.meta.url);" },
  logLevel: 'warning',
});
