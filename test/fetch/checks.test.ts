import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJsonBody, checkShrink, checkXlsxBody, looksLikeHtml, unwrapJsonp } from '../../src/fetch/content-checks.js';
import { inspectDayquot } from '../../src/fetch/inspect-dayquot.js';
import { inspectSseList } from '../../src/fetch/inspect-sse.js';
import { SOURCES, sourceUrl } from '../../src/fetch/sources.js';

const REAL = resolve(__dirname, '../fixtures/real');
const real = (name: string): Buffer => readFileSync(join(REAL, name));

describe('the shrink rule at its threshold (--max-shrink 0.1)', () => {
  it.each([
    [900, 1000, null],
    [899, 1000, 'it has 899 rows, 10.1% fewer than the 1000 of the last good copy (more than the 10% allowed by --max-shrink)'],
    [1000, 1000, null],
    [1200, 1000, null],
    [0, 1000, 'it has 0 rows, 100% fewer than the 1000 of the last good copy (more than the 10% allowed by --max-shrink)'],
    [5, null, null], // no last good copy: nothing to compare with
  ])('%s rows against %s', (rows, previous, expected) => {
    expect(checkShrink(rows, previous, 0.1)).toBe(expected);
  });

  it('at 0 nothing may shrink, and the line is a whole number of rows (585.9 -> 586 of 651 at 10%)', () => {
    expect(checkShrink(999, 1000, 0)).not.toBeNull();
    expect(checkShrink(1000, 1000, 0)).toBeNull();
    expect(checkShrink(586, 651, 0.1)).toBeNull();
    expect(checkShrink(585, 651, 0.1)).not.toBeNull();
  });
});

describe('body checks on the real files and their broken variants', () => {
  const xlsx = real('hkex-list-of-securities-2021-10-11.xlsx');
  it('accepts both real xlsx files whole', () => {
    expect(checkXlsxBody(xlsx)).toBeNull();
    expect(checkXlsxBody(real('hsi-hsci-constituents-2025-11-21.xlsx'))).toBeNull();
  });
  it('refuses an empty, a cut, an HTML and a non-zip body', () => {
    expect(checkXlsxBody(Buffer.alloc(0))).toBe('the response is empty');
    expect(checkXlsxBody(xlsx.subarray(0, xlsx.length - 1))).toMatch(/truncated/);
    expect(checkXlsxBody(xlsx.subarray(0, 1000))).toMatch(/truncated/);
    expect(checkXlsxBody(Buffer.from('  <html><body>Error</body></html>'))).toMatch(/HTML page/);
    expect(checkXlsxBody(Buffer.from('Stock Code,Name\n1,CKH\n'))).toMatch(/no zip signature/);
  });
  it('JSON: the real download passes, JSONP is unwrapped, a cut or HTML answer is refused', () => {
    expect(checkJsonBody(real('sse-southbound-list-2026-08.json'))).toBeNull();
    expect(unwrapJsonp('jsonpCallback12({"a":1})')).toBe('{"a":1}');
    const cut = real('sse-southbound-list-2026-08.json').subarray(0, 5000);
    expect(checkJsonBody(cut)).toMatch(/not valid JSON/);
    expect(checkJsonBody(Buffer.from('<!DOCTYPE html><html></html>'))).toMatch(/HTML page/);
    expect(looksLikeHtml(Buffer.from('{"00001": "<b>"}'))).toBe(false);
  });
});

describe('inspectDayquot', () => {
  const sample = real('hkex-dayquot-d260901e-sample.htm');
  it('counts and dates the real report', () => {
    expect(inspectDayquot(sample, '2026-09-01', 'd260901e.htm')).toEqual({ ok: true, rows: 14, asOf: '2026-09-01', holiday: false });
  });
  it('refuses a report dated another day than asked', () => {
    expect(inspectDayquot(sample, '2026-09-02', 'd260902e.htm')).toEqual({ ok: false, reason: 'the report is dated 2026-09-01, not 2026-09-02 as asked' });
  });
  it('passes the NO TRADING page on as a holiday (the job checks the calendar)', () => {
    expect(inspectDayquot(real('hkex-dayquot-d261001e-holiday.htm'), '2026-10-01', 'd261001e.htm')).toEqual({ ok: true, rows: 0, asOf: '2026-10-01', holiday: true });
  });
});

describe('inspectSseList', () => {
  it('dates the saved download by --as-of (it prints no date) and counts it', () => {
    expect(inspectSseList(real('sse-southbound-list-2026-08.json'), '2026-08-31')).toEqual({ ok: true, rows: 651, asOf: '2026-08-31' });
  });
  it('reads the SSE query answer, dated by its UPDATE_DATE, and keeps it as {code: name} for ingest southbound', () => {
    const answer = { pageHelp: { total: 2 }, result: [
      { SECURITY_CODE: '00001', SECURITY_ABBR_EN: 'CKH HOLDINGS', UPDATE_DATE: '2026-08-03' },
      { SECURITY_CODE: '00700', SECURITY_ABBR_EN: 'TENCENT ', UPDATE_DATE: '2026-08-03' },
    ] };
    const r = inspectSseList(Buffer.from(`jsonpCallback1(${JSON.stringify(answer)})`), '2026-09-01');
    expect(r).toMatchObject({ ok: true, rows: 2, asOf: '2026-08-03' });
    expect(r.ok && JSON.parse(r.normalized!.toString('utf8'))).toEqual({ '00001': 'CKH HOLDINGS', '00700': 'TENCENT' });
  });
  it('refuses an empty list and a list with bad entries', () => {
    expect(inspectSseList(Buffer.from('{}'), '2026-09-01')).toEqual({ ok: false, reason: 'the list is empty' });
    expect(inspectSseList(Buffer.from('{"result": []}'), '2026-09-01')).toEqual({ ok: false, reason: 'the list is empty' });
    expect(inspectSseList(Buffer.from('{"00001": "CKH", "7X": "BAD"}'), '2026-09-01')).toMatchObject({ ok: false, reason: expect.stringMatching(/^the list has 1 bad entries/) });
  });
});

describe('source addresses', () => {
  const r = { fallbackAsOf: '2026-09-01', date: '2026-09-01' };
  it('documents the public URLs and lets --base-url and --url stand in', () => {
    expect(sourceUrl(SOURCES.dayquot, r)).toBe('https://www.hkex.com.hk/eng/stat/smstat/dayquot/d260901e.htm');
    expect(sourceUrl(SOURCES.securities, r)).toBe('https://www.hkex.com.hk/eng/services/trading/securities/securitieslists/ListOfSecurities.xlsx');
    expect(sourceUrl(SOURCES.szse, r)).toBe('https://www.szse.cn/api/report/ShowReport?SHOWTYPE=xlsx&CATALOGID=SGT_GGTBDQD&TABKEY=tab1');
    expect(sourceUrl(SOURCES.sse, r)).toMatch(/^https:\/\/query\.sse\.com\.cn\/commonQuery\.do\?sqlId=COMMON_SSE_JYFW_HGT_XXPL_BDZQQD_L&/);
    expect(sourceUrl(SOURCES.dayquot, r, 'http://127.0.0.1:9/mirror/')).toBe('http://127.0.0.1:9/mirror/eng/stat/smstat/dayquot/d260901e.htm');
    expect(sourceUrl(SOURCES.hsci, r)).toBeNull();
    expect(sourceUrl(SOURCES.hsci, r, undefined, 'https://example.org/hsci.xlsx')).toBe('https://example.org/hsci.xlsx');
  });
});
