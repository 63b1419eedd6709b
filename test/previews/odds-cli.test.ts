import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ODDS_LISTS } from '../../src/domain/preview-types.js';
import type { ReviewResult } from '../../src/domain/types.js';
import { BUILT, runBin, sampleStore } from './built-cli.js';

let dir = '';
let db = '';
let json: ReviewResult;
const odds = ['screen', '--cutoff', '2026-06-30', '--as-of', '2026-05-29', '--odds', '--paths', '1000', '--seed', '42'];
beforeAll(() => {
  if (!BUILT) return;
  ({ dir, db } = sampleStore());
  const r = runBin(db, [...odds, '--format', 'json']);
  if (r.code !== 0) throw new Error(r.err);
  json = JSON.parse(r.out) as ReviewResult;
});
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.runIf(BUILT)('screen --as-of --odds, through the binary', () => {
  it('json: odds rows { code, list, probability } above 0.001 and oddsMeta with the paths, seed and model', () => {
    expect(json.oddsMeta).toMatchObject({ paths: 1000, seed: 42, tradingDaysLeft: 21 });
    expect(json.oddsMeta!.model).toContain('market factor');
    expect(json.odds!.length).toBeGreaterThan(0);
    for (const o of json.odds!) {
      expect(Object.keys(o).sort()).toEqual(['code', 'list', 'probability']);
      expect(ODDS_LISTS).toContain(o.list);
      expect(o.probability).toBeGreaterThan(0.001);
      expect(o.probability).toBeLessThanOrEqual(1);
    }
    // Every change the deterministic preview makes has a row; the uncertain ones are the close calls.
    const rows = new Set(json.odds!.map((o) => `${o.code} ${o.list}`));
    for (const a of json.hsci.add) expect(rows.has(`${a.code} hsci_add`)).toBe(true);
    const uncertain = json.odds!.filter((o) => o.probability < 1);
    expect(uncertain.length).toBeGreaterThan(0);
    const hsciAdd = json.oddsMeta!.expectedCounts.find((c) => c.list === 'hsci_add')!;
    // A 5th-95th percentile range of whole counts: the mean may sit just outside it, never far.
    expect(hsciAdd.low).toBeLessThanOrEqual(hsciAdd.high);
    expect(hsciAdd.expected).toBeGreaterThan(hsciAdd.low - 1);
    expect(hsciAdd.expected).toBeLessThan(hsciAdd.high + 1);
  });

  it('the same seed gives the same odds', () => {
    const again = JSON.parse(runBin(db, [...odds, '--format', 'json']).out) as ReviewResult;
    expect(again.odds).toEqual(json.odds);
  });

  it.each(['table', 'md', 'html'])('%s shows the expected counts and the odds', (format) => {
    const close = json.odds!.find((o) => o.probability < 1)!;
    const r = runBin(db, [...odds, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Expected counts over 1000 simulated paths (seed 42)');
    expect(r.out).toContain(`${(close.probability * 100).toFixed(1)}%`);
    if (format === 'html') expect(r.out).toContain('data-chart="odds"');
  });

  it('explain --odds shows the odds and the main driver', () => {
    const close = json.odds!.find((o) => o.probability < 1)!;
    const r = runBin(db, ['explain', close.code, '--cutoff', '2026-06-30', '--as-of', '2026-05-29', '--odds', '--paths', '1000', '--seed', '42']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Preview as of 2026-05-29 (21 trading day(s) left)');
    expect(r.out).toContain(`${close.list} ${(close.probability * 100).toFixed(1)}%`);
    expect(r.out).toMatch(/main driver: (its own price|the market)/);
  });

  it.each([
    [['screen', '--cutoff', '2026-06-30', '--odds'], 'need --as-of'],
    [['screen', '--cutoff', '2026-03-31', '--as-of', '2026-02-27', '--odds'], 'covers semi-annual reviews'],
    [['screen', '--cutoff', '2026-06-30', '--as-of', '2026-05-29', '--odds', '--paths', '0'], '--paths must be a whole number'],
  ])('%j exits 2 with one sentence', (args, message) => {
    const r = runBin(db, args);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
  });
});
