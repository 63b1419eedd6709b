import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from '../support/run-cli.js';
import { installPackedPackage, type InstalledPackage } from '../support/installed-package.js';

// What a user runs: the packed package installed into a scratch project, driven by `npx hkconnect`.
// One shared store (the example files, loaded through the CLI) is built once; every other command and
// format runs against it. The real HKEX/SSE files come from the repository's test/fixtures/real/.
// Each command runs through `npx hkconnect` in its default format; the other formats and --out run
// node_modules/.bin/hkconnect, the link npx resolves to, directly (npx costs ~0.5-2 s a call).

const REAL = resolve(import.meta.dirname, '../fixtures/real');
const STORE = 'data/example.db';
const db = ['--db', STORE];

let pkg: InstalledPackage;
const built: Record<string, CliRun> = {};
const example = (file: string) => join(pkg.packageDir, 'examples', file);
const hk = (...args: string[]) => pkg.npx(args);
const bin = (...args: string[]) => pkg.bin(args);
/** npx for a command in its default format, the binary directly for the other formats. */
const byFormat = (args: string[]) => (args.includes('--format') ? bin(...args) : hk(...args));
const firstLine = (r: CliRun) => r.out.split('\n')[0] ?? '';

beforeAll(() => {
  pkg = installPackedPackage();
  built.migrate = hk(...db, 'db', 'migrate');
  built.seed = hk(...db, 'db', 'seed');
  built.securities = hk(...db, 'ingest', 'securities', example('securities.csv'));
  built.changes = hk(...db, 'ingest', 'changes', example('changes.csv'));
  built.daily = hk(...db, 'ingest', 'daily', example('daily.csv'));
  built.hsci = hk(...db, 'ingest', 'hsci', example('hsci.csv'), '--as-of', '2026-03-09');
  built.southbound = hk(...db, 'ingest', 'southbound', example('southbound.csv'), '--as-of', '2026-03-09');
  built.official = hk(...db, 'ingest', 'official', example('official.csv'), '--cutoff', '2026-06-30');
}, 300_000);
afterAll(() => { if (pkg) rmSync(pkg.dir, { recursive: true, force: true }); });

describe('the installed package', () => {
  it('ships the binary, the compiled migrations, the seeds, the examples and the docs, and no tests', () => {
    const p = pkg.packageDir;
    for (const f of ['dist/src/cli/bin.js', 'seeds/hk-holidays.csv', 'examples/daily.csv', 'docs/methodology.md', 'docs/contract.md', 'README.md']) {
      expect(existsSync(join(p, f)), f).toBe(true);
    }
    expect(readdirSync(join(p, 'dist/migrations')).some((f) => f.endsWith('.js'))).toBe(true);
    expect(existsSync(join(p, 'test'))).toBe(false);
    expect(existsSync(join(p, 'dist/bench'))).toBe(false);
  });

  it('prints its version through npx', () => {
    const version = (JSON.parse(readFileSync(join(pkg.packageDir, 'package.json'), 'utf8')) as { version: string }).version;
    expect(hk('--version')).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });

  it('on a store that does not exist, a reading command exits 2 naming it and creates nothing', () => {
    const r = hk('--db', 'data/typo.db', 'query', 'constituents', '--as-of', '2026-06-30');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^hkconnect: there is no store at data\/typo\.db: .*npx hkconnect demo.*HKCONNECT_DB.*\n$/);
    expect(existsSync(join(pkg.dir, 'data/typo.db'))).toBe(false);
  });

  it('prints its help through npx', () => {
    const r = hk('--help');
    expect(r.code).toBe(0);
    expect(firstLine(r)).toBe('hkconnect <command> [options]');
  });
});

describe('building a store with db and ingest', () => {
  it('db migrate creates the store', () => {
    expect(built.migrate).toMatchObject({ code: 0, err: '' });
    expect(existsSync(join(pkg.dir, STORE))).toBe(true);
  });

  it('db seed writes the trading calendar', () => {
    expect(built.seed).toMatchObject({ code: 0, err: '' });
    expect(firstLine(built.seed!)).toMatch(/^Seeded the trading calendar 2015-01-01\.\.2027-12-31: \d+ days, \d+ trading days\.$/);
  });

  it.each([
    ['securities', 17], ['changes', 1], ['daily', 4165], ['hsci', 10], ['southbound', 10], ['official', 4],
  ])('ingest %s loads every row of the example file', (kind, rows) => {
    const r = built[kind]!;
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(firstLine(r)).toMatch(new RegExp(`${kind}\\.csv: ${rows} rows read, ${rows} stored, 0 rejected$`));
  });

  it('ingest southbound reads the SSE JSON download; shares and dayquot load an HKEX daily report', () => {
    const store = ['--db', 'data/real.db'];
    writeFileSync(join(pkg.dir, 'securities.csv'), 'code,name,board,type,currency,listing_date\n1,CKH HOLDINGS,MAIN,EQUITY,HKD,1972-11-01\n700,TENCENT,MAIN,EQUITY,HKD,2004-06-16\n');
    writeFileSync(join(pkg.dir, 'shares.csv'), 'code,date,shares_issued\n1,2026-08-31,3829770000\n700,2026-08-31,9180000000\n');
    expect(bin(...store, 'ingest', 'securities', 'securities.csv').code).toBe(0);
    const json = bin(...store, 'ingest', 'southbound', join(REAL, 'sse-southbound-list-2026-08.json'), '--channel', 'SH', '--as-of', '2026-08-31');
    expect(json.code).toBe(0);
    expect(firstLine(json)).toMatch(/sse-southbound-list-2026-08\.json: \d+ rows read, \d+ stored, 0 rejected$/);
    const shares = hk(...store, 'ingest', 'shares', 'shares.csv');
    expect(shares).toMatchObject({ code: 0, out: 'shares.csv: 2 rows read, 2 stored, 0 rejected\n' });
    const dayquot = hk(...store, 'ingest', 'dayquot', join(REAL, 'hkex-dayquot-d260901e-sample.htm'));
    expect(dayquot.code).toBe(0);
    expect(firstLine(dayquot)).toMatch(/d260901e-sample\.htm: \d+ rows read, 2 stored, 0 rejected/);
  });
});

describe('screen, every format, to stdout and with --out', () => {
  const starts: Record<string, RegExp> = {
    table: /^HSCI and Southbound review, cut-off 2026-06-30 \(semi-annual\), effective 2026-09-07, methodology hsci-2025$/,
    json: /^\{$/,
    csv: /^code,name,list,channel,segment,avgMarketCapHkd,coverage,path,reason,distance,borderline$/,
    md: /^# HSCI and Southbound review, cut-off 2026-06-30/,
    html: /^<!DOCTYPE html>$/,
  };

  it.each(Object.keys(starts))('%s', (format) => {
    const printed = format === 'table' ? hk(...db, 'screen', '--cutoff', '2026-06-30') : bin(...db, 'screen', '--cutoff', '2026-06-30', '--format', format);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    expect(firstLine(printed)).toMatch(starts[format]!);
    expect(printed.out).toContain('00077');

    const file = `review-${format}.${format === 'table' ? 'txt' : format}`;
    const written = bin(...db, 'screen', '--cutoff', '2026-06-30', '--format', format, '--out', file);
    expect(written.err).toBe('');
    expect(written.code).toBe(0);
    expect(written.out).toMatch(new RegExp(`^Wrote the semi-annual review of 2026-06-30 \\(run \\d+, 9 list changes\\) as ${format} to ${file}\\n$`));
    const content = readFileSync(join(pkg.dir, file), 'utf8');
    expect(content.split('\n')[0]).toMatch(starts[format]!);
    if (format === 'json') expect(JSON.parse(content).hsci.add[0].code).toBe('00077');
  });
});

describe('explain, events, diff, query, schedule', () => {
  it.each([
    [['explain', '77', '--cutoff', '2026-06-30'], /^00077 Example New Harbour Tech: semi-annual review, cut-off 2026-06-30/],
    [['explain', '77', '--cutoff', '2026-06-30', '--format', 'json'], /^\{$/],
    [['events', '--from', '2026-07-01', '--to', '2026-12-31'], /^\(no rows\)$/],
    [['events', '--from', '2026-07-01', '--to', '2026-12-31', '--format', 'json'], /^\[\]$/],
    [['diff', '--cutoff', '2026-06-30'], /^Diff of run \d+ \(cut-off 2026-06-30, methodology hsci-2025.*\) against official_changes:2026-06-30/],
    [['diff', '--cutoff', '2026-06-30', '--format', 'json'], /^\{$/],
    [['diff', '--cutoff', '2026-06-30', '--format', 'csv'], /^cutoff,record,list,code,name,predicted,rule,reason,borderline,/],
    [['diff', '--cutoff', '2026-06-30', '--format', 'md'], /^# Diff of run \d+ \(cut-off 2026-06-30/],
    [['diff', '--cutoff', '2026-06-30', '--channel', 'SZ'], /^Diff of run \d+ \(cut-off 2026-06-30, methodology hsci-2025.*\) against official_changes:2026-06-30/],
    [['query', 'history', '77', '--from', '2026-06-29'], /^date\s+marketCapHkd\s+turnoverHkd/],
    [['query', 'history', '77', '--from', '2026-06-29', '--format', 'json'], /^\[$/],
    [['query', 'history', '77', '--from', '2026-06-29', '--format', 'csv'], /^date,marketCapHkd,turnoverHkd,suspended,close$/],
    [['query', 'constituents', '--as-of', '2026-06-30'], /^ code\s+/],
    [['query', 'constituents', '--as-of', '2026-06-30', '--format', 'json'], /^\[$/],
    [['query', 'constituents', '--as-of', '2026-06-30', '--format', 'csv'], /^code,/],
    [['query', 'southbound', '--as-of', '2026-06-30'], /^ code\s+/],
    [['query', 'southbound', '--as-of', '2026-06-30', '--format', 'json'], /^\[$/],
    [['query', 'southbound', '--as-of', '2026-06-30', '--format', 'csv'], /^code,/],
    [['query', 'runs'], /^id\s+cutoff\s+kind/],
    [['query', 'runs', '--format', 'json'], /^\[$/],
    [['query', 'runs', '--format', 'csv'], /^id,cutoff,kind,/],
    [['query', 'accuracy'], /^cutoff\s+methodology\s+list\s+hits/],
    [['query', 'accuracy', '--all'], /^cutoff\s+methodology\s+list\s+hits/],
    [['query', 'accuracy', '--format', 'json'], /^\[$/],
    [['query', 'accuracy', '--format', 'csv'], /^cutoff,methodology,list,hits,/],
  ])('%j', (args, start) => {
    const r = byFormat([...db, ...args]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(firstLine(r)).toMatch(start);
  });

  it('diff --official reads the example announcement and finds the borderline extra', () => {
    const r = bin(...db, 'diff', '--cutoff', '2026-06-30', '--official', example('official.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    const diff = JSON.parse(r.out) as { lists: Record<string, { hits: unknown[]; extra: Array<{ code: string }> }> };
    expect(diff.lists.hsci_remove?.extra.map((e) => e.code)).toEqual(['00111']);
  });

  it('schedule --once runs the due review and writes its reports', () => {
    const r = hk(...db, 'schedule', '--once', '--now', '2026-07-20T10:00', '--reports', 'reports');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // --now starts a running clock: the seconds move with a slow start on a busy machine.
    expect(firstLine(r)).toMatch(/^2026-07-20T10:00:\d\d\+08:00 starting semi-annual review 2026-06-30$/);
    expect(readdirSync(join(pkg.dir, 'reports')).sort()).toEqual(expect.arrayContaining([
      expect.stringMatching(/^review-2026-06-30-run\d+\.json$/), expect.stringMatching(/\.csv$/), expect.stringMatching(/\.html$/),
    ]));
  });

  it('exits 2 with one sentence for bad usage', () => {
    const r = bin(...db, 'screen', '--cutoff', '2026-13-01');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('demo', () => {
  it('builds ./data/demo.db and prints the review; its closing hint runs as typed', () => {
    const r = hk('demo');
    expect(r.code).toBe(0);
    expect(firstLine(r)).toBe('HSCI and Southbound review, cut-off 2026-06-30 (semi-annual), effective 2026-09-07, methodology hsci-2025');
    expect(existsSync(join(pkg.dir, 'data/demo.db'))).toBe(true);
    const hint = /Try: npx hkconnect (.+)$/m.exec(r.err)?.[1];
    expect(hint, r.err).toBeDefined();
    const again = hk(...hint!.split(' '));
    expect(again.code).toBe(0);
    expect(firstLine(again)).toMatch(/^09805 /);
  });
});
