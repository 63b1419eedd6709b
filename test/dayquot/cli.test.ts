import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/main.js';
import { openStore } from '../../src/db/connection.js';
import { insertSecurities, makeTempDirs, writeText } from './helpers.js';

const REAL = resolve(__dirname, '../fixtures/real');
const SAMPLE = join(REAL, 'hkex-dayquot-d260901e-sample.htm');
const HOLIDAY = join(REAL, 'hkex-dayquot-d261001e-holiday.htm');

function capture(): { ctx: CliContext; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, env: {},
    now: () => new Date('2026-11-22T08:00:00Z'), isTTY: false,
  };
  return { ctx, out: () => out, err: () => err };
}

const tmp = makeTempDirs();
let db: string;
let dir: string;

beforeEach(async () => {
  dir = tmp.dir();
  db = join(dir, 'cli.db');
  const store = await openStore(db);
  insertSecurities(store, ['00001', '00003', '00005', '00007', '00046', '00106', '00700', '09988', '00127', ['80737', 'CNY']]);
  await store.close();
});
afterEach(() => tmp.cleanup());

async function run(...args: string[]) {
  const c = capture();
  const code = await runCli(['--db', db, ...args], c.ctx);
  return { code, out: c.out(), err: c.err() };
}
async function count(sql: string): Promise<unknown> {
  const store = await openStore(db);
  try {
    return store.sqlite.prepare(sql).pluck().get();
  } finally {
    await store.close();
  }
}

describe('hkconnect ingest shares / dayquot through runCli', () => {
  it('loads shares, then the sample and the holiday report: exit 0, one summary line per file, the missing-shares row on stderr', async () => {
    const shares = writeText(dir, 'shares.csv', 'code,date,shares_issued\n1,2026-06-30,3829975732\n700,2026-09-01,9200000000\n46,2026-06-30,250000000\n');
    const s = await run('ingest', 'shares', shares);
    expect(s).toEqual({ code: 0, out: `${shares}: 3 rows read, 3 stored, 0 rejected\n`, err: '' });

    const d = await run('ingest', 'dayquot', SAMPLE, HOLIDAY);
    expect(d.code).toBe(0);
    expect(d.out).toBe([
      `${SAMPLE}: 14 rows read, 6 stored, 4 rejected; 4 rows for codes not in securities`,
      `${HOLIDAY}: 0 rows read, 0 stored, 0 rejected; 2026-10-01 is a holiday (NO TRADING): marked closed`,
      '',
    ].join('\n'));
    expect(d.err).toContain(`${SAMPLE}, line 78, field "shares_issued": no shares issued on record for code 00127 on or before 2026-09-01; load a shares file first`);
    expect(d.err.trim().split('\n')).toHaveLength(4);
    expect(await count(`SELECT market_cap_hkd FROM daily WHERE code = '00700' AND date = '2026-09-01'`)).toBe(4_060_880_000_000);
    expect(await count(`SELECT COUNT(*) FROM calendar WHERE source = 'dayquot'`)).toBe(2);
  });

  it('--strict rejects the report on its first bad row: exit 2, one sentence naming file, line and field, nothing stored', async () => {
    const d = await run('ingest', 'dayquot', '--strict', SAMPLE);
    expect(d.code).toBe(2);
    expect(d.out).toBe(`${SAMPLE}: 1 rows read, 0 stored, 1 rejected; file rejected, nothing from it was stored\n`);
    expect(d.err).toMatch(new RegExp(`^hkconnect: ${SAMPLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 56, field "shares_issued": no shares issued`));
    expect(d.err).not.toMatch(/\n\s+at /);
    expect(await count('SELECT COUNT(*) FROM daily')).toBe(0);
    expect(await count("SELECT COUNT(*) FROM calendar WHERE source <> 'seed'")).toBe(0); // only the bundled calendar
  });

  it('a shares file with a bad row loads the rest (exit 0); with --strict it exits 2', async () => {
    const file = writeText(dir, 'bad.csv', 'code,date,shares_issued\n1,2026-06-30,100\n700,2026-06-31,5\n');
    const lenient = await run('ingest', 'shares', file);
    expect(lenient.code).toBe(0);
    expect(lenient.err).toBe(`${file}, line 3, field "date": "2026-06-31" is not a real calendar date\n`);
    const strict = await run('ingest', 'shares', '--strict', file);
    expect(strict.code).toBe(2);
    expect(strict.err).toContain('line 3, field "date"');
  });

  it('a report that is not one exits 2 with the reason', async () => {
    const file = writeText(dir, 'd260902e.htm', '<html>nothing here</html>');
    const d = await run('ingest', 'dayquot', file);
    expect(d.code).toBe(2);
    expect(d.err).toContain('no QUOTATIONS section found');
  });
});
