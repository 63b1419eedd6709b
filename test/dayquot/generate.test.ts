import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderDailyQuotations } from '../fixtures/dayquot/generate.js';
import { SAMPLE_QUOTES } from '../fixtures/dayquot/sample-quotes.js';

const REAL = resolve(__dirname, '../fixtures/real/hkex-dayquot-d260901e-sample.htm');
const PAGE_BREAK = "</font></pre><pre><font size='1'>";


describe('the synthetic report generator', () => {
  it('writes the real sample\'s data lines byte for byte (page-break prefixes aside)', () => {
    const real = readFileSync(REAL, 'latin1').split('\n').slice(55, 81).map((l) => l.replace(PAGE_BREAK, ''));
    const synthetic = renderDailyQuotations({ date: '2026-09-01', quotes: SAMPLE_QUOTES, linesPerPage: 10_000 }).split('\n');
    const start = synthetic.findIndex((l) => l.startsWith('     1 CKH'));
    expect(synthetic.slice(start, start + real.length)).toEqual(real);
  });

  it('writes the header date line as the real report does', () => {
    const text = renderDailyQuotations({ date: '2026-09-01', quotes: [] });
    expect(text).toContain('EXCHANGE SQUARE, HONG KONG      TEL: 25221122        DATE: 01 SEP 2026 (TUESDAY)');
  });

  it('puts a page break in front of every n-th line of the section', () => {
    const quotes = SAMPLE_QUOTES.slice(0, 3);
    const lines = renderDailyQuotations({ date: '2026-09-01', quotes, linesPerPage: 2 }).split('\n');
    expect(lines.filter((l) => l.startsWith(`${PAGE_BREAK}  `))).toHaveLength(2);
  });
});
