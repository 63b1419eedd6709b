import { describe, expect, it } from 'vitest';
import { screenReview } from '../../src/screen/screen-review.js';
import { BN, buildInput, buildMetrics } from './build-metrics.js';

const Q = { kind: 'quarterly' as const, cutoff: '2026-03-31', effectiveDate: '2026-06-08' };

/** Constituents 00001 (90bn), 00002 (4bn) and 00003 (4bn, failing liquidity): 98bn together. */
function base() {
  return [
    buildMetrics({ code: '00001', avg: 90 * BN }), buildMetrics({ code: '00002', avg: 4 * BN }),
    buildMetrics({ code: '00003', avg: 4 * BN, liquidityPass: false }),
  ];
}
const hsci = { '00001': 'LARGE', '00002': 'MID', '00003': 'SMALL' } as const;

describe('quarterly review (§6.2)', () => {
  it('deletes nothing, even a constituent failing liquidity', () => {
    const r = screenReview(buildInput(base(), { ...Q, hsci }));
    expect(r.hsci.remove).toEqual([]);
    expect(r.hsci.constituents).toEqual([{ code: '00001', segment: 'LARGE' }, { code: '00002', segment: 'MID' }, { code: '00003', segment: 'SMALL' }]);
  });

  it.each([
    // Ranked with the constituents (98bn) an IPO of x bn has coverage x / (98 + x) at rank 1 (x > 90)
    // and (90 + x) / (98 + x) at rank 2 (4 < x <= 90); the quarterly line is 95%.
    ['ranked 1st: 340 / 438 = 77.6%: LargeCap', 340, '2026-02-02', 'ADD', 'LARGE'],
    ['ranked 2nd: 152 / 160 = 95% exactly: MidCap', 62, '2026-01-02', 'ADD', 'MID'],
    ['ranked 2nd: 152.1 / 160.1 = 95.003%, just past the line: waits', 62.1, '2026-01-02', 'WAIT', null],
    ['listed on the last day before the quarter: waits for the semi-annual review', 340, '2025-12-31', 'WAIT', null],
    ['listed on the cut-off itself: added', 340, '2026-03-31', 'ADD', 'LARGE'],
  ] as const)('IPO %s', (_l, sizeBn, listingDate, outcome, segment) => {
    const ipo = buildMetrics({ code: '09000', avg: sizeBn * BN, attrs: { listingDate } });
    const r = screenReview(buildInput([...base(), ipo], { ...Q, hsci }));
    const d = r.decisions.find((x) => x.code === '09000')!;
    expect(d.hsciOutcome).toBe(outcome);
    expect(d.segmentAfter).toBe(segment);
    expect(r.hsci.add.map((a) => a.code)).toEqual(outcome === 'ADD' ? ['09000'] : []);
    // Southbound at a quarterly review: only the HSCI IPO additions are added, nothing is removed.
    expect(r.southbound.SH.add.map((a) => a.code)).toEqual(outcome === 'ADD' ? ['09000'] : []);
  });

  it('a quarterly IPO added to Southbound states its distance to the MidCap line among the constituents', () => {
    const ipo = buildMetrics({ code: '09000', avg: 62 * BN, attrs: { listingDate: '2026-01-02' } });
    const r = screenReview(buildInput([...base(), ipo], { ...Q, hsci }));
    expect(r.southbound.SH.add).toMatchObject([
      { code: '09000', path: 'HSCI_MID', reason: 'HSCI MidCap constituent after the review (constituent coverage 95.0%, exactly on the 95% line)' },
    ]);
  });

  it.each([
    ['exactly on the 95% line: added, borderline', 62, 'ADD', true],
    ['0.003 points past it: waits, borderline', 62.1, 'WAIT', true],
    ['77.6%, far inside: added, not borderline', 340, 'ADD', false],
  ] as const)('§9 lists a quarterly IPO near the quarterly line as borderline: %s', (_l, sizeBn, outcome, near) => {
    const ipo = buildMetrics({ code: '09000', avg: sizeBn * BN, attrs: { listingDate: '2026-01-02' } });
    const r = screenReview(buildInput([...base(), ipo], { ...Q, hsci }));
    expect(r.decisions.find((d) => d.code === '09000')!.borderline).toBe(near);
    expect(r.borderline.filter((b) => b.code === '09000')).toEqual(near
      ? [expect.objectContaining({ line: 'hsci-quarterly-ipo', threshold: 0.95, outcome })]
      : []);
    // The constituents face no line at a quarterly review.
    expect(r.borderline.filter((b) => b.code !== '09000')).toEqual([]);
  });

  // Choice (docs/screen.md): each IPO is ranked with the constituents alone, not with the quarter's other IPOs.
  // Two IPOs of 62bn: each alone (90 + 62) / (98 + 62) = 95% exactly: both added. Ranked together the second
  // would sit at (90 + 62 + 62) / (98 + 124) = 96.4% and wait.
  it('ranks each IPO of the quarter with the constituents alone', () => {
    const ipos = ['09000', '09001'].map((code) => buildMetrics({ code, avg: 62 * BN, attrs: { listingDate: '2026-01-02' } }));
    const r = screenReview(buildInput([...base(), ...ipos], { ...Q, hsci }));
    expect(r.hsci.add.map((a) => [a.code, a.coverage, a.segment])).toEqual([['09000', 0.95, 'MID'], ['09001', 0.95, 'MID']]);
  });

  it('keeps a constituent that left the universe (no deletions at a quarterly review) and leaves it out of the IPO ranking', () => {
    // 00003 is delisted before C: out of U, so the IPO is ranked with 00001 and 00002 (94bn): (90 + 62) / 156 = 97.4%.
    const metrics = [...base().slice(0, 2), buildMetrics({ code: '00003', avg: 4 * BN, inUniverse: false, attrs: { delistingDate: '2026-02-02' } })];
    const ipo = buildMetrics({ code: '09000', avg: 62 * BN, attrs: { listingDate: '2026-01-02' } });
    const r = screenReview(buildInput([...metrics, ipo], { ...Q, hsci, sh: ['00003'] }));
    expect(r.hsci.remove).toEqual([]);
    expect(r.hsci.constituents.map((c) => c.code)).toEqual(['00001', '00002', '00003']);
    expect(r.southbound.SH.remove).toEqual([]);
    expect(r.decisions.find((d) => d.code === '09000')).toMatchObject({ hsciOutcome: 'WAIT', coverage: expect.any(Number) });
    expect(r.hsci.add).toEqual([]);
  });

  it('adds nothing else to Southbound and removes nothing', () => {
    const r = screenReview(buildInput(base(), { ...Q, hsci, sh: ['00003', '00004'] }));
    expect(r.southbound.SH).toEqual({ add: [], remove: [] });
  });
});
