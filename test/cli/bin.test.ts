import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, runBuiltCli } from '../support/run-cli.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

// The binary package.json names, run as a process: what `npx hkconnect` runs.
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-bin-'));
  db = join(dir, 'store.db');
  const store = await buildScenarioStore(db);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built binary', () => {
  it('is the tsc output, executable, with a node shebang', () => {
    expect(CLI_BIN).toMatch(/dist\/src\/cli\/bin\.js$/);
    expect(readFileSync(CLI_BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(statSync(CLI_BIN).mode & 0o111).not.toBe(0);
  });

  it('prints its help', () => {
    const r = runBuiltCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('hkconnect <command>');
  });

  it.each(['table', 'json', 'csv', 'md', 'html'])('writes screen --out as %s', (format) => {
    const file = join(dir, `review.${format}`);
    const r = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-06-30', '--format', format, '--out', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(file);
    expect(readFileSync(file, 'utf8')).toContain('00003');
  });

  it('with --debug, points its stack trace at the TypeScript in src/', () => {
    const r = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-13-01', '--debug']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\(.*src\/cli\/commands\/screen\.ts:\d+:\d+\)/);
  });

  it('without --debug, prints one line and no trace', () => {
    const r = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-13-01']);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
