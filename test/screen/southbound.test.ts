import { describe, expect, it } from 'vitest';
import { screenReview } from '../../src/screen/screen-review.js';
import { BN, CUTOFF, EFFECTIVE, buildInput, buildMetrics, type MetricsOptions } from './build-metrics.js';

/**
 * Constituents 00001 (80bn, LargeCap), 00002 (15bn, MidCap) and the target 00003 (5bn HSCI average,
 * SmallCap: 100% among constituents; 100/104.5 = 95.7% in the universe, so kept), plus five 0.9bn
 * non-constituent fillers that stay out (past 94%). The target's Southbound average is set apart.
 */
function review(target: Partial<MetricsOptions>, lists: { sh?: string[]; sz?: string[] }, extra: MetricsOptions[] = []) {
  const metrics = [
    buildMetrics({ code: '00001', avg: 80 * BN }), buildMetrics({ code: '00002', avg: 15 * BN }),
    buildMetrics({ code: '00003', avg: 5 * BN, ...target }),
    ...[11, 12, 13, 14, 15].map((n) => buildMetrics({ code: `000${n}`, avg: 0.9 * BN })),
    ...extra.map(buildMetrics),
  ];
  return screenReview(buildInput(metrics, { hsci: { '00001': 'LARGE', '00002': 'MID', '00003': 'SMALL' }, ...lists }));
}
const codes = (rows: Array<{ code: string }>) => rows.map((r) => r.code);

describe('Southbound SmallCap money lines (§7.1.1)', () => {
  it('the segments of the fixture are as described', () => {
    const r = review({}, {});
    expect(r.hsci.constituents).toEqual([{ code: '00001', segment: 'LARGE' }, { code: '00002', segment: 'MID' }, { code: '00003', segment: 'SMALL' }]);
    expect(r.southbound.SH.add).toMatchObject([{ code: '00001', path: 'HSCI_LARGE' }, { code: '00002', path: 'HSCI_MID' }, { code: '00003', path: 'HSCI_SMALL' }]);
  });

  it.each([
    ['exactly HK$5bn, not eligible before: added', 5 * BN, [], true, 'HSCI_SMALL'],
    ['HK$5bn - 1, not eligible before: not added', 5 * BN - 1, [], false, null],
    ['HK$4bn, already eligible: retained', 4 * BN, ['00003'], true, 'HSCI_SMALL_RETAINED'],
    ['HK$4bn - 1, already eligible: removed', 4 * BN - 1, ['00003'], false, null],
    ['HK$4.5bn, not eligible before: not added (the buffer is for keeping)', 4.5 * BN, [], false, null],
    ['no Southbound average (missing data): not eligible', null, [], false, null],
  ] as const)('%s', (_label, sbAvg, before, eligible, path) => {
    const r = review({ sbAvg }, { sh: [...before], sz: [...before] });
    const d = r.decisions.find((x) => x.code === '00003')!;
    for (const ch of ['SH', 'SZ'] as const) {
      expect(d.southbound[ch]).toMatchObject({ after: eligible, path });
      expect(codes(r.southbound[ch].add).includes('00003')).toBe(eligible && before.length === 0);
      expect(codes(r.southbound[ch].remove).includes('00003')).toBe(!eligible && before.length > 0);
    }
    if (!eligible) expect(d.southbound.SH.rule).toBe(before.length ? 'sb-smallcap-keep' : 'sb-smallcap-in');
  });

  // §9: the HSCI path of a LargeCap or MidCap constituent is decided by the 95% MidCap line over the constituents
  // after the review (80 / 100 = 80%, 95 / 100 = 95% exactly): its reason says how far it is from that line.
  it.each([
    ['00001', 'HSCI_LARGE', 'HSCI LargeCap constituent after the review (constituent coverage 80.0%, 15.0 points inside the 95% line)'],
    ['00002', 'HSCI_MID', 'HSCI MidCap constituent after the review (constituent coverage 95.0%, exactly on the 95% line)'],
  ])('the LargeCap / MidCap path reason states the distance to the MidCap line: %s', (code, path, reason) => {
    const r = review({}, {});
    expect(r.southbound.SH.add.find((a) => a.code === code)).toMatchObject({ path, reason });
    expect(r.decisions.find((d) => d.code === code)!.southbound.SZ.reason).toBe(reason);
  });

  // §9: a distance under HK$0.1m must not read "HK$0.0m below" (the average is compared unrounded).
  it.each([
    ['HK$0.40 below the HK$5bn line', 5 * BN - 0.4, false, 'HK$0.4 below the HK$5bn line'],
    ['HK$40,000 below it', 5 * BN - 40_000, false, 'HK$40,000 below the HK$5bn line'],
    ['HK$0.25 above it', 5 * BN + 0.25, true, 'HK$0.25 above the HK$5bn line'],
    ['HK$300,000 above it (millions from HK$0.1m)', 5 * BN + 300_000, true, 'HK$0.3m above the HK$5bn line'],
  ])('a SmallCap average %s states the gap in HK$', (_label, sbAvg, eligible, distance) => {
    const d = review({ sbAvg }, {}).decisions.find((x) => x.code === '00003')!;
    expect(d.southbound.SH.after).toBe(eligible);
    expect(d.southbound.SH.reason).toContain(distance);
  });

  it('states the distance in the reason and flags a name within 10% of a money line', () => {
    const r = review({ sbAvg: 3.9 * BN }, { sh: ['00003'] });
    expect(r.southbound.SH.remove).toMatchObject([{ code: '00003', rule: 'sb-smallcap-keep', borderline: true }]);
    expect(r.southbound.SH.remove[0]!.reason).toContain('average HK$3.90bn, HK$100.0m below the HK$4bn line');
    // 00003 also sits at 95.7% universe coverage, within 0.5 points of the 96% line that decides a constituent.
    // Closest first: HK$0.1bn under 4bn is 0.25 of the 10% margin, 0.3 points 0.6 of the 0.5-point margin.
    expect(r.borderline.filter((b) => b.code === '00003').map((b) => b.line)).toEqual(['sb-smallcap-keep', 'hsci-coverage-delete']);
  });

  it('an A+H SmallCap does not get the retention buffer: removed from SH (A share on SZSE), kept on SZ via A+H', () => {
    const r = review({ sbAvg: 4.5 * BN, attrs: { aShareExchange: 'SZSE', aShareCode: '000001' } }, { sh: ['00003'], sz: ['00003'] });
    expect(codes(r.southbound.SH.remove)).toEqual(['00003']);
    expect(r.southbound.SH.remove[0]!.reason).toContain('A+H: the retention buffer does not apply');
    expect(codes(r.southbound.SZ.remove)).toEqual([]);
    expect(r.decisions.find((d) => d.code === '00003')!.southbound.SZ).toMatchObject({ after: true, path: 'A_PLUS_H' });
  });
});

describe('A+H path (§7.1.2, §7.1.3)', () => {
  it.each([
    ['A share on SSE: both channels', 'SSE', ['00020'], ['00020']],
    ['A share on SZSE: SZ only', 'SZSE', [], ['00020']],
  ] as const)('outside the HSCI, %s', (_l, exchange, sh, sz) => {
    const r = review({}, {}, [{ code: '00020', avg: 0.5 * BN, attrs: { aShareExchange: exchange, aShareCode: '600000' } }]);
    expect(r.hsci.add.map((a) => a.code)).not.toContain('00020');
    expect(codes(r.southbound.SH.add).filter((c) => c === '00020')).toEqual(sh);
    expect(codes(r.southbound.SZ.add).filter((c) => c === '00020')).toEqual(sz);
    expect(r.southbound.SZ.add.find((a) => a.code === '00020')!.path).toBe('A_PLUS_H');
  });

  it.each([
    ['eligible on the cut-off itself: added', CUTOFF, true],
    ['eligible the day after the cut-off: pending with its date', '2026-07-02', false],
  ])('new A+H listing %s', (_l, eligibleFrom, added) => {
    const r = review({}, {}, [{ code: '00021', avg: 0.5 * BN, attrs: { aShareExchange: 'SSE', aShareCode: '600001', listingDate: '2026-06-01' }, aPlusH: { exchange: 'SSE', eligibleFrom } }]);
    expect(codes(r.southbound.SH.add).includes('00021')).toBe(added);
    expect(r.pending).toEqual(added ? [] : [expect.objectContaining({ code: '00021', event: 'A_PLUS_H_STABILISATION', date: eligibleFrom, channels: ['SH', 'SZ'] })]);
  });
});

describe('exclusions override every way in (§7.2)', () => {
  it.each([
    ['RMB counter', { attrs: { currency: 'CNY' as const } }, 'sb-exclusion-currency'],
    ['secondary listing', { attrs: { secondaryListing: true } }, 'sb-exclusion-secondary'],
    ['REIT', { attrs: { type: 'REIT' as const } }, 'sb-exclusion-type'],
    ['stapled security', { attrs: { type: 'STAPLED' as const } }, 'sb-exclusion-type'],
    ['A share under risk alert (A+H)', { attrs: { aShareExchange: 'SSE' as const, aShareCode: '600002', aShareRiskAlert: true } }, 'sb-exclusion-risk-alert'],
    ['delisted on the cut-off', { attrs: { delistingDate: CUTOFF } }, 'sb-exclusion-delisted'],
  ])('%s: a LargeCap on both lists is removed from both', (_l, over, rule) => {
    const r = review({}, { sh: ['00001'], sz: ['00001'] }, []);
    expect(codes(r.southbound.SH.remove)).toEqual([]);
    const metrics = [buildMetrics({ code: '00001', avg: 80 * BN, ...over }), buildMetrics({ code: '00002', avg: 15 * BN })];
    const r2 = screenReview(buildInput(metrics, { hsci: { '00001': 'LARGE', '00002': 'MID' }, sh: ['00001'], sz: ['00001'] }));
    expect(r2.hsci.constituents.map((c) => c.code)).toContain('00001');
    for (const ch of ['SH', 'SZ'] as const) expect(r2.southbound[ch].remove).toMatchObject([{ code: '00001', rule }]);
  });

  it('an ETF on a list is left alone, and one not on a list is never added', () => {
    const r = review({}, { sh: ['02800'], sz: [] }, [
      { code: '02800', avg: 100 * BN, inUniverse: false, attrs: { type: 'ETF' } },
      { code: '02801', avg: 100 * BN, inUniverse: false, attrs: { type: 'ETF' } },
    ]);
    for (const ch of ['SH', 'SZ'] as const) {
      expect(codes(r.southbound[ch].remove)).not.toContain('02800');
      expect(codes(r.southbound[ch].add)).not.toContain('02801');
    }
    expect(r.decisions.find((d) => d.code === '02800')!.southbound.SH).toMatchObject({ before: true, after: true, rule: 'sb-unscreened' });
  });

  it('a Southbound code with no securities record is left alone with a warning', () => {
    const r = review({}, { sh: ['08888'] });
    expect(codes(r.southbound.SH.remove)).not.toContain('08888');
    expect(r.warnings.join(' ')).toContain('08888 (SH)');
  });
});

describe('WVR companies (§7.3)', () => {
  const wvrTarget = (wvr: MetricsOptions['wvr']): Partial<MetricsOptions> => ({ sbAvg: 6 * BN, attrs: { wvr: true }, wvr });
  it.each([
    ['passing the tests, seasoned before E: added', {}, true, 'sb-smallcap-in'],
    ['failing the 183-day turnover: not added', { turnoverHkd: 6 * BN - 1, passesTurnover: false }, false, 'sb-wvr-183d-turnover'],
    ['failing the 183-day average: not added', { avgMarketCapHkd: 19 * BN, passesCap: false }, false, 'sb-wvr-183d-cap'],
    ['seasoned exactly on E: added', { seasonedOn: EFFECTIVE }, true, 'sb-smallcap-in'],
  ])('%s', (_l, wvr, added, rule) => {
    const r = review(wvrTarget(wvr), {});
    expect(codes(r.southbound.SH.add).includes('00003')).toBe(added);
    expect(r.decisions.find((d) => d.code === '00003')!.southbound.SH.rule).toBe(rule);
    expect(r.pending).toEqual([]);
  });

  it('passing the tests but seasoned the day after E: pending WVR_SEASONED with that date', () => {
    const r = review(wvrTarget({ seasonedOn: '2026-09-08' }), {});
    expect(codes(r.southbound.SH.add)).not.toContain('00003');
    expect(r.pending).toMatchObject([{ code: '00003', event: 'WVR_SEASONED', date: '2026-09-08', channels: ['SH', 'SZ'] }]);
  });

  it('already eligible on SH: kept on the HSCI path alone; not added on SZ while failing turnover', () => {
    const r = review(wvrTarget({ turnoverHkd: BN, passesTurnover: false }), { sh: ['00003'] });
    expect(codes(r.southbound.SH.remove)).toEqual([]);
    expect(codes(r.southbound.SZ.add)).not.toContain('00003');
    expect(r.borderline.some((b) => b.code === '00003' && b.line.startsWith('sb-wvr'))).toBe(false);
  });

  it('flags the 183-day turnover within 10% of HK$6bn as borderline', () => {
    const r = review(wvrTarget({ turnoverHkd: 5.5 * BN, passesTurnover: false }), {});
    expect(r.borderline.filter((b) => b.code === '00003' && b.line.startsWith('sb-')).map((b) => b.line)).toEqual(['sb-wvr-183d-turnover']);
  });
});
