import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDailyQuotations, type DayquotRow } from '../../src/ingest/parse-dayquot.js';
import { renderDailyQuotations, type Cell, type SyntheticQuote } from '../fixtures/dayquot/generate.js';
import { SAMPLE_QUOTES } from '../fixtures/dayquot/sample-quotes.js';

const FILE = 'd260901e.htm';
const DATE = '2026-09-01';
const report = (quotes: readonly SyntheticQuote[], linesPerPage = 60) => renderDailyQuotations({ date: DATE, quotes, linesPerPage });
const parse = (text: string) => parseDailyQuotations(text, FILE);
const num = (c: Cell | undefined) => (typeof c === 'number' ? c : null);

/** What the parser must return for a generated quote (the rows minus their line numbers). */
function expected(q: SyntheticQuote): Omit<DayquotRow, 'line'> {
  const currency = q.currency ?? 'HKD';
  const stopped = q.status !== undefined;
  return {
    code: String(q.code).padStart(5, '0'), name: q.name.trim(), currency, markers: q.marker ?? '',
    suspended: q.status === 'SUSPENDED', halted: q.status === 'HALTED',
    previousClose: stopped ? null : num(q.previousClose), ask: stopped ? null : num(q.ask), high: stopped ? null : num(q.high),
    sharesTraded: stopped ? null : num(q.sharesTraded), close: stopped ? null : num(q.close), bid: stopped ? null : num(q.bid),
    low: stopped ? null : num(q.low), turnover: stopped ? null : num(q.turnover),
    turnoverHkd: stopped || currency !== 'HKD' ? null : num(q.turnover),
  };
}
const withoutLines = (rows: readonly DayquotRow[]) => rows.map(({ line: _line, ...rest }) => rest);
const priced = (code: number, close: number, extra: Partial<SyntheticQuote> = {}): SyntheticQuote => ({
  code, name: `STOCK ${code}`, previousClose: close, ask: close, high: close, sharesTraded: 1000, close, bid: close, low: close, turnover: 1000 * close, ...extra,
});

describe('parseDailyQuotations hazards on synthetic reports', () => {
  it('reads the sample counters the same with a page break in front of every 1st, 2nd or 3rd line', () => {
    for (const perPage of [1, 2, 3, 7]) {
      const result = parse(report(SAMPLE_QUOTES, perPage));
      expect(result.issues).toEqual([]);
      expect(withoutLines(result.rows)).toEqual(SAMPLE_QUOTES.map(expected));
    }
  });

  it('reads * and # markers before or after the code', () => {
    const quotes = [
      priced(700, 441.4, { marker: '*' }), priced(5, 160.6, { marker: '#' }),
      priced(12, 30, { marker: '#', markerAfter: true }), priced(13, 31, { marker: '*', markerAfter: true }),
    ];
    const result = parse(report(quotes));
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.code, r.markers, r.name, r.close])).toEqual([
      ['00700', '*', 'STOCK 700', 441.4], ['00005', '#', 'STOCK 5', 160.6], ['00012', '#', 'STOCK 12', 30], ['00013', '*', 'STOCK 13', 31],
    ]);
  });

  it('reads TRADING HALTED as halted (not suspended) and TRADING SUSPENDED as suspended, each one line', () => {
    const quotes: SyntheticQuote[] = [
      { code: 8, name: 'HALTED CO', marker: '#', status: 'HALTED' }, { code: 9, name: 'SUSP CO', status: 'SUSPENDED' }, priced(10, 2.5),
    ];
    const result = parse(report(quotes));
    expect(result.issues).toEqual([]);
    expect(withoutLines(result.rows)).toEqual(quotes.map(expected));
  });

  it('decodes HTML entities in names: &amp; &#39; &lt; &gt; and numeric &#x27;', () => {
    const quotes = [priced(1, 1, { name: "AT&T'S <HK>" }), priced(2, 2, { name: 'M&A CO' })];
    const text = report(quotes).replace('M&amp;A', 'M&#x26;A');
    expect(text).toContain('AT&amp;T&#39;S &lt;HK&gt;');
    expect(parse(text).rows.map((r) => r.name)).toEqual(["AT&T'S <HK>", 'M&A CO']);
  });

  it('reads a latin1 name (the report is iso-8859-1) and CRLF line ends', () => {
    const latin1 = Buffer.from(report([priced(1, 1, { name: 'CAF\u00c9 DE CORAL' })]).replace(/\n/g, '\r\n'), 'latin1');
    const result = parse(latin1.toString('latin1'));
    expect(result.issues).toEqual([]);
    expect(result.rows[0]!.name).toBe('CAF\u00c9 DE CORAL');
  });

  it('reads thousands separators in shares traded and turnover up to hundreds of billions', () => {
    const result = parse(report([priced(2800, 25.86, { sharesTraded: 675_379_147, turnover: 317_481_921_740 })]));
    expect(result.rows[0]).toMatchObject({ sharesTraded: 675_379_147, turnover: 317_481_921_740, turnoverHkd: 317_481_921_740 });
  });

  it('keeps non-HKD counters with their currency and no HK$ turnover', () => {
    const result = parse(report([priced(80001, 9.5, { currency: 'USD' }), priced(80002, 9.5, { currency: 'CNY' })]));
    expect(result.rows.map((r) => [r.currency, r.turnover, r.turnoverHkd])).toEqual([['USD', 9500, null], ['CNY', 9500, null]]);
  });

  it('stops at the ------- line: a row after it is not read', () => {
    const text = report([priced(1, 1)]).replace(' * 20 Most Active($) Stock', '     2 AFTER END        HKD    1.00     1.00     1.00                1,000');
    expect(parse(text).rows.map((r) => r.code)).toEqual(['00001']);
  });

  it('stops at the next anchor when the ------- line is missing', () => {
    const text = report([priced(1, 1)]).replace(/^.*-{20,}$/gm, '').replace(/^ [*#] .*$/gm, '').replace('                                  1 CKH HOLDINGS', '     9 CKH HOLDINGS     HKD    1.00     1.00     1.00                1,000');
    const result = parse(text);
    expect(result.rows.map((r) => r.code)).toEqual(['00001']);
    expect(result.issues).toEqual([]);
  });

  it('the header date wins over the file name', () => {
    const result = parseDailyQuotations(report([priced(1, 1)]), 'd991231e.htm');
    expect(result.date).toBe(DATE);
  });
});

describe('parseDailyQuotations: malformed input becomes issues with file, line and field', () => {
  const base = report([priced(1, 1), priced(2, 2), priced(3, 3)]);
  const lines = base.split('\n');
  const lineOf = (code: number) => lines.findIndex((l) => new RegExp(`^ *${code} STOCK ${code} `).test(l)) + 1;

  it('a bad figure on the first line names the field; the other rows still load', () => {
    const result = parse(base.replace(/(STOCK 2 +HKD +)2\.00/, '$12.x0'));
    expect(result.issues).toEqual([{ file: FILE, line: lineOf(2), field: 'previous close', reason: '"2.x0" is not a number, "-" or "N/A"' }]);
    expect(result.rows.map((r) => r.code)).toEqual(['00001', '00003']);
  });

  it('a bad figure on the second line names that line and field', () => {
    const l2 = lineOf(3) + 1;
    const text = lines.map((l, i) => (i + 1 === l2 ? l.replace(/3,000$/, '3,0O0') : l)).join('\n');
    const result = parse(text);
    expect(result.issues).toEqual([{ file: FILE, line: l2, field: 'turnover', reason: '"3,0O0" is not a number, "-" or "N/A"' }]);
    expect(result.rows.map((r) => r.code)).toEqual(['00001', '00002']);
  });

  it('a first line without its second line, and a stray second line, are each reported', () => {
    const l2 = lineOf(2) + 1;
    const withoutSecond = lines.filter((_, i) => i + 1 !== l2).join('\n');
    const r1 = parse(withoutSecond);
    expect(r1.issues).toEqual([{ file: FILE, line: lineOf(2), field: 'closing', reason: 'code 00002 has no second line (closing, bid, low, turnover)' }]);
    expect(r1.rows.map((r) => r.code)).toEqual(['00001', '00003']);
    const stray = lines.map((l, i) => (i + 1 === lineOf(2) ? '' : l)).join('\n');
    expect(parse(stray).issues).toEqual([{ file: FILE, line: l2, field: 'closing', reason: 'a second line (closing, bid, low, turnover) with no first line before it' }]);
  });

  it('an unreadable line and a row with too few figures are reported, not thrown', () => {
    const text = base.replace(/^( +2 STOCK 2 +HKD +2\.00 +2\.00 +2\.00) +[\d,]+$/m, '$1').replace(/^( +3 STOCK 3.*)$/m, 'garbage here\n$1');
    const result = parse(text);
    expect(result.issues.map((i) => [i.field, i.reason.slice(0, 30)])).toEqual([
      ['row', 'cannot read the row of code 00'],
      ['closing', 'a second line (closing, bid, l'],
      ['row', 'cannot read this line of the Q'],
    ]);
    expect(result.rows.map((r) => r.code)).toEqual(['00001', '00003']);
  });

  it('a code printed twice keeps the first row and reports the second', () => {
    const result = parse(report([priced(1, 1), priced(1, 9)]));
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.close).toBe(1);
    expect(result.issues).toEqual([{ file: FILE, line: expect.any(Number), field: 'code', reason: expect.stringContaining('code 00001 appears again') }]);
  });

  it('a missing, impossible or mis-weekdayed header date is a date issue', () => {
    expect(parse(base.replace(/DATE: .*$/m, '')).issues).toEqual([{ file: FILE, field: 'date', reason: 'no "DATE: DD MON YYYY" header found' }]);
    expect(parse(base.replace('DATE: 01 SEP 2026 (TUESDAY)', 'DATE: 31 FEB 2026 (TUESDAY)')).issues[0]).toMatchObject({ field: 'date', reason: 'the header date "31 FEB 2026" is not a real calendar date' });
    expect(parse(base.replace('(TUESDAY)', '(MONDAY)')).issues[0]).toMatchObject({ field: 'date', reason: 'the header date 2026-09-01 is not a MONDAY' });
  });

  it('a file that is no daily quotations report is one file issue', () => {
    const result = parse('code,date,shares_issued\n700,2026-01-01,1\n');
    expect(result.rows).toEqual([]);
    expect(result.holiday).toBe(false);
    expect(result.issues.map((i) => i.reason)).toContain('no QUOTATIONS section found (is this an HKEX daily quotations report?)');
  });
});

describe('parseDailyQuotations round-trips any generated report (property)', () => {
  const NAME_CHARS = [..."ABCXYZ019&' .-<>"];
  const price = fc.integer({ min: 1, max: 9_999_999 }).map((n) => n / 1000);
  const cell: fc.Arbitrary<Cell> = fc.oneof(price, fc.constant(null), fc.constant('N/A' as const));
  const quote = (code: number): fc.Arbitrary<SyntheticQuote> => fc.record({
    code: fc.constant(code),
    name: fc.array(fc.constantFrom(...NAME_CHARS), { minLength: 1, maxLength: 16 }).map((cs) => `X${cs.join('')}`.slice(0, 16)),
    currency: fc.constantFrom('HKD', 'CNY', 'USD'),
    marker: fc.constantFrom(undefined, '*', '#'),
    markerAfter: fc.boolean(),
    status: fc.constantFrom(undefined, undefined, undefined, 'SUSPENDED' as const, 'HALTED' as const),
    previousClose: cell, ask: cell, high: cell, close: cell, bid: cell, low: cell,
    sharesTraded: fc.oneof(fc.integer({ min: 0, max: 9e11 }), fc.constant(null)),
    turnover: fc.oneof(fc.integer({ min: 0, max: 9e11 }), fc.constant(null)),
  }, { requiredKeys: ['code', 'name'] }) as fc.Arbitrary<SyntheticQuote>;

  it('rows out equal quotes in, whatever the page size', () => {
    const quotes = fc.uniqueArray(fc.integer({ min: 1, max: 99_999 }), { maxLength: 30 })
      .chain((codes) => fc.tuple(...codes.map(quote)));
    fc.assert(fc.property(quotes, fc.integer({ min: 1, max: 20 }), (qs, perPage) => {
      const result = parse(report(qs, perPage));
      expect(result.issues).toEqual([]);
      expect(withoutLines(result.rows)).toEqual(qs.map((q) => ({ ...expected(q), name: q.name.padEnd(16).slice(0, 16).trim() })));
    }), { numRuns: 100 });
  });
});
