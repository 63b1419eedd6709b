import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lastReportDay } from '../../src/jobs/schedule-collect.js';
import { SOURCES } from '../../src/fetch/sources.js';
import { renderDailyQuotations } from '../fixtures/dayquot/generate.js';
import { SAMPLE_QUOTES } from '../fixtures/dayquot/sample-quotes.js';
import { buildXlsx } from '../support/xlsx.js';
import { hangSengExport, REAL_HSCI, realConstituents } from '../files/hsci-exports.js';
import { cleanUp, cli, FAST, fetches, makeStore, serve } from './helpers.js';

const REAL = resolve(__dirname, '../fixtures/real');
const real = (name: string): Buffer => readFileSync(join(REAL, name));
const R = { fallbackAsOf: '2026-09-01' };
const dayquotPath = (date: string) => SOURCES.dayquot.path({ ...R, date });
const report = (date: string) => ({ body: renderDailyQuotations({ date, quotes: SAMPLE_QUOTES }) });

afterEach(cleanUp);

describe('lastReportDay: the close and the publication hour in Hong Kong time', () => {
  it.each([
    ['2026-09-07T17:59:59+08:00', '2026-09-06'],
    ['2026-09-07T18:00:00+08:00', '2026-09-07'],
    ['2026-09-07T09:59:00Z', '2026-09-06'], // 17:59 in Hong Kong
    ['2026-09-07T10:00:00Z', '2026-09-07'],
    ['2026-09-07T16:30:00Z', '2026-09-07'], // 00:30 on the 8th in Hong Kong: the 8th's report is not due yet, the 7th's is
  ])('at %s the latest report due is %s', (instant, day) => {
    expect(lastReportDay(new Date(instant), '18:00')).toBe(day);
  });
});

describe('hkconnect schedule --collect, against a local server replaying the files', () => {
  it('catches up the missed reports of the lookback, takes today\'s only after 18:00, fetches the lists weekly', async () => {
    const { db, dir } = await makeStore();
    const server = await serve({
      [dayquotPath('2026-09-01')]: [{ body: real('hkex-dayquot-d260901e-sample.htm') }],
      [dayquotPath('2026-09-03')]: [report('2026-09-03')],
      [dayquotPath('2026-09-04')]: [report('2026-09-04')],
      [dayquotPath('2026-09-07')]: [report('2026-09-07')],
      [SOURCES.sse.path(R)]: [{ body: real('sse-southbound-list-2026-08.json') }],
      [SOURCES.securities.path(R)]: [{ body: real('hkex-list-of-securities-2021-10-11.xlsx') }],
      // No real SZSE workbook among the fixtures: one built in its published shape (sheet and columns).
      [SOURCES.szse.path(R)]: [{ body: buildXlsx([['港股代码', '中文简称', '英文简称'], ['00001', '长和', 'CKH HOLDINGS'], ['00700', '腾讯控股', 'TENCENT']]) }],
    });
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    const pass = (now: string) => cli(db, ['schedule', '--once', '--collect', '--now', now, '--lookback-days', '5', '--base-url', server.url, '--reports', reports, ...FAST]);

    const before = await pass('2026-09-07T17:00');
    expect(before.stderr).toBe('');
    expect(before.code).toBe(0);
    const collected = before.stdout.split('\n').filter((l) => l.includes(' collect: '));
    expect(collected.map((l) => l.replace(/^\S+ collect: /, '').replace(/ \(fetch \d+\).*$/, ''))).toEqual([
      'dayquot 2026-09-01: loaded 14 rows as of 2026-09-01, 10 stored',
      'dayquot 2026-09-02: failed',
      'dayquot 2026-09-03: loaded 14 rows as of 2026-09-03, 10 stored',
      'dayquot 2026-09-04: loaded 14 rows as of 2026-09-04, 10 stored',
      'securities: loaded 18494 rows as of 2021-10-11, 18494 stored',
      'sse: loaded 651 rows as of 2026-09-07, 651 stored',
      'szse: loaded 2 rows as of 2026-09-07, 2 stored',
    ]);
    expect(collected[0]).toMatch(/^2026-09-07T17:00:\d\d\+08:00 collect: /);
    // Collecting comes first in the pass; the review's own line follows, as before.
    expect(before.stdout.split('\n')[0]).toBe(collected[0]);
    expect(before.stdout.split('\n')[collected.length]).toMatch(/^2026-09-07T17:00:\d\d\+08:00 .*semi-annual review 2026-06-30/);

    const after = await pass('2026-09-07T18:30');
    const lines = after.stdout.split('\n').filter((l) => l.includes(' collect: ')).map((l) => l.replace(/^\S+ collect: /, ''));
    expect(lines).toHaveLength(2); // the lists are a week from due
    expect(lines[0]).toMatch(/^dayquot 2026-09-02: failed \(fetch \d+\): .*HTTP 404 \(not published yet, or no longer online\)/);
    expect(lines[1]).toMatch(/^dayquot 2026-09-07: loaded 14 rows as of 2026-09-07/);

    const nextWeek = await pass('2026-09-15T18:30');
    const listLines = nextWeek.stdout.split('\n').filter((l) => / collect: (securities|sse|szse):/.test(l));
    expect(listLines.map((l) => l.replace(/^\S+ collect: /, '').replace(/ \(fetch.*$/, ''))).toEqual([
      'securities: unchanged as of 2021-10-11', 'sse: unchanged as of 2026-09-15', 'szse: unchanged as of 2026-09-15',
    ]);
    const record = await fetches(db);
    const byDay = (d: string) => record.filter((f) => f.target === d).map((f) => f.outcome);
    expect(byDay('2026-09-01')).toEqual(['loaded']); // never fetched twice once good
    expect(byDay('2026-09-02')).toEqual(['failed', 'failed']); // out of the lookback by 09-15
  });

  it('gives a past day up after repeated failures, but keeps trying the latest day', async () => {
    const { db, dir } = await makeStore();
    const server = await serve({});
    const pass = (now: string) => cli(db, ['schedule', '--once', '--collect', '--now', now, '--lookback-days', '1', '--lists-every-days', '30',
      '--base-url', server.url, '--reports', join(dir, 'r'), ...FAST]);
    for (let i = 0; i < 5; i++) await pass(`2026-09-08T${19 + i}:00`);
    const record = await fetches(db);
    const count = (d: string) => record.filter((f) => f.target === d).length;
    expect(count('2026-09-07')).toBe(4); // MAX_TRIES_PER_PAST_DAY, then given up
    expect(count('2026-09-08')).toBe(5); // the latest day: tried on every pass
  });

  it('loads the cut-off day\'s report and the review of that cut-off runs in the same pass', async () => {
    const { db, dir } = await makeStore();
    const server = await serve({ [dayquotPath('2026-06-29')]: [report('2026-06-29')], [dayquotPath('2026-06-30')]: [report('2026-06-30')] });
    const reports = join(dir, 'reports');
    const without = await cli(db, ['schedule', '--once', '--now', '2026-07-02T09:00', '--reports', reports]);
    // --now starts the clock, which then runs: a slow start may stamp a second or two later.
    expect(without.stdout).toMatch(/^2026-07-02T09:00:\d\d\+08:00 semi-annual review 2026-06-30: waiting for data for 2026-06-30\n$/);
    const r = await cli(db, ['schedule', '--once', '--collect', '--now', '2026-07-02T09:00', '--lookback-days', '3', '--lists-every-days', '30',
      '--base-url', server.url, '--reports', reports, ...FAST]);
    const lines = r.stdout.trim().split('\n').map((l) => l.replace(/^\S+ /, ''));
    expect(lines.slice(0, 2).map((l) => l.replace(/ \(fetch.*$/, ''))).toEqual([
      'collect: dayquot 2026-06-29: loaded 14 rows as of 2026-06-29, 10 stored',
      'collect: dayquot 2026-06-30: loaded 14 rows as of 2026-06-30, 10 stored',
    ]);
    // Then the lists, due since none was ever fetched (this server has none: recorded failed), then the review.
    expect(lines).toContain('starting semi-annual review 2026-06-30');
  });

  it('--hsci-url KEY=URL collects the HSCI export with its size exports, loaded together, then weekly', async () => {
    const { db, dir } = await makeStore();
    const all = realConstituents();
    const server = await serve({
      '/h.xlsx': [{ body: readFileSync(REAL_HSCI) }],
      '/l.xlsx': [{ body: hangSengExport('Hang Seng Composite LargeCap Index', 45982, all.slice(0, 90)) }],
      '/m.xlsx': [{ body: hangSengExport('Hang Seng Composite MidCap Index', 45982, all.slice(90, 250)) }],
    });
    const hsci = ['--hsci-url', `hsci=${server.url}/h.xlsx`, '--hsci-url', `large=${server.url}/l.xlsx`, '--hsci-url', `mid=${server.url}/m.xlsx`];
    const pass = (now: string) => cli(db, ['schedule', '--once', '--collect', '--now', now, '--lookback-days', '0', ...hsci,
      '--base-url', server.url, '--reports', join(dir, 'r'), ...FAST]);
    const first = await pass('2026-09-07T19:00');
    const lines = first.stdout.split('\n').filter((l) => / collect: hsci/.test(l)).map((l) => l.replace(/^\S+ collect: /, '').replace(/ \(fetch.*$/, ''));
    expect(lines).toEqual(['hsci: loaded 503 rows as of 2025-11-21, 503 stored', 'hsci large: loaded 90 rows as of 2025-11-21, 90 stored', 'hsci mid: loaded 160 rows as of 2025-11-21, 160 stored']);
    const segments = await cli(db, ['query', 'constituents', '--as-of', '2025-11-21', '--format', 'json']);
    expect(JSON.parse(segments.stdout)).toHaveLength(503);
    const again = await pass('2026-09-08T19:00');
    expect(again.stdout).not.toContain('collect: hsci'); // a week from due
  });

  it('bad collect settings are exit 2 with one sentence, and create no store', async () => {
    const { dir } = await makeStore();
    const db = join(dir, 'never-created.db');
    const cases: Array<[string[], string]> = [
      [['--collect-after', '25:00'], '--collect-after "25:00" is not a time of day such as 18:00.'],
      [['--lookback-days', '-1'], '--lookback-days must be a whole number of days (0 or more), not -1.'],
      [['--rate-ms', '0.5'], '--rate-ms must be a whole number of at least 0, not 0.5.'],
      [['--hsci-url', 'hsi.com.hk/x.xlsx'], '--hsci-url "hsi.com.hk/x.xlsx" is not an http(s) address.'],
      [['--hsci-url', 'http://h/x.xlsx'], 'one HSCI export cannot tell the segments: fetch it with two of its LargeCap, MidCap and SmallCap exports, or LargeCap & MidCap with one of them (--hsci-url large=URL --hsci-url mid=URL --hsci-url small=URL, or --base-url of a mirror).'],
    ];
    for (const [args, sentence] of cases) {
      const r = await cli(db, ['schedule', '--once', '--collect', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`hkconnect: ${sentence}\n`);
    }
    expect(existsSync(db)).toBe(false);
  });
});
