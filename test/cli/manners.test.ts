import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateProblem, hongKongTimestamp } from '../../src/domain/dates.js';
import { formatTable } from '../../src/report/format-rows.js';
import { runCli } from '../../src/cli/main.js';
import { capturingContext, runBuiltCli } from '../support/run-cli.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

const version = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('--version', () => {
  it.each([['--version'], ['-v']])('%s prints the package version', async (flag) => {
    const c = capturingContext(new Date('2026-08-20T02:00:00Z'));
    expect(await runCli([flag], c.ctx)).toBe(0);
    expect(c.out()).toBe(`${version}\n`);
  });

  it('the binary too', () => {
    expect(runBuiltCli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe('dateProblem: what is wrong with a date, in words', () => {
  it.each([
    ['2026-02-28', null],
    ['2024-02-29', null],
    ['2026-02-29', '2026-02-29 does not exist: February 2026 has 28 days'],
    ['2026-02-30', '2026-02-30 does not exist: February 2026 has 28 days'],
    ['2026-04-31', '2026-04-31 does not exist: April 2026 has 30 days'],
    ['2026-12-31', null],
    ['2026-12-32', '2026-12-32 does not exist: December 2026 has 31 days'],
    ['2026-01-00', '2026-01-00 does not exist: January 2026 has 31 days'],
    ['2026-13-01', '2026-13-01 does not exist: there is no month 13'],
    ['2026-00-10', '2026-00-10 does not exist: there is no month 00'],
    ['30/06/2026', '"30/06/2026" is not a date of the form YYYY-MM-DD'],
    ['2026-6-30', '"2026-6-30" is not a date of the form YYYY-MM-DD'],
  ])('%s', (text, problem) => {
    expect(dateProblem(text)).toBe(problem);
  });
});

describe('hongKongTimestamp: stored UTC instants shown in Hong Kong time', () => {
  it.each([
    ['2026-07-02T01:00:00.000Z', '2026-07-02T09:00:00+08:00'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00+08:00'],
    ['2026-12-31T15:59:59.999Z', '2026-12-31T23:59:59+08:00'],
  ])('%s -> %s', (iso, hk) => {
    expect(hongKongTimestamp(iso)).toBe(hk);
  });

  it('passes null and unreadable text through', () => {
    expect(hongKongTimestamp(null)).toBeNull();
    expect(hongKongTimestamp('not a time')).toBe('not a time');
  });
});

describe('formatTable fitting a width', () => {
  const header = ['code', 'reason', 'cap'];
  const cells = [['00700', 'coverage 90.2%, 3.8 points inside the 94% line; liquidity 12 of 12 months passed', '120.20']];
  const natural = formatTable(header, cells);
  const naturalWidth = Math.max(...natural.trimEnd().split('\n').map((l) => l.length));

  it('cuts nothing without a width, or when the table fits exactly', () => {
    expect(formatTable(header, cells, naturalWidth)).toBe(natural);
    expect(formatTable(header, cells, naturalWidth + 1)).toBe(natural);
  });

  it('one column over: cuts the text column by one, marked "...", never the numbers', () => {
    const fitted = formatTable(header, cells, naturalWidth - 1);
    const lines = fitted.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBe(naturalWidth - 1);
    expect(lines[2]).toContain('...');
    expect(lines[2]).toMatch(/^00700 .* 120\.20$/);
  });

  it('stops cutting at a readable minimum: a table that cannot fit stays wider than asked', () => {
    const lines = formatTable(header, cells, 10).trimEnd().split('\n');
    expect(lines[2]).toBe('00700  coverage ...  120.20');
  });
});

describe('output that fits the terminal, through the binary', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hkc-manners-'));
    db = join(dir, 'store.db');
    await (await buildScenarioStore(db)).close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const screen = (env: NodeJS.ProcessEnv, ...extra: string[]) =>
    runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-06-30', ...extra], { env: { ...process.env, ...env } });
  const tableLines = (out: string) => out.split('\n').filter((l) => /^ ?code\s|^\d{5}\s/.test(l));

  it('cuts table rows to $COLUMNS; --wide and a pipe without $COLUMNS keep them whole', () => {
    const narrow = screen({ COLUMNS: '100' });
    expect(narrow.code).toBe(0);
    expect(Math.max(...tableLines(narrow.out).map((l) => l.length))).toBeLessThanOrEqual(100);
    const wide = screen({ COLUMNS: '100' }, '--wide');
    expect(Math.max(...tableLines(wide.out).map((l) => l.length))).toBeGreaterThan(100);
    const { COLUMNS: _ignored, ...noColumns } = process.env;
    const piped = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-06-30'], { env: noColumns });
    expect(piped.out).toBe(wide.out);
  });
});
