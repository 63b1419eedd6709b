import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt, codes, integrityOf, runChild, seedCalendar, storeChecksum, weekdays, writeDailyCsv, writeSecuritiesCsv,
} from './helpers.js';

// Issue 8: a load killed with SIGKILL at any moment leaves the store exactly as before that file.
const dir = mkdtempSync(join(tmpdir(), 'hkc-kill-'));
const db = join(dir, 'store.db');
const codeList = codes(1000);
const days = weekdays('2025-01-06', 250); // 250,000 rows: long enough to be killed inside
const big = join(dir, 'daily-big.csv');

beforeAll(async () => {
  assertBuilt();
  const migrate = await runChild(['db', 'migrate', '--db', db]);
  expect(migrate.code).toBe(0);
  seedCalendar(db, days);
  expect((await runChild(['ingest', 'securities', writeSecuritiesCsv(dir, codeList), '--db', db])).code).toBe(0);
  // A first, small load the killed loads must not disturb.
  const first = join(dir, 'daily-first.csv');
  writeDailyCsv(first, codeList, days.slice(0, 5));
  expect((await runChild(['ingest', 'daily', first, '--db', db])).code).toBe(0);
  writeDailyCsv(big, codeList, days, 7);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Puts the store back to a copy taken while no process had it open (a dead writer's WAL must not be replayed onto it). */
function restore(copy: string): void {
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  copyFileSync(copy, db);
}

// Nine loads of 250,000 rows and their checksums: minutes on a busy machine, not the default minute.
describe('SIGKILL in the middle of a load', { timeout: 240_000 }, () => {
  it('leaves every table exactly as before the file or exactly as after it, however often it happens', async () => {
    const before = storeChecksum(db);
    // The whole load once, on a copy, timed: the kills below land at fractions of that time, so they
    // fall inside the load on a fast machine and a slow one alike.
    const pristine = join(dir, 'pristine.db');
    copyFileSync(db, pristine);
    const started = Date.now();
    expect((await runChild(['ingest', 'daily', big, '--db', db])).code).toBe(0);
    const fullMs = Date.now() - started;
    const after = storeChecksum(db);
    expect(after).not.toBe(before);
    let killedMidway = 0;
    for (const fraction of [0.05, 0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9]) {
      restore(pristine);
      const result = await runChild(['ingest', 'daily', big, '--db', db], (child) => {
        setTimeout(() => child.kill('SIGKILL'), Math.round(fullMs * fraction));
      });
      const now = storeChecksum(db);
      // Never anything in between: a kill before COMMIT leaves the store as before, one after it as after.
      expect([before, after]).toContain(now);
      if (result.signal === 'SIGKILL' && now === before) killedMidway += 1;
      if (result.signal !== 'SIGKILL') expect(now).toBe(after);
      const { integrity, foreignKeys } = integrityOf(db);
      expect(integrity).toBe('ok');
      expect(foreignKeys).toEqual([]);
    }
    // The test means something only if kills really landed during loads.
    expect(killedMidway).toBeGreaterThanOrEqual(4);
    // The WAL may hold the dead writers' pages; the store still reads as before (checked above).
    expect(statSync(db).size).toBeGreaterThan(0);
    restore(pristine);
  });

  it('then loads the same file completely when left alone', async () => {
    const before = storeChecksum(db);
    const result = await runChild(['ingest', 'daily', big, '--db', db]);
    expect(result.code).toBe(0);
    expect(storeChecksum(db)).not.toBe(before);
    const again = storeChecksum(db);
    expect((await runChild(['ingest', 'daily', big, '--db', db])).code).toBe(0);
    expect(storeChecksum(db)).toBe(again); // idempotent
  });
});
