import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { capturingContext } from '../support/run-cli.js';
import { openStore } from '../../src/db/connection.js';

// Issue 8: every input kind meets every hostile file; each gets one clear sentence per problem
// (naming the file), exit 0 or 2 (never a crash, never a stack trace), and --strict stores nothing.

interface Kind { name: string; header: string; good: string; table: string; extra: string[]; numeric?: string; dated?: boolean }
const KINDS: Kind[] = [
  { name: 'securities', header: 'code,name,board,type,currency,listing_date', good: '700,Tencent,MAIN,EQUITY,HKD,2004-06-16', table: 'securities', extra: [], dated: true },
  { name: 'daily', header: 'date,code,market_cap_hkd,turnover_hkd,suspended', good: '2025-01-02,700,1000,10,0', table: 'daily', extra: [], numeric: '1000', dated: true },
  { name: 'changes', header: 'code,date,field,value', good: '700,2025-01-02,wvr,1', table: 'attribute_changes', extra: [], dated: true },
  { name: 'hsci', header: 'code,segment', good: '700,LARGE', table: 'hsci_members', extra: ['--as-of', '2025-01-02'] },
  { name: 'southbound', header: 'code,channel', good: '700,SH', table: 'southbound_members', extra: ['--as-of', '2025-01-02'] },
  { name: 'shares', header: 'code,date,shares_issued', good: '700,2025-01-02,9000000000', table: 'shares_issued', extra: [], numeric: '9000000000', dated: true },
  { name: 'official', header: 'list,code', good: 'hsci_add,700', table: 'official_changes', extra: ['--cutoff', '2024-12-31'] },
];

/** Each hostile file: its content, and the exit code it must get whatever the mode (undefined: 0 or 2). */
interface Case { label: string; content: (k: Kind) => string | Buffer | null; exit?: number; storesGoodRow?: boolean }
const CASES: Case[] = [
  { label: 'empty file', content: () => '', exit: 2 },
  { label: 'header only', content: (k) => `${k.header}\n`, exit: 0 },
  { label: 'wrong header', content: () => 'foo,bar\n1,2\n', exit: 2 },
  { label: 'unterminated quote', content: (k) => `${k.header}\n${k.good}\n"700,broken\n` },
  { label: 'wrong delimiter', content: (k) => `${k.header.replaceAll(',', ';')}\n${k.good.replaceAll(',', ';')}\n`, exit: 2 },
  { label: 'BOM and CRLF', content: (k) => `\ufeff${k.header}\r\n${k.good}\r\n`, exit: 0, storesGoodRow: true },
  { label: 'non-UTF-8 bytes', content: (k) => Buffer.concat([Buffer.from(`${k.header}\n`), Buffer.from(k.good.replace('700', '700\xff'), 'latin1'), Buffer.from('\n')]) },
  { label: 'number with thousands commas', content: (k) => (k.numeric ? `${k.header}\n${k.good.replace(k.numeric, `"1,${k.numeric}"`)}\n` : null) },
  { label: 'number with an exponent that is not whole', content: (k) => (k.numeric ? `${k.header}\n${k.good.replace(k.numeric, '4.5e-1')}\n` : null) },
  { label: 'negative value', content: (k) => (k.numeric ? `${k.header}\n${k.good.replace(k.numeric, '-5')}\n` : null) },
  { label: 'absurd value', content: (k) => (k.numeric ? `${k.header}\n${k.good.replace(k.numeric, '200000000000000000')}\n` : null) },
  { label: 'date that does not exist', content: (k) => (k.dated ? `${k.header}\n${k.good.replace(/\d{4}-\d{2}-\d{2}/, '2025-02-30')}\n` : null) },
  { label: 'duplicate key', content: (k) => `${k.header}\n${k.good}\n${k.good}\n` },
  { label: 'code with letters', content: (k) => `${k.header}\n${k.good.replace('700', '70A')}\n` },
  { label: 'a 5 MB single line', content: (k) => `${k.header}\n${'x'.repeat(5_000_000)}\n` },
];

const dir = mkdtempSync(join(tmpdir(), 'hkc-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const context = () => capturingContext(new Date('2025-07-01T02:00:00Z'));

async function countRows(db: string, table: string): Promise<number> {
  const store = await openStore(db);
  const n = store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const integrity = store.sqlite.pragma('integrity_check', { simple: true });
  await store.close();
  expect(integrity).toBe('ok');
  return n;
}

describe.each(KINDS)('hostile input: ingest $name', (kind) => {
  const db = join(dir, `${kind.name}.db`);
  beforeAll(async () => {
    expect(await runCli(['--db', db, 'db', 'seed'], context().ctx)).toBe(0);
    const sec = join(dir, `${kind.name}-base.csv`);
    writeFileSync(sec, 'code,name,board,type,currency,listing_date\n700,Tencent,MAIN,EQUITY,HKD,2004-06-16\n');
    if (kind.name !== 'securities') expect(await runCli(['--db', db, 'ingest', 'securities', sec], context().ctx)).toBe(0);
  });

  it.each(CASES)('$label', async (c) => {
    const content = c.content(kind);
    if (content === null) return; // the kind has no such field
    const file = join(dir, `${kind.name}-${c.label.replaceAll(' ', '-')}.csv`);
    writeFileSync(file, content);
    for (const strict of [true, false]) {
      const before = await countRows(db, kind.table);
      const run = context();
      const code = await runCli(['--db', db, 'ingest', kind.name, file, ...kind.extra, ...(strict ? ['--strict'] : [])], run.ctx);
      const stderr = run.err();
      expect([0, 2]).toContain(code);
      if (c.exit !== undefined) expect(code).toBe(c.exit);
      expect(stderr).not.toMatch(/\n\s+at |TypeError|RangeError|SqliteError/);
      // Every line on stderr is a sentence about this file (or the one-line summary of why it failed).
      for (const line of stderr.split('\n').filter(Boolean)) {
        expect(line.length).toBeLessThan(400);
        expect(line).toMatch(/hsci|southbound|shares|official|daily|changes|securities/);
      }
      const after = await countRows(db, kind.table);
      if (strict && code === 2) expect(after).toBe(before); // --strict: nothing from a bad file
      if (c.storesGoodRow) expect(after).toBeGreaterThanOrEqual(1); // read as a clean file: its row is stored
      if (c.label === 'header only') expect(after).toBe(before);
      if (c.exit === 0) expect(run.out()).toMatch(/rows read/);
    }
  });
});
