#!/usr/bin/env node
// The `hkconnect` binary. With --debug, stack traces name the TypeScript lines in src/: Node maps only
// the modules loaded after source maps are enabled, so the CLI is imported after this line.
if (process.argv.includes('--debug')) process.setSourceMapsEnabled(true);

const { runCli } = await import('./main.js');
const { processContext } = await import('./context.js');
process.exitCode = await runCli(process.argv.slice(2), processContext());
