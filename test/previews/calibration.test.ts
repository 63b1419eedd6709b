import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreCalibration } from '../../src/screen/calibration-score.js';
import { BUILT, runBin, sampleStore } from './built-cli.js';

describe('scoreCalibration', () => {
  it('Brier scores over every pair any side names, the uncertain ones apart, and reliability bins', () => {
    const odds = [
      { code: 'A', list: 'hsci_add' as const, probability: 1 },
      { code: 'B', list: 'hsci_add' as const, probability: 0.8 },
      { code: 'C', list: 'hsci_add' as const, probability: 0.3 },
    ];
    const det = new Set(['A hsci_add', 'B hsci_add']);
    const outcome = new Set(['A hsci_add', 'C hsci_add', 'D hsci_remove']);
    const s = scoreCalibration(odds, det, outcome, 10);
    expect(s.pairs).toBe(4);
    // odds: A 0, B 0.64, C 0.49, D 1 (never predicted): 2.13 / 4; deterministic: A 0, B 1, C 1, D 1: 3 / 4.
    expect(s.brierOdds).toBeCloseTo(2.13 / 4, 12);
    expect(s.brierDeterministic).toBeCloseTo(0.75, 12);
    expect(s.uncertainPairs).toBe(2);
    expect(s.brierOddsUncertain).toBeCloseTo((0.64 + 0.49) / 2, 12);
    expect(s.brierDeterministicUncertain).toBe(1);
    expect(s.reliability[0]).toMatchObject({ count: 1, meanPredicted: 0, observed: 1 });
    expect(s.reliability[3]).toMatchObject({ count: 1, observed: 1 });
    expect(s.reliability[8]).toMatchObject({ count: 1, observed: 0 });
    expect(s.reliability[9]).toMatchObject({ count: 1, meanPredicted: 1, observed: 1 });
    expect(scoreCalibration([], new Set(), new Set(), 5)).toMatchObject({ pairs: 0, brierOdds: 0, uncertainPairs: 0, brierOddsUncertain: null });
  });
});

let dir = '';
let db = '';
beforeAll(() => { if (BUILT) ({ dir, db } = sampleStore()); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.runIf(BUILT)('hkconnect calibrate, through the binary', () => {
  it('previews the review from each lead, scores it and writes FILE.json and FILE.md', () => {
    const out = join(dir, 'calibration');
    const r = runBin(db, ['calibrate', '--cutoff', '2026-06-30', '--leads', '20,5', '--paths', '300', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { paths: number; rows: Array<{ lead: number; asOf: string; brierOdds: number; brierDeterministic: number; reliability: unknown[] }> };
    expect(report.paths).toBe(300);
    expect(report.rows.map((x) => [x.lead, x.asOf])).toEqual([[20, '2026-06-01'], [5, '2026-06-23']]);
    for (const x of report.rows) {
      expect(x.brierOdds).toBeGreaterThanOrEqual(0);
      expect(x.brierOdds).toBeLessThanOrEqual(1);
      expect(x.reliability).toHaveLength(10);
    }
    expect(readFileSync(`${out}.md`, 'utf8')).toBe(r.out);
    expect(r.out).toContain('| 20 | 2026-06-01 |');
  });

  it('refuses a bad --leads with one sentence', () => {
    const r = runBin(db, ['calibrate', '--cutoff', '2026-06-30', '--leads', '20,x']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--leads "20,x"');
  });
});
