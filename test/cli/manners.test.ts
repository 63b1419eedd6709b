import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateProblem, hongKongTimestamp } from '../../src/domain/dates.js';
import { fitProse } from '../../src/report/fit-prose.js';
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

  /** The words of a text, whatever its line breaks: wrapping must neither lose nor add one. */
  const words = (text: string) => text.split(/\s+/).filter((w) => w !== '');

  it('wraps the review\'s prose lines (heading, summary, legend, warnings) to $COLUMNS at spaces, losing no word', () => {
    const narrow = screen({ COLUMNS: '60' });
    const wide = screen({ COLUMNS: '60' }, '--wide');
    const prose = (out: string) => out.slice(0, out.indexOf('\n\n')); // the heading and summary, before the first table
    expect(Math.max(...prose(wide.out).split('\n').map((l) => l.length))).toBeGreaterThan(60);
    expect(Math.max(...prose(narrow.out).split('\n').map((l) => l.length))).toBeLessThanOrEqual(60);
    expect(words(prose(narrow.out))).toEqual(words(prose(wide.out)));
    const legend = narrow.out.split('\n').findIndex((l) => l.startsWith('  Outcomes: '));
    expect(narrow.out.split('\n')[legend]!.length).toBeLessThanOrEqual(60);
    expect(narrow.out.split('\n')[legend + 1]).toMatch(/^ {6}\S/); // continued four spaces deeper
    const warnings = narrow.out.slice(narrow.out.indexOf('\nWarnings ('));
    expect(words(warnings)).toEqual(words(wide.out.slice(wide.out.indexOf('\nWarnings ('))));
    for (const line of warnings.split('\n').filter((l) => l.startsWith('  - ') || l.startsWith('    '))) expect(line.length).toBeLessThanOrEqual(60);
  });

  it('wraps explain\'s lines to $COLUMNS; --wide and a pipe without $COLUMNS keep them whole', () => {
    const explain = (env: NodeJS.ProcessEnv, ...extra: string[]) =>
      runBuiltCli(['--db', db, 'explain', '7', '--cutoff', '2026-06-30', ...extra], { env: { ...process.env, ...env } });
    const narrow = explain({ COLUMNS: '70' });
    const wide = explain({ COLUMNS: '70' }, '--wide');
    expect(narrow.code).toBe(0);
    expect(Math.max(...wide.out.split('\n').map((l) => l.length))).toBeGreaterThan(70);
    expect(Math.max(...narrow.out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(70);
    expect(words(narrow.out)).toEqual(words(wide.out));
    const { COLUMNS: _ignored, ...noColumns } = process.env;
    expect(runBuiltCli(['--db', db, 'explain', '7', '--cutoff', '2026-06-30'], { env: noColumns }).out).toBe(wide.out);
  });
});

describe('fitProse: prose wrapped to a width at spaces', () => {
  it('leaves a line of exactly the width alone and wraps one a character longer at its last space', () => {
    expect(fitProse('aaaa bbbb cccc', 14)).toBe('aaaa bbbb cccc');
    expect(fitProse('aaaa bbbb ccccc', 14)).toBe('aaaa bbbb\n    ccccc');
    expect(fitProse('aaaa bbbb ccccc', undefined)).toBe('aaaa bbbb ccccc');
  });

  it('continues a bullet under its text and an indented line four spaces deeper; keeps the other lines', () => {
    expect(fitProse('  - one two three four five six seven eight nine ten eleven\nshort', 30))
      .toBe('  - one two three four five\n    six seven eight nine ten\n    eleven\nshort');
    expect(fitProse('  [pass] rule: one two three four five six seven', 30)).toBe('  [pass] rule: one two three\n      four five six seven');
  });

  it('never cuts a word: one longer than the room stays whole on its own line, and the text stays the same words', () => {
    const path = '/a/very/long/path/to/some/file/that/will/not/fit.csv';
    expect(fitProse(`see ${path} now`, 30)).toBe(`see\n    ${path}\n    now`);
    expect(fitProse(`  ${path}`, 30)).toBe(`  ${path}`);
  });
});
