#!/usr/bin/env node
import { runCli } from './main.js';
import { processContext } from './context.js';

// No top-level await: the same file is the entry of the CommonJS bundle (scripts/bundle.mjs).
void runCli(process.argv.slice(2), processContext()).then((code) => {
  process.exitCode = code;
});
