import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSeedCalendar } from '../../src/jobs/seed-calendar.js';
import { runBuiltCli, runCliCaptured } from '../support/run-cli.js';

// Issue 16, as a new user meets it: 12 real names loaded from a vendor's files (the rest of the
// market missing), one constituent with no data, one whose data stops in May, a day the vendor
// shipped for 3 names only, a 00700 row in HK$ thousands and a 10,000x jump. The review used to
// delete BYD at "98.9% coverage" with Warnings (0).
const dir = process.env.KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'hkc-imperfect-market-'));
const db = join(dir, 'store.db');
afterAll(() => { if (!process.env.KEEP_DIR) rmSync(dir, { recursive: true, force: true }); });
const cli = (...args: string[]) => runCliCaptured(db, new Date('2026-07-03T02:00:00Z'), args);

const NAMES: Array<[string, string, number]> = [
  ['700', 'TENCENT', 5000], ['5', 'HSBC HOLDINGS', 2000], ['9988', 'BABA-W', 2000], ['941', 'CHINA MOBILE', 1800],
  ['939', 'CCB', 1500], ['1398', 'ICBC', 1400], ['2318', 'PING AN', 900], ['3690', 'MEITUAN-W', 800],
  ['1299', 'AIA', 700], ['388', 'HKEX', 700], ['1211', 'BYD COMPANY', 689], ['11', 'HANG SENG BANK', 200],
];

beforeAll(async () => {
  const securities = ['code,name,board,type,currency,listing_date', ...NAMES.map(([c, n]) => `${c},${n},MAIN,EQUITY,HKD,2005-01-03`), '2,CLP HOLDINGS,MAIN,EQUITY,HKD,1986-01-02'];
  const days = readSeedCalendar().filter((d) => d.isTradingDay && d.date >= '2025-05-02' && d.date <= '2026-06-30').map((d) => d.date);
  const rows = ['date,code,market_cap_hkd,turnover_hkd,suspended'];
  for (const d of days) {
    for (const [code, , bn] of NAMES) {
      if (d === '2026-03-16' && !['700', '5', '9988'].includes(code)) continue; // the vendor's thin day
      if (code === '11' && d > '2026-05-29') continue; // data stops before C
      let cap = bn * 1e9;
      if (code === '700' && d === '2026-02-11') cap = bn * 1e6; // a row in HK$ thousands
      if (code === '9988' && d === '2026-04-14') cap = bn * 1e5; // a 10,000x move (a wrong share count)
      rows.push(`${d},${code},${cap},${Math.round(bn * 1e7)},0`);
    }
  }
  const hsci = ['code,segment', '700,LARGE', '5,LARGE', '9988,LARGE', '941,LARGE', '939,LARGE', '1398,LARGE', '2318,LARGE', '3690,LARGE',
    '1299,LARGE', '388,LARGE', '1211,LARGE', '11,MID', '2,MID'];
  for (const [name, text] of [['securities.csv', securities], ['daily.csv', rows], ['hsci.csv', hsci]] as const) writeFileSync(join(dir, name), `${text.join('\n')}\n`);
  expect((await cli('ingest', 'securities', join(dir, 'securities.csv'))).code).toBe(0);
  expect((await cli('ingest', 'daily', join(dir, 'daily.csv'))).code).toBe(0);
  expect((await cli('ingest', 'hsci', join(dir, 'hsci.csv'), '--as-of', '2026-03-09')).code).toBe(0);
});

describe('a review on a partial, imperfect market says so', () => {
  it('json: the data warnings come first, each naming counts, codes and dates', async () => {
    const r = await cli('screen', '--cutoff', '2026-06-30', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { warnings: string[]; hsci: { remove: Array<{ code: string; coverage: number }> } };
    expect(j.hsci.remove.find((x) => x.code === '01211')?.coverage).toBeGreaterThan(0.98); // the nonsense, now flagged:
    expect(j.warnings[0]).toMatch(/^the ranked universe holds 12 securities, where a full Main Board ranks about 2,200: /);
    expect(j.warnings[1]).toMatch(/^1 HSCI constituent\(s\) in force on 2026-06-30 have no daily data in the averaging window \(00002\)/);
    expect(j.warnings[2]).toMatch(/^2 listed securities have no daily record on 2026-06-30, the cut-off's trading day: 00002 \(none in the window\), 00011 \(last 2026-05-29\)/);
    expect(j.warnings[3]).toMatch(/^1 trading day\(s\) of the averaging window hold rows for fewer than 50% of the usual 12 securities: 2026-03-16 \(3\)/);
    expect(j.warnings).toContain('00700: market cap down 1,000x day over day, HK$5,000bn on 2026-02-10 to HK$5bn on 2026-02-11 (and 1 more such move(s), last 2026-02-11 to 2026-02-12); '
      + 'more than the 5x a real market cap moves in a day: check the source (a figure in HK$ thousands, a wrong share count) and reload the day');
    expect(j.warnings.some((w) => w.startsWith('09988: market cap down 10,000x day over day, HK$2,000bn on 2026-04-13 to HK$200m on 2026-04-14'))).toBe(true);
  });

  it('every format carries the warnings', async () => {
    for (const format of ['table', 'csv', 'md', 'html']) {
      const r = await cli('screen', '--cutoff', '2026-06-30', '--format', format);
      expect(r.code, format).toBe(0);
      expect(r.out, format).toContain('the ranked universe holds 12 securities, where a full Main Board ranks about 2,200');
      expect(r.out, format).toContain('have no daily data in the averaging window (00002)');
      expect(r.out, format).toContain('00700: market cap down 1,000x day over day');
    }
  });

  it('--strict-data makes them fatal: exit 1, one sentence, the run recorded as failed', async () => {
    const r = await cli('screen', '--cutoff', '2026-06-30', '--strict-data');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^hkconnect: --strict-data: the store's data is not sufficient for the review of 2026-06-30: the ranked universe holds 12 securities, .* \(and 3 more data warning\(s\)\)\.?\n$/);
    const runs = JSON.parse((await cli('query', 'runs', '--format', 'json')).out) as Array<{ status: string }>;
    expect(runs.at(-1)?.status).toBe('failed');
  });

  it('the overrides file sets the plausibility factor (a parameter)', async () => {
    writeFileSync(join(dir, 'loose.json'), JSON.stringify({ dataQuality: { maxDayOverDayFactor: 20_000 } }));
    const r = await cli('screen', '--cutoff', '2026-06-30', '--format', 'json', '--overrides', join(dir, 'loose.json'));
    const j = JSON.parse(r.out) as { warnings: string[] };
    expect(j.warnings.filter((w) => / day over day, /.test(w))).toEqual([]);
  });

  it('a diff scored on this market carries the prediction\'s warnings, in every format, through the built binary', () => {
    const official = join(dir, 'official.csv');
    writeFileSync(official, 'list,code,name,channel\nhsci_remove,1211,BYD COMPANY,\n');
    const diff = (format: string) => runBuiltCli(['--db', db, 'diff', '--cutoff', '2026-06-30', '--official', official, '--format', format]);
    const json = diff('json');
    expect([json.code, json.err]).toEqual([0, '']);
    const warnings = (JSON.parse(json.out) as { warnings: string[] }).warnings;
    expect(warnings[0]).toMatch(/^the prediction: the ranked universe holds 12 securities, where a full Main Board ranks about 2,200: /);
    expect(warnings.some((w) => w.startsWith('the prediction: 00700: market cap down 1,000x day over day'))).toBe(true);
    for (const format of ['table', 'csv', 'md']) {
      const r = diff(format);
      expect(r.code, format).toBe(0);
      expect(r.out, format).toContain('the prediction: the ranked universe holds 12 securities');
    }
  });
});
