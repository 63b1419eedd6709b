import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDailyQuotations, type DayquotRow } from '../../src/ingest/parse-dayquot.js';

/** The real HKEX files, read as they are (latin1, as the report declares). */
const REAL = resolve(__dirname, '../fixtures/real');
const readReal = (name: string) => readFileSync(resolve(REAL, name), 'latin1');
const SAMPLE = 'hkex-dayquot-d260901e-sample.htm';
const HOLIDAY = 'hkex-dayquot-d261001e-holiday.htm';

type Figures = [number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null];
/** code, name, currency, markers, line, then previousClose, ask, high, sharesTraded, close, bid, low, turnover. */
function priced(code: string, name: string, currency: string, markers: string, line: number, f: Figures): DayquotRow {
  const [previousClose, ask, high, sharesTraded, close, bid, low, turnover] = f;
  return {
    code, name, currency, markers, line, suspended: false, halted: false,
    previousClose, ask, high, sharesTraded, close, bid, low, turnover, turnoverHkd: currency === 'HKD' ? turnover : null,
  };
}
function suspended(code: string, name: string, line: number): DayquotRow {
  return {
    code, name, currency: 'HKD', markers: '', line, suspended: true, halted: false,
    previousClose: null, ask: null, high: null, sharesTraded: null, close: null, bid: null, low: null, turnover: null, turnoverHkd: null,
  };
}

describe('parseDailyQuotations on the real HKEX sample d260901e', () => {
  const result = parseDailyQuotations(readReal(SAMPLE), SAMPLE);

  it('takes the date from the header, not the file name, and finds no issue', () => {
    expect(result.date).toBe('2026-09-01');
    expect(result.holiday).toBe(false);
    expect(result.issues).toEqual([]);
  });

  it('reads every row of the QUOTATIONS section exactly, in report order', () => {
    expect(result.rows).toEqual([
      priced('00001', 'CKH HOLDINGS', 'HKD', '', 56, [70.5, 69.1, 70.35, 7_261_139, 69.05, 69.05, 68.6, 502_493_854]),
      priced('00003', 'HK & CHINA GAS', 'HKD', '', 58, [7.21, 7.08, 7.21, 22_740_984, 7.08, 7.075, 7.05, 161_278_937]),
      priced('00005', 'HSBC HOLDINGS', 'HKD', '', 60, [161, 160.6, 161.3, 11_434_136, 160.6, 160.5, 158.8, 1_828_542_012]),
      suspended('00007', 'WISDOM WEALTH', 62),
      // Not traded: "-" for high, low, shares and turnover; the closing line repeats the previous close.
      priced('00046', 'COMPUTER & TECH', 'HKD', '', 63, [1.3, 1.37, null, null, 1.3, 1.215, null, null]),
      suspended('00106', 'LANDSEA MGMT', 65),
      priced('00107', 'SICHUAN EXPRESS', 'HKD', '', 66, [4.74, 4.71, 4.755, 1_350_000, 4.705, 4.7, 4.695, 6_375_110]),
      priced('00700', 'TENCENT', 'HKD', '*', 68, [453, 441.6, 447.6, 20_289_781, 441.4, 441.4, 440.6, 8_990_301_596]),
      priced('02800', 'TRACKER FUND', 'HKD', '*', 70, [26.08, 25.88, 26.04, 675_379_147, 25.86, 25.86, 25.78, 17_481_921_740]),
      priced('09988', 'BABA-W', 'HKD', '*', 72, [114.2, 110.4, 112.7, 99_751_649, 110.4, 110.3, 109.5, 11_022_005_788]),
      priced('80737', 'BAY AREA DEV-R', 'CNY', '', 74, [1.75, 1.75, null, null, 1.75, 1.64, null, null]),
      priced('89009', 'PRC B2802-R', 'CNY', '', 76, [null, null, null, null, null, null, null, null]),
      // Its second line sits after a page break (`</font></pre><pre><font size='1'>` in front).
      priced('00127', 'CHINESE EST H', 'HKD', '', 78, [1.07, 1.08, 1.08, 62_000, 1.08, 1.06, 1.05, 65_810]),
      priced('89988', 'BABA-WR', 'CNY', '', 80, [97.85, 97.6, 96, 152_100, 94.7, 94.4, 93.9, 14_372_815]),
    ]);
  });

  it('keeps a CNY counter turnover in its own currency and never as HK$', () => {
    const baba = result.rows.find((r) => r.code === '89988')!;
    expect(baba.turnover).toBe(14_372_815);
    expect(baba.turnoverHkd).toBeNull();
  });

  it('stops at the end of the section: the SALES RECORDS line naming code 1 adds nothing', () => {
    expect(result.rows.filter((r) => r.code === '00001')).toHaveLength(1);
    expect(result.rows).toHaveLength(14);
  });
});

describe('parseDailyQuotations on the real holiday report d261001e', () => {
  it('is a holiday, not an error: no rows, no issues, no date in the file', () => {
    const result = parseDailyQuotations(readReal(HOLIDAY), HOLIDAY);
    expect(result).toEqual({ date: null, holiday: true, rows: [], issues: [] });
  });
});
