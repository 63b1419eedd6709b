import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertBuilt, codes, integrityOf, runChild, seedCalendar, storeChecksum, weekdays, writeDailyCsv, writeSecuritiesCsv,
} from './helpers.js';

// Issue 8: two processes at once either both succeed or one waits and then succeeds;
// none crashes with "database is locked".
const dir = mkdtempSync(join(tmpdir(), 'hkc-conc-'));
const db = join(dir, 'store.db');
const codeList = codes(200);
const days = weekdays('2025-03-03', 120);
const fileA = join(dir, 'daily-a.csv');
const fileB = join(dir, 'daily-b.csv');

beforeAll(async () => {
  assertBuilt();
  expect((await runChild(['db', 'migrate', '--db', db])).code).toBe(0);
  seedCalendar(db, days);
  expect((await runChild(['ingest', 'securities', writeSecuritiesCsv(dir, codeList), '--db', db])).code).toBe(0);
  writeDailyCsv(fileA, codeList, days.slice(0, 60));
  writeDailyCsv(fileB, codeList, days.slice(60));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two processes on one store', () => {
  it('two loads at once both succeed and both files are stored whole', async () => {
    const [a, b] = await Promise.all([
      runChild(['ingest', 'daily', fileA, '--db', db]),
      runChild(['ingest', 'daily', fileB, '--db', db]),
    ]);
    expect(a.stderr).not.toMatch(/locked/i);
    expect(b.stderr).not.toMatch(/locked/i);
    expect([a.code, b.code]).toEqual([0, 0]);
    const history = await runChild(['query', 'history', codeList[0]!, '--format', 'json', '--db', db]);
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as unknown[]).length).toBe(days.length);
    expect(integrityOf(db).integrity).toBe('ok');
  });

  it('a load and readers at once: the readers see the store before or after the file, never half of it', async () => {
    const fileC = join(dir, 'daily-c.csv');
    writeDailyCsv(fileC, codeList, days, 11); // replaces every row
    const before = storeChecksum(db);
    const [load, ...reads] = await Promise.all([
      runChild(['ingest', 'daily', fileC, '--db', db]),
      ...[0, 1, 2].map(() => runChild(['query', 'history', codeList[5]!, '--format', 'json', '--db', db])),
    ]);
    expect(load.code).toBe(0);
    const bump11 = 1_000_000_000 + 6 * 1000 + 11; // code 00006 (index 5) as written by writeDailyCsv with bump 11
    for (const r of reads) {
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/locked/i);
      const caps = new Set((JSON.parse(r.stdout) as Array<{ marketCapHkd: number }>).map((x) => x.marketCapHkd === bump11));
      expect(caps.size).toBe(1); // all old or all new: one transaction
    }
    expect(storeChecksum(db)).not.toBe(before);
    expect(integrityOf(db).foreignKeys).toEqual([]);
  });
});
