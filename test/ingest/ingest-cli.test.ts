import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { openStore } from '../../src/db/connection.js';
import { runBuiltCli } from '../support/run-cli.js';
import { cleanTemp, expectStoreSound, tempDir, writeTemp } from './helpers.js';

afterEach(cleanTemp);

function context(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {}, now: () => new Date('2025-07-01T02:00:00Z'), isTTY,
  };
  return { ctx, out: () => out.join(''), err: () => err.join('') };
}

const SECURITIES = 'code,name,board,type,currency,listing_date\n700,Tencent,MAIN,EQUITY,HKD,2004-06-16\n';

describe('hkconnect ingest (CLI)', () => {
  it('prints one summary line per file on stdout and exits 0', async () => {
    const db = join(tempDir(), 'cli.db');
    const sec = writeTemp('s.csv', SECURITIES);
    const daily = writeTemp('d.csv', 'date,code,market_cap_hkd,turnover_hkd,suspended\n2025-01-02,700,1,1,0\n2025-01-03,700,2,1,0\n');
    const a = context();
    expect(await runCli(['--db', db, 'ingest', 'securities', sec], a.ctx)).toBe(0);
    const b = context();
    expect(await runCli(['--db', db, 'ingest', 'daily', daily], b.ctx)).toBe(0);
    expect(b.out()).toBe(`${daily}: 2 rows read, 2 stored, 0 rejected\n`);
    expect(b.err()).toBe('');
    const store = await openStore(db);
    expect(store.sqlite.prepare('SELECT loaded_at FROM loads ORDER BY id').pluck().all()).toEqual(['2025-07-01T02:00:00.000Z', '2025-07-01T02:00:00.000Z']);
    expectStoreSound(store);
    await store.close();
  });

  it('non-strict: skipped rows go to stderr (at most 20, then "... and N more"), exit 0', async () => {
    const db = join(tempDir(), 'cli.db');
    await runCli(['--db', db, 'ingest', 'securities', writeTemp('s.csv', SECURITIES)], context().ctx);
    const bad = Array.from({ length: 25 }, (_, i) => `2025-01-02,${800 + i},1,1,0`).join('\n');
    const daily = writeTemp('d.csv', `date,code,market_cap_hkd,turnover_hkd,suspended\n2025-01-02,700,1,1,0\n${bad}\n`);
    const run = context();
    expect(await runCli(['--db', db, 'ingest', 'daily', daily], run.ctx)).toBe(0);
    const lines = run.err().trimEnd().split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${daily}, line 3, field "code": 00800 is not a known security (load it with \`ingest securities\` first)`);
    expect(lines[20]).toBe('... and 5 more');
    expect(run.out()).toBe(`${daily}: 26 rows read, 1 stored, 25 rejected\n`);
  });

  it('--strict: a bad row rejects the file, one sentence on stderr, no stack trace, exit 2', async () => {
    const db = join(tempDir(), 'cli.db');
    await runCli(['--db', db, 'ingest', 'securities', writeTemp('s.csv', SECURITIES)], context().ctx);
    const daily = writeTemp('d.csv', 'date,code,market_cap_hkd,turnover_hkd,suspended\n2025-01-02,700,1,1,0\n2025-01-03,700,x,1,0\n');
    const run = context();
    expect(await runCli(['--db', db, 'ingest', 'daily', daily, '--strict'], run.ctx)).toBe(2);
    expect(run.err()).toBe(`hkconnect: ${daily}, line 3, field "market_cap_hkd": "x" is not a number (nothing from the file was stored).\n`);
    expect(run.err()).not.toMatch(/\n\s+at /);
    const store = await openStore(db);
    expect(store.sqlite.prepare('SELECT count(*) FROM daily').pluck().get()).toBe(0);
    await store.close();
  });

  it('exits 2 for a wrong header, a missing file, an unknown kind, a bad --as-of, and a file of only bad rows', async () => {
    const db = join(tempDir(), 'cli.db');
    const header = writeTemp('h.csv', 'code,segmnt\n700,LARGE\n');
    const cases: Array<[string[], string]> = [
      [['ingest', 'hsci', header, '--as-of', '2025-09-08'], `hkconnect: ${header}, line 1: the header lacks the required column "segment".\n`],
      [['ingest', 'daily', '/nonexistent/d.csv'], 'hkconnect: /nonexistent/d.csv: no such file.\n'],
      [['ingest', 'hsci', header, '--as-of', '2025-02-30'], 'hkconnect: --as-of 2025-02-30 does not exist: February 2025 has 28 days.\n'],
    ];
    for (const [args, stderr] of cases) {
      const run = context();
      expect(await runCli(['--db', db, ...args], run.ctx)).toBe(2);
      expect(run.err()).toBe(stderr);
    }
    const unknown = context();
    expect(await runCli(['--db', db, 'ingest', 'prices', header], unknown.ctx)).toBe(2);
    // Other kinds (dayquot, shares, official) register after these five.
    expect(unknown.err()).toMatch(/^hkconnect: "prices" is not an input kind; use one of securities, daily, changes, hsci, southbound(, [a-z]+)*\.\n$/);
    const channel = context();
    expect(await runCli(['--db', db, 'ingest', 'southbound', header, '--as-of', '2025-09-08', '--channel', 'HK'], channel.ctx)).toBe(2);
    expect(channel.err()).toBe('hkconnect: --channel HK is not a channel; use SH or SZ.\n');
    const allBad = context();
    const file = writeTemp('b.csv', 'code,segment\n700,HUGE\n');
    expect(await runCli(['--db', db, 'ingest', 'hsci', file, '--as-of', '2025-09-08'], allBad.ctx)).toBe(2);
    expect(allBad.err()).toContain(`hkconnect: ${file}: none of its 1 rows could be stored (see the issues above).`);
  });

  it('bad usage is checked before the store is opened: exit 2, one sentence, and no store file is created (built binary)', () => {
    const header = writeTemp('h.csv', 'code,segment\n700,LARGE\n');
    const cases: Array<[string[], string]> = [
      [['ingest', 'hsci', header, '--as-of', '2025-02-30'], 'hkconnect: --as-of 2025-02-30 does not exist: February 2025 has 28 days.\n'],
      [['ingest', 'official', header, '--cutoff', '30/06/2026'], 'hkconnect: --cutoff "30/06/2026" is not a date of the form YYYY-MM-DD.\n'],
      [['ingest', 'daily', header, '--open-days', '2025-10-04'], 'hkconnect: --open-days 2025-10-04 is a Saturday; the market never opens on a weekend.\n'],
      [['ingest', 'daily', '--layout', 'wide', header], `hkconnect: --layout wide takes each file as FIELD=FILE (market_cap_hkd=caps.csv); "${header}" names no field.\n`],
      [['ingest', 'southbound', header, '--as-of', '2025-09-08', '--channel', 'HK'], 'hkconnect: --channel HK is not a channel; use SH or SZ.\n'],
      [['ingest', 'prices', header], expect.stringMatching(/^hkconnect: "prices" is not an input kind; use one of securities, daily, /) as unknown as string],
    ];
    for (const [args, stderr] of cases) {
      const db = join(tempDir(), 'sub', 'never.db');
      const r = runBuiltCli(['--db', db, ...args], { env: { ...process.env, HKCONNECT_DB: '' } });
      expect(r).toEqual({ code: 2, out: '', err: stderr });
      expect(existsSync(db)).toBe(false);
      expect(existsSync(dirname(db))).toBe(false);
    }
  });

  it('draws no progress on a non-TTY and a cleared one on a TTY for a big file', async () => {
    const db = join(tempDir(), 'cli.db');
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i % 99_999 + 1},MID,padding-padding-padding`).join('\n');
    const file = writeTemp('big.csv', `code,segment,note\n${rows}\n`);
    const plain = context(false);
    expect(await runCli(['--db', db, 'ingest', 'hsci', file, '--as-of', '2025-09-08'], plain.ctx)).toBe(0);
    expect(plain.err()).toBe('');
    const tty = context(true);
    expect(await runCli(['--db', db, 'ingest', 'hsci', file, '--as-of', '2025-09-08'], tty.ctx)).toBe(0);
    expect(tty.err()).toContain('(100%)');
    expect(tty.err().endsWith('\r\x1b[K')).toBe(true);
  });

  it('on a TTY, a batch of small files shows each file with its place in the batch', async () => {
    const db = join(tempDir(), 'cli.db');
    const a = writeTemp('a.csv', 'code,segment\n700,LARGE\n');
    const b = writeTemp('b.csv', 'code,segment\n5,LARGE\n');
    const single = context(true);
    expect(await runCli(['--db', db, 'ingest', 'hsci', a, '--as-of', '2025-09-08'], single.ctx)).toBe(0);
    expect(single.err()).toBe(''); // one small file: too fast to need a progress line
    const batch = context(true);
    expect(await runCli(['--db', db, 'ingest', 'hsci', a, b, '--as-of', '2025-09-08'], batch.ctx)).toBe(0);
    expect(batch.err()).toContain(`[1 of 2] ${a}: `);
    expect(batch.err()).toContain(`[2 of 2] ${b}: `);
    expect(batch.err().endsWith('\r\x1b[K')).toBe(true);
  });
});
