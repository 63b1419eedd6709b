import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt, codes, integrityOf, runChild, seedCalendar, storeChecksum, weekdays, writeDailyCsv, writeSecuritiesCsv,
} from './helpers.js';

// Issue 8: a load killed with SIGKILL at any moment leaves the store exactly as before that file.
const dir = mkdtempSync(join(tmpdir(), 'hkc-kill-'));
const db = join(dir, 'store.db');
const codeList = codes(400);
const days = weekdays('2025-01-06', 250); // 100,000 rows: long enough to be killed inside
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

describe('SIGKILL in the middle of a load', () => {
  it('leaves every table exactly as before the file, however often it happens', async () => {
    const before = storeChecksum(db);
    let killedMidway = 0;
    // Kill at increasing delays: from before the first row to deep inside the transaction.
    for (const delayMs of [40, 120, 220, 320, 450, 600, 800]) {
      const result = await runChild(['ingest', 'daily', big, '--db', db], (child) => {
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      });
      if (result.signal === 'SIGKILL') killedMidway += 1;
      expect(storeChecksum(db)).toBe(before);
      const { integrity, foreignKeys } = integrityOf(db);
      expect(integrity).toBe('ok');
      expect(foreignKeys).toEqual([]);
    }
    // The test means something only if kills really landed during loads.
    expect(killedMidway).toBeGreaterThanOrEqual(4);
    // The WAL may hold the dead writers' pages; the store still reads as before (checked above).
    expect(statSync(db).size).toBeGreaterThan(0);
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
