import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { SOURCES } from '../../src/fetch/sources.js';
import { getMethodology } from '../../src/methodology/index.js';
import { dailyWriter } from '../support/daily.js';
import { renderDailyQuotations } from '../fixtures/dayquot/generate.js';
import { SAMPLE_QUOTES } from '../fixtures/dayquot/sample-quotes.js';
import { buildXlsx } from '../support/xlsx.js';
import { cleanUp, cli, FAST, fetches, makeStore, readStore, serve } from './helpers.js';

const REAL = resolve(__dirname, '../fixtures/real');
const real = (name: string): Buffer => readFileSync(join(REAL, name));
const DAYQUOT = real('hkex-dayquot-d260901e-sample.htm');
const HOLIDAY = real('hkex-dayquot-d261001e-holiday.htm');
const SECURITIES_XLSX = real('hkex-list-of-securities-2021-10-11.xlsx');
const SSE_AUG = real('sse-southbound-list-2026-08.json');
const SSE_AUG3 = real('sse-southbound-list-2026-08-03.json');
const ERROR_PAGE = '<!DOCTYPE html><html><head><title>Service Unavailable</title></head><body>Please try again later</body></html>';

const R = { fallbackAsOf: '2026-09-01' };
const dayquotPath = (date: string) => SOURCES.dayquot.path({ ...R, date });
const SECURITIES_PATH = SOURCES.securities.path(R);
const SSE_PATH = SOURCES.sse.path(R);
const SZSE_PATH = SOURCES.szse.path(R);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
afterEach(cleanUp);

describe('hkconnect fetch dayquot against a local server replaying the real report', () => {
  it('loads the report, records the fetch, keeps the copy; the same bytes again are not loaded twice', async () => {
    const { db, dir } = await makeStore();
    const server = await serve({ [dayquotPath('2026-09-01')]: [{ body: DAYQUOT, type: 'text/html' }] });
    const first = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^dayquot 2026-09-01: loaded 14 rows as of 2026-09-01, 10 stored \(fetch 1\); 4 rows for codes not in securities\n$/);
    expect(server.requests[0]!.userAgent).toMatch(/^hkconnect\//);
    const rows = await readStore<Array<{ n: number }>>(db, "SELECT count(*) AS n FROM daily WHERE date = '2026-09-01'");
    expect(rows[0]!.n).toBe(10);
    const second = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(second.code).toBe(0);
    expect(second.stdout).toBe('dayquot 2026-09-01: unchanged as of 2026-09-01 (fetch 2): the same bytes as fetch 1: not loaded twice\n');
    const loads = await readStore<Array<{ n: number }>>(db, "SELECT count(*) AS n FROM loads WHERE kind = 'dayquot'");
    expect(loads[0]!.n).toBe(1);
    const record = await fetches(db);
    expect(record).toHaveLength(2);
    expect(record[0]).toMatchObject({
      id: 1, source: 'dayquot', target: '2026-09-01', url: `${server.url}${dayquotPath('2026-09-01')}`, httpStatus: 200,
      bytes: DAYQUOT.length, sha256: sha(DAYQUOT), rows: 14, asOf: '2026-09-01', outcome: 'loaded', attempts: 1,
    });
    expect(record[0]!.fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(record[1]).toMatchObject({ outcome: 'unchanged', sha256: sha(DAYQUOT), file: record[0]!.file });
    const kept = String(record[0]!.file);
    expect(kept.startsWith(join(dir, 'fetched', 'dayquot', 'd260901e-'))).toBe(true);
    expect(readFileSync(kept).equals(DAYQUOT)).toBe(true);
  });

  it('a move beyond the day-over-day factor against the stored previous day is named in the fetch record (warnings, the rows stored)', async () => {
    const { db } = await makeStore();
    const store = await openStore(db);
    dailyWriter(store).run('00700', '2026-08-31', 441_400_000, 1, 0); // HK$ thousands: the report's 441.4 x 1bn shares is 1,000x that
    await store.close();
    const server = await serve({ [dayquotPath('2026-09-01')]: [{ body: DAYQUOT, type: 'text/html' }] });
    const r = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(r.code).toBe(0);
    const kept = String((await fetches(db))[0]!.file);
    expect(r.stdout).toBe('dayquot 2026-09-01: loaded 14 rows as of 2026-09-01, 10 stored (fetch 1); 4 rows for codes not in securities; '
      + `1 day-over-day warning (market cap moved more than ${getMethodology().dataQuality.maxDayOverDayFactor}x), first 00700: market cap up 1,000x day over day, `
      + `HK$441.4m on 2026-08-31 to HK$441.4bn on 2026-09-01 (all of them: hkconnect ingest dayquot ${kept})\n`);
    const rows = await readStore<Array<{ n: number }>>(db, "SELECT market_cap_hkd AS n FROM daily WHERE code = '00700' AND date = '2026-09-01'");
    expect(rows[0]!.n).toBe(441_400_000_000);
  });

  it('retries a 500 with backoff and loads the 200 that follows', async () => {
    const { db } = await makeStore();
    const server = await serve({ [dayquotPath('2026-09-01')]: [{ status: 500, body: ERROR_PAGE }, { status: 503, body: '' }, { body: DAYQUOT }] });
    const r = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(r.code).toBe(0);
    expect(server.requests).toHaveLength(3);
    expect((await fetches(db))[0]).toMatchObject({ outcome: 'loaded', attempts: 3, httpStatus: 200 });
  });

  it('gives up after the bounded retries: recorded failed, exit 1, one sentence, nothing stored', async () => {
    const { db } = await makeStore();
    const server = await serve({ [dayquotPath('2026-09-01')]: [{ status: 500, body: ERROR_PAGE }] });
    const r = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(r.code).toBe(1);
    expect(server.requests).toHaveLength(3); // the first try and --retries 2
    expect(r.stderr).toBe(`hkconnect: dayquot 2026-09-01: failed (fetch 1): ${server.url}${dayquotPath('2026-09-01')}: HTTP 500 after 3 attempts.\n`);
    expect((await fetches(db))[0]).toMatchObject({ outcome: 'failed', httpStatus: 500, attempts: 3, sha256: null });
    expect((await readStore<Array<{ n: number }>>(db, 'SELECT count(*) AS n FROM daily'))[0]!.n).toBe(0);
  });

  it('a 404 is not retried and says the report is not online', async () => {
    const { db } = await makeStore();
    const server = await serve({});
    const r = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST]);
    expect(r.code).toBe(1);
    expect(server.requests).toHaveLength(1);
    expect(r.stdout).toContain('HTTP 404 (not published yet, or no longer online) after 1 attempt');
  });

  it('refuses a truncated report and an error page; the last good copy stays in force', async () => {
    const { db } = await makeStore();
    const server = await serve({
      [dayquotPath('2026-09-01')]: [{ body: DAYQUOT }, { body: DAYQUOT.subarray(0, Math.floor(DAYQUOT.length * 0.6)) }, { body: ERROR_PAGE }],
    });
    const args = ['fetch', 'dayquot', '--date', '2026-09-01', '--base-url', server.url, ...FAST];
    expect((await cli(db, args)).code).toBe(0);
    const truncated = await cli(db, args);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toBe('dayquot 2026-09-01: refused (fetch 2): the report is truncated (it does not end with </html>); the last good copy (fetch 1, as of 2026-09-01) stays in force\n');
    const errorPage = await cli(db, args);
    expect(errorPage.stdout).toContain('refused (fetch 3): the page is not a daily quotations report (an error page)');
    expect((await readStore<Array<{ n: number }>>(db, "SELECT count(*) AS n FROM daily WHERE date = '2026-09-01'"))[0]!.n).toBe(10);
  });

  it('takes the NO TRADING page on a calendar holiday, refuses it on a trading day', async () => {
    const { db } = await makeStore();
    const server = await serve({ [dayquotPath('2026-10-01')]: [{ body: HOLIDAY }], [dayquotPath('2026-09-02')]: [{ body: HOLIDAY }] });
    const holiday = await cli(db, ['fetch', 'dayquot', '--date', '2026-10-01', '--base-url', server.url, ...FAST]);
    expect(holiday.code).toBe(0);
    expect(holiday.stdout).toContain('dayquot 2026-10-01: loaded 0 rows as of 2026-10-01');
    const trading = await cli(db, ['fetch', 'dayquot', '--date', '2026-09-02', '--base-url', server.url, ...FAST]);
    expect(trading.code).toBe(1);
    expect(trading.stdout).toBe('dayquot 2026-09-02: refused (fetch 2): HKEX served its NO TRADING page for 2026-09-02, a trading day in the calendar (the report is not published yet)\n');
  });

  it('fetches a range day by day, skipping weekends and holidays, and refuses a report that shrank by more than --max-shrink', async () => {
    const { db } = await makeStore();
    const report = (date: string, n: number) => renderDailyQuotations({ date, quotes: SAMPLE_QUOTES.slice(0, n) });
    const server = await serve({
      [dayquotPath('2026-09-04')]: [{ body: report('2026-09-04', 14) }],
      [dayquotPath('2026-09-07')]: [{ body: report('2026-09-07', 12) }], // 14.3% fewer rows than 2026-09-04
      [dayquotPath('2026-09-08')]: [{ body: report('2026-09-08', 13) }], // 7.1% fewer: within 10%
    });
    const r = await cli(db, ['fetch', 'dayquot', '--from', '2026-09-04', '--to', '2026-09-08', '--base-url', server.url, ...FAST]);
    expect(server.requests.map((q) => q.path)).toEqual([dayquotPath('2026-09-04'), dayquotPath('2026-09-07'), dayquotPath('2026-09-08')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toBe('dayquot 2026-09-07: refused (fetch 2): the list shrank: it has 12 rows, 14.3% fewer than the 14 of the last good copy (more than the 10% allowed by --max-shrink)');
    expect(lines[2]).toMatch(/^dayquot 2026-09-08: loaded 13 rows/);
    expect(r.stderr).toBe(`hkconnect: ${lines[1]}.\n`); // one failure: its own sentence
  });
});

describe('hkconnect fetch of the lists', () => {
  it('sse: loads the real download as the SH list in force from --as-of, and refuses a shrunken list, keeping the last good one', async () => {
    const { db } = await makeStore();
    const shrunk = Object.fromEntries(Object.entries(JSON.parse(SSE_AUG.toString('utf8')) as Record<string, string>).slice(0, 500));
    const server = await serve({ [SSE_PATH]: [{ body: SSE_AUG, type: 'application/json' }, { body: JSON.stringify(shrunk) }] });
    const first = await cli(db, ['fetch', 'sse', '--as-of', '2026-08-31', '--base-url', server.url, ...FAST]);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/^sse: loaded 651 rows as of 2026-08-31, 651 stored \(fetch 1\)\n$/);
    expect(server.requests[0]!.referer).toBe('https://www.sse.com.cn/services/hkexsc/disclo/eligible/');
    const second = await cli(db, ['fetch', 'sse', '--as-of', '2026-09-07', '--base-url', server.url, ...FAST]);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('sse: refused (fetch 2): the list shrank: it has 500 rows, 23.2% fewer than the 651 of the last good copy (more than the 10% allowed by --max-shrink); the last good copy (fetch 1, as of 2026-08-31) stays in force\n');
    const inForce = await cli(db, ['query', 'southbound', '--as-of', '2026-09-08', '--channel', 'SH', '--format', 'json']);
    expect(JSON.parse(inForce.stdout)).toHaveLength(651);
  });

  it('sse: a larger --max-shrink lets the smaller list through; a later snapshot loads as its own date', async () => {
    const { db } = await makeStore();
    const server = await serve({ [SSE_PATH]: [{ body: SSE_AUG3 }, { body: SSE_AUG }] });
    expect((await cli(db, ['fetch', 'sse', '--as-of', '2026-08-03', '--base-url', server.url, ...FAST])).code).toBe(0);
    const later = await cli(db, ['fetch', 'sse', '--as-of', '2026-08-31', '--base-url', server.url, '--max-shrink', '0.5', ...FAST]);
    expect(later.code).toBe(0);
    const snapshots = await readStore<Array<{ as_of: string }>>(db, "SELECT as_of FROM list_snapshots WHERE list = 'SB_SH' ORDER BY as_of");
    expect(snapshots.map((s) => s.as_of)).toEqual(['2026-08-03', '2026-08-31']);
  });

  it('refuses an empty body, an HTML error page where JSON is expected, and a truncated xlsx', async () => {
    const { db } = await makeStore();
    const server = await serve({
      [SSE_PATH]: [{ body: '' }, { body: ERROR_PAGE, type: 'text/html' }],
      [SECURITIES_PATH]: [{ body: SECURITIES_XLSX.subarray(0, SECURITIES_XLSX.length - 5000) }, { body: ERROR_PAGE }],
    });
    const empty = await cli(db, ['fetch', 'sse', '--base-url', server.url, ...FAST]);
    expect(empty.stdout).toBe('sse: refused (fetch 1): the response is empty\n');
    expect(empty.code).toBe(1);
    const html = await cli(db, ['fetch', 'sse', '--base-url', server.url, ...FAST]);
    expect(html.stdout).toBe('sse: refused (fetch 2): an HTML page came back where JSON was expected (an error page)\n');
    const truncated = await cli(db, ['fetch', 'securities', '--base-url', server.url, ...FAST]);
    expect(truncated.stdout).toBe('securities: refused (fetch 3): the workbook is truncated (its zip directory is missing)\n');
    const errorPage = await cli(db, ['fetch', 'securities', '--base-url', server.url, ...FAST]);
    expect(errorPage.stdout).toBe('securities: refused (fetch 4): an HTML page came back where an xlsx workbook was expected (an error page)\n');
    expect((await fetches(db)).map((f) => f.outcome)).toEqual(['refused', 'refused', 'refused', 'refused']);
  });

  it('securities: the real ListOfSecurities.xlsx is read by ingest securities, dated by its "Updated as at"; the same bytes again are not loaded twice', async () => {
    const { db } = await makeStore();
    const server = await serve({ [SECURITIES_PATH]: [{ body: SECURITIES_XLSX }] });
    const r = await cli(db, ['fetch', 'securities', '--base-url', server.url, ...FAST]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^securities: loaded 18494 rows as of 2021-10-11, 18494 stored \(fetch 1\); /);
    const again = await cli(db, ['fetch', 'securities', '--base-url', server.url, ...FAST]);
    expect(again.stdout).toBe('securities: unchanged as of 2021-10-11 (fetch 2): the same bytes as fetch 1: not loaded twice\n');
    expect((await readStore<Array<{ n: number }>>(db, "SELECT count(*) AS n FROM loads WHERE kind = 'securities'"))[0]!.n).toBe(1);
  });

  it('szse: the workbook is read by the SZSE list parser and loaded as the SZ list; a shrunken one is refused', async () => {
    const { db } = await makeStore();
    const header = ['港股代码', '中文简称', '英文简称'];
    const names = Object.entries(JSON.parse(SSE_AUG.toString('utf8')) as Record<string, string>).slice(0, 100);
    const book = (n: number) => buildXlsx([header, ...names.slice(0, n).map(([code, name]) => [code, '', name.toUpperCase()])], { sheetName: '港股通标的证券名单' });
    const server = await serve({ [SZSE_PATH]: [{ body: book(100) }, { body: book(89) }] });
    const first = await cli(db, ['fetch', 'szse', '--as-of', '2026-08-03', '--base-url', server.url, ...FAST]);
    expect(first.stdout).toBe('szse: loaded 100 rows as of 2026-08-03, 100 stored (fetch 1)\n');
    const inForce = await cli(db, ['query', 'southbound', '--as-of', '2026-08-03', '--channel', 'SZ', '--format', 'json']);
    expect(JSON.parse(inForce.stdout)).toHaveLength(100);
    const shrunk = await cli(db, ['fetch', 'szse', '--as-of', '2026-08-10', '--base-url', server.url, ...FAST]);
    expect(shrunk.code).toBe(1);
    expect(shrunk.stdout).toMatch(/^szse: refused \(fetch 2\): the list shrank: it has 89 rows, 11% fewer than the 100 /);
  });

  it('bad usage is exit 2 with one sentence', async () => {
    const { db } = await makeStore();
    const cases: Array<[string[], RegExp]> = [
      [['fetch', 'nasdaq'], /"nasdaq" is not a source; use one of dayquot, securities, sse, szse, hsci\./],
      [['fetch', 'dayquot'], /dayquot needs --date DATE or --from DATE/],
      [['fetch', 'dayquot', '--date', '2026-02-30'], /--date 2026-02-30 does not exist: February 2026 has 28 days/],
      [['fetch', 'sse', '--date', '2026-09-01'], /--date, --from and --to are for dayquot/],
      [['fetch', 'sse', '--base-url', 'ftp://x'], /--base-url "ftp:\/\/x" is not an http\(s\) address/],
      [['fetch', 'sse', '--max-shrink', '1'], /--max-shrink must be at least 0 and below 1/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(db, args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
