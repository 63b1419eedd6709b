import { describe, expect, it } from 'vitest';
import type { DailySeries } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { checkDataSufficiency, type SufficiencyInput } from '../../src/screen/data-sufficiency.js';

const m = getMethodology('hsci-2025');
const DAYS = ['2026-06-24', '2026-06-25', '2026-06-26', '2026-06-29', '2026-06-30'];
const CODES = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(5, '0'));
const seriesOn = (dates: string[]): DailySeries => ({
  dates, marketCapHkd: new Float64Array(dates.length).fill(1e9), turnoverHkd: new Float64Array(dates.length), suspended: new Uint8Array(dates.length),
});
function input(over: Partial<SufficiencyInput> = {}, seriesOf: (code: string) => string[] = () => DAYS): SufficiencyInput {
  return {
    cutoff: '2026-06-30', cutoffTradingDay: '2026-06-30', windowDays: DAYS,
    securities: CODES.map((code) => ({ code, listingDate: '2010-01-04', delistingDate: null })),
    series: new Map(CODES.map((c) => [c, seriesOn(seriesOf(c))])), hsciBefore: new Map([['00001', 'LARGE']]),
    rankedCount: 2_000, methodology: m, ...over,
  };
}

describe('checkDataSufficiency', () => {
  it('says nothing about a whole market with data every day', () => {
    expect(checkDataSufficiency(input())).toEqual([]);
  });

  it('a partial market: warns below 80% of the 2,200 names a Main Board ranks (1,760), not at it', () => {
    expect(checkDataSufficiency(input({ rankedCount: 1_760 }))).toEqual([]);
    const [w] = checkDataSufficiency(input({ rankedCount: 1_759 }));
    expect(w).toMatch(/^the ranked universe holds 1759 securities, where a full Main Board ranks about 2,200: coverage is a share of the whole market's cap/);
    expect(checkDataSufficiency(input({ rankedCount: 12 }))[0]).toMatch(/^the ranked universe holds 12 securities/);
  });

  it('an HSCI constituent in force with no data in the window', () => {
    const w = checkDataSufficiency(input({ hsciBefore: new Map([['00001', 'LARGE'], ['09999', 'SMALL']]) }));
    expect(w).toEqual([expect.stringMatching(/^1 HSCI constituent\(s\) in force on 2026-06-30 have no daily data in the averaging window \(09999\)/)]);
  });

  it('securities whose data stops before C (a listed one with none in the window too); not one delisted by C or listed after it', () => {
    const w = checkDataSufficiency(input({
      securities: [
        ...CODES.map((code) => ({ code, listingDate: '2010-01-04', delistingDate: code === '00004' ? '2026-06-29' : null })),
        { code: '08888', listingDate: '2020-01-02', delistingDate: null },
        { code: '07777', listingDate: '2026-07-02', delistingDate: null },
      ],
    }, (c) => (c === '00003' || c === '00004' ? DAYS.slice(0, 3) : DAYS)));
    expect(w).toEqual([expect.stringMatching(/^2 listed securities have no daily record on 2026-06-30, the cut-off's trading day: 00003 \(last 2026-06-26\), 08888 \(none in the window\); /)]);
  });

  it('thin days: a day with rows for under half the usual count is named; at half it is not', () => {
    // The median day holds 12 rows; the line is 6.
    const at = checkDataSufficiency(input({}, (c) => (Number(c) > 6 ? DAYS.filter((d) => d !== '2026-06-25') : DAYS)));
    expect(at).toEqual([]);
    const under = checkDataSufficiency(input({}, (c) => (Number(c) > 5 ? DAYS.filter((d) => d !== '2026-06-25') : DAYS)));
    expect(under).toEqual([expect.stringMatching(/^1 trading day\(s\) of the averaging window hold rows for fewer than 50% of the usual 12 securities: 2026-06-25 \(5\); /)]);
  });
});
