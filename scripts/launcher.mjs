#!/usr/bin/env node
// The `hkconnect` binary (copied to dist/hkconnect.js by scripts/bundle.mjs). It runs the bundled CLI,
// dist/hkconnect.cjs, from V8's code cache when there is a valid one (dist/hkconnect.cjs.cache, made
// at build time by a warm-up run): parsing and compiling the ~1.3 MB bundle cost ~60 ms of every
// command. A missing or rejected cache (another Node version, other V8 flags) only means the bundle
// is compiled as usual; this file never writes the cache unless HKCONNECT_WRITE_CODE_CACHE names it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const file = fileURLToPath(new URL('./hkconnect.cjs', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  cachedData = undefined;
}
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
const writeTo = process.env.HKCONNECT_WRITE_CODE_CACHE;
if (writeTo) {
  // After the run, so the cache also holds every function the run compiled, not just the top level.
  process.once('exit', () => {
    writeFileSync(`${writeTo}.tmp`, script.createCachedData());
    renameSync(`${writeTo}.tmp`, writeTo);
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
