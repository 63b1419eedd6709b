import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReviewResult } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { passiveFlows } from '../../src/screen/passive-flows.js';
import { screenReview } from '../../src/screen/screen-review.js';
import { BN, buildInput, buildMetrics } from '../screen/build-metrics.js';
import { BUILT, runBin, sampleStore } from './built-cli.js';

describe('passiveFlows', () => {
  it('buys an add at its free-float weight among the constituents after, sells a delete at its weight before', () => {
    // 00001 (90bn, free float 0.5) and 00002 (45bn) constituents; 00003 (15bn, 93.5%) an add; 00004 (0.5bn, last) a delete.
    const metrics = [
      buildMetrics({ code: '00001', avg: 90 * BN, attrs: { freeFloat: 0.5 } }), buildMetrics({ code: '00002', avg: 45 * BN }),
      buildMetrics({ code: '00003', avg: 15 * BN }), buildMetrics({ code: '00004', avg: 0.5 * BN }),
      ...Array.from({ length: 10 }, (_, i) => buildMetrics({ code: String(9000 + i), avg: 1 * BN })),
    ];
    const result = screenReview(buildInput(metrics, { hsci: { '00001': 'LARGE', '00002': 'LARGE', '00004': 'SMALL' } }));
    expect(result.hsci.add.map((r) => r.code)).toEqual(['00003']);
    expect(result.hsci.remove.map((r) => r.code)).toEqual(['00004']);
    const facts = new Map(metrics.map((x) => [x.code, { freeFloat: x.attrs.freeFloat, avgDailyTurnoverHkd: x.code === '00003' ? 0.5 * BN : null }]));
    const f = passiveFlows(result, facts, 100 * BN, getMethodology('hsci-2025'));
    const add = f.rows.find((r) => r.code === '00003')!;
    // After: 45 (00001 x 0.5) + 45 + 15 = 105; 15 / 105 of HK$100bn, over HK$0.5bn a day.
    expect(add.demandHkd).toBe(Math.round((100 * BN * 15) / 105));
    expect(add.daysOfTurnover).toBeCloseTo((100 * 15) / 105 / 0.5, 2);
    const del = f.rows.find((r) => r.code === '00004')!;
    // Before: 45 + 45 + 0.5 = 90.5.
    expect(del.demandHkd).toBe(-Math.round((100 * BN * 0.5) / 90.5));
    expect(del.daysOfTurnover).toBeNull();
    expect(f.assumption).toContain('free float');
  });
});

let dir = '';
let db = '';
beforeAll(() => { if (BUILT) ({ dir, db } = sampleStore()); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe.runIf(BUILT)('screen --tracking-aum, through the binary', () => {
  it('json: flows for every HSCI add and delete, with days of turnover', () => {
    const r = runBin(db, ['screen', '--cutoff', '2026-06-30', '--tracking-aum', '250bn', '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as ReviewResult;
    expect(j.flows!.trackingAumHkd).toBe(250e9);
    expect(j.flows!.rows.map((x) => x.code).sort()).toEqual([...j.hsci.add, ...j.hsci.remove].map((x) => x.code).sort());
    for (const x of j.flows!.rows) expect(Math.sign(x.demandHkd)).toBe(x.list === 'hsci_add' ? 1 : -1);
    expect(j.flows!.rows.some((x) => x.daysOfTurnover !== null && x.daysOfTurnover > 0)).toBe(true);
  });

  it('table shows the flows with the assumption; a bad amount exits 2', () => {
    const r = runBin(db, ['screen', '--cutoff', '2026-06-30', '--tracking-aum', '250e9']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Passive flows for HK$250.00bn tracking the HSCI');
    expect(r.out).toContain('Assumption: the whole tracking AUM follows the HSCI itself');
    const bad = runBin(db, ['screen', '--cutoff', '2026-06-30', '--tracking-aum', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--tracking-aum "lots" is not a positive HK$ amount');
  });
});
