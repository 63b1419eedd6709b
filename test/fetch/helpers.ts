import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { loadSharesFile } from '../../src/ingest/load-shares.js';
import { insertSecurities, writeText } from '../dayquot/helpers.js';
import { runBuiltCliAsync } from '../support/run-cli.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';

const dirs: string[] = [];
const servers: ReplayServer[] = [];

/** Stops this file's servers and removes its stores (afterEach). */
export async function cleanUp(): Promise<void> {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

/** The codes of the real dayquot sample that are loaded as securities (the rest count as unknown codes). */
export const SAMPLE_CODES = ['00001', '00003', '00005', '00007', '00046', '00106', '00700', '09988', '00127'];

/** A store (the calendar comes with the migrations) with the sample's securities and their shares issued. */
export async function makeStore(): Promise<{ dir: string; db: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-fetch-'));
  dirs.push(dir);
  const db = join(dir, 'store.db');
  const store = await openStore(db);
  insertSecurities(store, [...SAMPLE_CODES, ['80737', 'CNY']]);
  const shares = ['code,date,shares_issued', ...SAMPLE_CODES.map((c) => `${Number(c)},2026-01-02,1000000000`)];
  await loadSharesFile(store, writeText(dir, 'shares.csv', `${shares.join('\n')}\n`), { strict: false });
  await store.close();
  return { dir, db };
}

export async function serve(routes: Parameters<typeof startReplayServer>[0]): Promise<ReplayServer> {
  const s = await startReplayServer(routes);
  servers.push(s);
  return s;
}

/** The built binary as a user runs it; stdout / stderr as `stdout` / `stderr`. */
export async function cli(db: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runBuiltCliAsync(['--db', db, ...args], { env: { ...process.env, HKCONNECT_DB: '' } });
  return { code: r.code, stdout: r.out, stderr: r.err };
}

/** `query fetches --format json` through the binary. */
export async function fetches(db: string): Promise<Array<Record<string, unknown>>> {
  const r = await cli(db, ['query', 'fetches', '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Array<Record<string, unknown>>;
}

export async function readStore<T>(db: string, sql: string, ...params: unknown[]): Promise<T> {
  const store = await openStore(db);
  try {
    return store.sqlite.prepare(sql).all(...params) as T;
  } finally {
    await store.close();
  }
}

/** Fast retries and no pacing, so the tests never wait on a real clock beyond a few ms. */
export const FAST = ['--rate-ms', '0', '--backoff-ms', '1', '--retries', '2', '--timeout-ms', '5000'];
