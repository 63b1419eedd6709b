#!/usr/bin/env node
import { runCli } from './main.js';
import { processContext } from './context.js';

process.exitCode = await runCli(process.argv.slice(2), processContext());
