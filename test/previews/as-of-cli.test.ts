import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResult } from '../../src/domain/types.js';
import { BUILT, runBin, sampleStore } from './built-cli.js';

let dir = '';
let db = '';
beforeAll(() => { if (BUILT) ({ dir, db } = sampleStore()); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const preview = ['screen', '--cutoff', '2026-06-30', '--as-of', '2026-05-29'];

describe.runIf(BUILT)('screen --cutoff C --as-of D, through the binary', () => {
  it('json: previews the semi-annual review of C with the 21 trading days left after D, and records no run', () => {
    const r = runBin(db, [...preview, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ReviewResult;
    expect(j).toMatchObject({ cutoff: '2026-06-30', kind: 'semi-annual', effectiveDate: '2026-09-07' });
    // June 2026: 22 weekdays less the Tuen Ng holiday (2026-06-19) of the bundled calendar.
    expect(j.preview).toMatchObject({ asOf: '2026-05-29', tradingDaysLeft: 21 });
    expect(j.warnings[0]).toContain('with data up to 2026-05-29: the 21 trading day(s) left are assumed to repeat');
    const calls = j.preview!.closeCalls;
    expect(calls.length).toBeGreaterThan(5);
    for (const c of calls) {
      expect(['hsci-coverage-add', 'hsci-coverage-delete', 'sb-smallcap-in', 'sb-smallcap-keep']).toContain(c.line);
      if (c.neededCapHkd !== null) expect(c.neededCapHkd).toBeGreaterThan(0);
      else expect(c.note).toMatch(/cannot move|out of reach/);
    }
    const moves = calls.filter((c) => c.neededMove !== null).map((c) => Math.abs(c.neededMove!));
    expect(moves).toEqual([...moves].sort((a, b) => a - b));
    expect(j.preview!.liquidityCalls.every((c) => c.monthsNeeded >= 1 && c.monthsNeeded <= c.monthsLeft)).toBe(true);
    const runs = JSON.parse(runBin(db, ['query', 'runs', '--format', 'json']).out) as unknown[];
    expect(runs).toHaveLength(0);
  });

  it('differs from the full-data review where the last month moved names, and the full review has no preview block', () => {
    const full = JSON.parse(runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', 'json']).out) as ReviewResult;
    const early = JSON.parse(runBin(db, [...preview, '--format', 'json']).out) as ReviewResult;
    expect(full.preview).toBeUndefined();
    expect(early.lines!.addAvgCapHkd).not.toBe(full.lines!.addAvgCapHkd);
  });

  it.each(['table', 'md', 'html'])('%s shows what it takes', (format) => {
    const r = runBin(db, [...preview, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('What it takes: close calls with 21 trading day(s) left after 2026-05-29');
    expect(r.out).toContain('Liquidity tests still open');
  });

  it('csv carries the close calls, in the order of the JSON', () => {
    const j = JSON.parse(runBin(db, [...preview, '--format', 'json']).out) as ReviewResult;
    const first = j.preview!.closeCalls[0]!;
    const file = join(dir, 'preview.csv');
    const w = runBin(db, [...preview, '--format', 'csv', '--out', file]);
    expect(w.out).toContain('Wrote the preview of the semi-annual review of 2026-06-30 as of 2026-05-29');
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    const calls = rows.filter((x) => x.list === 'close_call');
    expect(calls).toHaveLength(j.preview!.closeCalls.length);
    expect(calls[0]).toMatchObject({ code: first.code, path: first.line, reason: first.note });
  });

  it.each([
    [['--as-of', '2026-06-30'], 2, 'is not before the cut-off'],
    [['--as-of', '2026-13-01'], 2, '--as-of 2026-13-01 does not exist: there is no month 13'],
    [['--as-of', '2023-01-03'], 1, 'no daily data'],
  ])('%j exits %i with one sentence', (extra, exit, message) => {
    const r = runBin(db, ['screen', '--cutoff', '2026-06-30', ...extra]);
    expect(r.code).toBe(exit);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
