import { describe, expect, it } from 'vitest';
import { measureProcessesInterleaved } from '../../bench/measure.js';
import { summarise, toRateSummary } from '../../bench/stats.js';
import { countDailyRows, DAILY_HEADER, formatSecuritiesCsv, generateDailyChunks, generateSecurities } from '../../bench/generate-market.js';
import { generateLists } from '../../bench/market-lists.js';
import { parseDailyCsvFast } from '../../bench/floor.js';
import { chooseReviewDates, lastSemiAnnualCutoff } from '../../bench/review-dates.js';
import { summariseProfile } from '../../bench/profile-summary.js';
import { evaluateTargets } from '../../bench/targets.js';
import type { Measurement } from '../../bench/measure.js';
import { parseBenchOptions } from '../../bench/options.js';

const DAYS = ['2026-06-24', '2026-06-25', '2026-06-26', '2026-06-29', '2026-06-30'];
const params = { securities: 40, tradingDays: DAYS, seed: 7 };

describe('summarise', () => {
  it('gives median, min and max for odd and even counts', () => {
    expect(summarise([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5, runs: 3 });
    expect(summarise([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
    expect(summarise([7])).toEqual({ median: 7, min: 7, max: 7, runs: 1 });
  });
  it('refuses an empty list', () => {
    expect(() => summarise([])).toThrow(RangeError);
  });
  it('turns durations into rates with min and max swapped', () => {
    expect(toRateSummary({ median: 2000, min: 1000, max: 4000, runs: 3 }, 1000)).toEqual({ median: 500, min: 250, max: 1000, runs: 3 });
  });
});

describe('the bench market generator', () => {
  const text = () => {
    const securities = generateSecurities(params);
    return DAILY_HEADER + [...generateDailyChunks(params, securities)].join('');
  };

  it('is deterministic: the same parameters give the same files', () => {
    expect(text()).toBe(text());
    expect(formatSecuritiesCsv(generateSecurities(params))).toBe(formatSecuritiesCsv(generateSecurities(params)));
  });

  it('changes with the seed', () => {
    expect(formatSecuritiesCsv(generateSecurities({ ...params, seed: 8 }))).not.toBe(formatSecuritiesCsv(generateSecurities(params)));
  });

  it('produces the requested securities and the counted daily rows, all on the given trading days', () => {
    const securities = generateSecurities(params);
    expect(securities).toHaveLength(40);
    expect(new Set(securities.map((s) => s.code)).size).toBe(40);
    const rows = parseDailyCsvFast(text());
    expect(rows).toHaveLength(countDailyRows(securities));
    expect(rows.length).toBeGreaterThan(0);
    for (const [date, code, cap, turnover, suspended] of rows) {
      expect(DAYS).toContain(date);
      expect(code).toMatch(/^\d{5}$/);
      expect(Number.isInteger(cap) && cap >= 0).toBe(true);
      expect(Number.isInteger(turnover) && turnover >= 0).toBe(true);
      if (suspended === 1) expect(turnover).toBe(0);
    }
    const keys = rows.map((r) => `${r[0]} ${r[1]}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('writes a securities file with one line per security and the contract columns', () => {
    const lines = formatSecuritiesCsv(generateSecurities(params)).trim().split('\n');
    expect(lines[0]).toMatch(/^code,name,board,type,currency,listing_date,/);
    expect(lines).toHaveLength(41);
  });

  it('lists constituents only among the generated codes', () => {
    const securities = generateSecurities({ ...params, securities: 200 });
    const lists = generateLists(securities);
    const codes = new Set(securities.map((s) => s.code));
    const hsci = lists.hsciCsv.trim().split('\n').slice(1);
    expect(hsci).toHaveLength(lists.constituents);
    expect(lists.constituents).toBeGreaterThan(0);
    for (const line of hsci) expect(codes.has(line.split(',')[0]!)).toBe(true);
  });
});

describe('review dates', () => {
  it('finds the last 30 June or 31 December on or before the last day', () => {
    expect(lastSemiAnnualCutoff('2026-06-30')).toBe('2026-06-30');
    expect(lastSemiAnnualCutoff('2026-06-29')).toBe('2025-12-31');
    expect(lastSemiAnnualCutoff('2026-12-31')).toBe('2026-12-31');
    expect(lastSemiAnnualCutoff('2026-12-30')).toBe('2026-06-30');
  });
  it('picks a preview date before the cut-off that is not a quarter end, and a 12-month window', () => {
    const days = ['2026-03-27', '2026-03-30', '2026-03-31', '2026-04-01', '2026-06-30'];
    const d = chooseReviewDates(days, '2026-06-30', '00001');
    expect(d.cutoff).toBe('2026-06-30');
    expect(d.windowFrom).toBe('2025-06-30');
    expect(d.preview < d.cutoff).toBe(true);
    expect(d.preview.slice(5)).not.toBe('03-31');
  });
});

describe('profile summary', () => {
  it('adds self time per function, largest first', () => {
    const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///x/dist/src/a.js', lineNumber });
    const hot = summariseProfile({
      nodes: [{ id: 1, callFrame: frame('a', 0) }, { id: 2, callFrame: frame('b', 9) }],
      samples: [1, 2, 2, 2],
      timeDeltas: [1000, 1000, 2000, 1000],
    });
    expect(hot.map((h) => [h.where, h.selfMs])).toEqual([['b (src/a.js:10)', 4], ['a (src/a.js:1)', 1]]);
    expect(hot[0]!.share).toBeCloseTo(0.8);
  });
});

describe('targets', () => {
  const m = (median: number, ok = true, rss = 100): Measurement => ({
    label: 'x', wallMs: { median, min: median, max: median, runs: 1 }, peakRssMb: { median: rss, min: rss, max: rss, runs: 1 }, cpuMs: null, ok,
  });
  const query = (ms: number): Measurement => ({ ...m(ms + 40), parts: { ms: { median: ms, min: ms, max: ms, runs: 1 } } });
  // 960 / 640 is exactly 1.5; 1,000 / 500 is exactly 2.
  const inputs = (ingestMs: number, floorLoadMs: number, screenMs: number, ok = true, more: { oneCode?: number; average?: number; append?: number } = {}) => ({
    sqlOneCode: query(more.oneCode ?? 49), sqlMarketAverage: query(more.average ?? 999), ingest: m(ingestMs, ok), floorLoad: m(floorLoadMs),
    append: m(more.append ?? 199), screenFull: m(screenMs), floorAggregate: m(500), help: m(299), commands: [m(1, true, 300)],
  });
  const pass = (rows: ReturnType<typeof evaluateTargets>, name: string) => rows.find((t) => t.name === name)!.pass;
  it('passes at the line and misses just past it', () => {
    expect(pass(evaluateTargets(inputs(960, 640, 1000)), 'SQL: one code over a year')).toBe(true);
    expect(pass(evaluateTargets(inputs(960, 640, 1000, true, { oneCode: 50 })), 'SQL: one code over a year')).toBe(false);
    expect(pass(evaluateTargets(inputs(960, 640, 1000)), 'SQL: 12-month average per code')).toBe(true);
    expect(pass(evaluateTargets(inputs(960, 640, 1000, true, { average: 1000 })), 'SQL: 12-month average per code')).toBe(false);
    expect(pass(evaluateTargets(inputs(960, 640, 1000)), 'one-day append')).toBe(true);
    expect(pass(evaluateTargets(inputs(960, 640, 1000, true, { append: 200 })), 'one-day append')).toBe(false);
    expect(pass(evaluateTargets(inputs(960, 640, 1000)), 'load / floor load')).toBe(true);
    expect(pass(evaluateTargets(inputs(961, 640, 1000)), 'load / floor load')).toBe(false);
    expect(pass(evaluateTargets(inputs(960, 640, 1000)), 'full screen / floor aggregate')).toBe(true);
    expect(pass(evaluateTargets(inputs(960, 640, 1001)), 'full screen / floor aggregate')).toBe(false);
    const at = evaluateTargets(inputs(960, 640, 1000));
    expect(pass(at, '--help')).toBe(true);
    // peak memory must stay strictly below 300 MB
    expect(at.find((t) => t.name.startsWith('peak memory'))!.pass).toBe(false);
  });
  it('reports a failed command as not measured rather than pass or miss', () => {
    expect(evaluateTargets(inputs(1000, 700, 1000, false)).find((t) => t.name === 'load / floor load')!.pass).toBeNull();
    expect(evaluateTargets(inputs(960, 640, 1000)).some((t) => t.name.includes('rows/s'))).toBe(false);
  });
});

describe('bench options', () => {
  it('defaults to 5 runs, 3 load runs, 2,700 securities over 2 years, no scale', () => {
    expect(parseBenchOptions([])).toMatchObject({ runs: 5, loadRuns: 3, securities: 2700, years: 2, scale: false, write: true });
  });
  it('--quick lowers the runs and drops the scale table', () => {
    expect(parseBenchOptions(['--quick', '--scale'])).toMatchObject({ runs: 3, loadRuns: 1, scale: false });
  });
  it('rejects a bad number or date with the usage text', () => {
    expect(() => parseBenchOptions(['--runs', '0'])).toThrow(/--runs must be an integer >= 1/);
    expect(() => parseBenchOptions(['--end', '30/06/2026'])).toThrow(/--end must be YYYY-MM-DD/);
    expect(() => parseBenchOptions(['--bogus'])).toThrow();
  });
});

describe('measureProcessesInterleaved', () => {
  it('runs every warm-up first, then run i of each command before run i + 1 of any, and summarises each apart', () => {
    const order: string[] = [];
    const spec = (label: string, runs: number) => ({
      label, runs, cwd: process.cwd(), warmups: 1,
      before: (i: number) => order.push(`${label}${i}`),
      args: () => ['-e', `process.stdout.write('${label}')`],
      describe: (out: string) => out,
    });
    const [a, b] = measureProcessesInterleaved([spec('a', 2), spec('b', 3)]);
    expect(order).toEqual(['a-1', 'b-1', 'a0', 'b0', 'a1', 'b1', 'b2']);
    expect([a!.label, a!.ok, a!.detail, b!.label, b!.detail]).toEqual(['a', true, 'a', 'b', 'b']);
    expect(a!.wallMs.min).toBeGreaterThan(0);
  });
});
