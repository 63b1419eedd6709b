import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { effectiveDateOf, parseAdjustmentNotice } from '../../src/ingest/parse-adjustment-notice.js';
import { missingPages, parseSzseListJson, parseSzseListXlsx } from '../../src/ingest/parse-szse-list.js';
import { buildXlsx } from '../support/xlsx.js';

const FIX = (name: string) => new URL(`../fixtures/constructed/${name}`, import.meta.url).pathname;
const text = (name: string) => readFileSync(FIX(name), 'utf8');

describe('the SZSE Southbound list', () => {
  it('JSON pages: rows, the date from metadata.subname, the paging fetch needs', () => {
    const p1 = parseSzseListJson(text('szse-southbound-list-2026-08-03-page1.json'), 'p1.json');
    expect(p1.fileIssue).toBeUndefined();
    expect(p1.asOf).toBe('2026-08-03');
    expect(p1.pages).toEqual({ pageNos: [1], pageCount: 3, recordCount: 45, catalog: 'SGT_GGTBDQD' });
    expect(missingPages(p1.pages!)).toEqual([2, 3]);
    expect(p1.rows).toHaveLength(20);
    expect(p1.rows[0]).toEqual({ line: 1, code: '00001', name: 'CKH HOLDINGS' });
    const p3 = parseSzseListJson(text('szse-southbound-list-2026-08-03-page3.json'), 'p3.json');
    expect(p3.rows).toHaveLength(5);
    expect(p3.pages?.pageNos).toEqual([3]);
    const all = [1, 2, 3].flatMap((n) => JSON.parse(text(`szse-southbound-list-2026-08-03-page${n}.json`)) as unknown[]);
    const whole = parseSzseListJson(JSON.stringify(all), 'all.json');
    expect(whole.rows).toHaveLength(45);
    expect(missingPages(whole.pages!)).toEqual([]);
  });

  it('JSON: tags around a code are stripped, a bad code is an issue with its position, a non-report is a file issue', () => {
    const page = JSON.stringify([{ metadata: { subname: '2026-08-03', pageno: 1, pagecount: 1, recordcount: 2 }, data: [{ zqdm: '<u>00700</u>', zqjc: '腾讯控股' }, { zqdm: 'ABC', zqjc: 'x' }] }]);
    const parsed = parseSzseListJson(page, 'p.json');
    expect(parsed.rows).toEqual([{ line: 1, code: '00700', name: '腾讯控股' }]);
    expect(parsed.issues).toEqual([{ file: 'p.json', line: 2, field: 'zqdm', reason: '"ABC" is not a stock code (1 to 5 digits, such as 700 or 00700)' }]);
    expect(parseSzseListJson('{"00001": "x"}', 'sse.json').fileIssue?.reason).toBe('the JSON is not an SZSE report page ([{"metadata": {...}, "data": [...]}])');
    expect(parseSzseListJson('<html>error</html>', 'e.json').fileIssue?.reason).toMatch(/^the file is not valid JSON/);
  });

  it('xlsx download: 港股代码 / 中文简称 / 英文简称, no date in it', () => {
    const bytes = buildXlsx([['港股通标的证券名单'], ['港股代码', '中文简称', '英文简称'], ['00001', '长和', 'CKH HOLDINGS'], ['00700', '', 'TENCENT'], ['7OO', '', 'BAD']], { sheetName: '港股通标的证券名单' });
    const parsed = parseSzseListXlsx(bytes, 'szse.xlsx');
    expect(parsed.rows).toEqual([{ line: 3, code: '00001', name: '长和' }, { line: 4, code: '00700', name: 'TENCENT' }]);
    expect(parsed.issues).toEqual([{ file: 'szse.xlsx', line: 5, field: '港股代码', reason: '"7OO" is not a stock code (1 to 5 digits, such as 700 or 00700)' }]);
    expect(parsed.asOf).toBeUndefined();
  });
});

describe('adjustment notices (HTML, 调入 / 调出)', () => {
  it('SSE: direction column, the effective date from "自2026年9月7日起", channel SH', () => {
    const n = parseAdjustmentNotice(text('sse-adjustment-notice-2026-09-07.html'), 'sse.html');
    expect(n.issues).toEqual([]);
    expect(n.asOf).toBe('2026-09-07');
    expect(n.channel).toBe('SH');
    expect(n.rows.map((r) => [r.code, r.direction, r.name])).toEqual([
      ['00350', 'add', 'SYN REPULSE INS'], ['06264', 'add', 'SYN SILVER INS'], ['09805', 'add', 'SYN WVR PLATFORM-W'],
      ['03907', 'remove', 'SYN LONG SUSPENDED'], ['03918', 'remove', 'SYN SLIPPING'],
    ]);
    expect(n.rows[0]!.line).toBe(17);
  });

  it('SZSE: direction from the captions 调入名单 / 调出名单, dates from the 生效日期 column, channel SZ', () => {
    const n = parseAdjustmentNotice(text('szse-adjustment-notice-2026-09-07.html'), 'szse.html');
    expect(n.issues).toEqual([]);
    expect(n.asOf).toBe('2026-09-07');
    expect(n.channel).toBe('SZ');
    expect(n.rows.map((r) => [r.code, r.direction, r.effective])).toEqual([['00350', 'add', '2026-09-07'], ['09805', 'add', '2026-09-07'], ['03907', 'remove', '2026-09-07']]);
  });

  it('a row that says neither, and a notice without an effective date, are issues naming line and field', () => {
    const html = '<p>通知</p><table>\n<tr><td>证券代码</td><td>调整内容</td></tr>\n<tr><td>00001</td><td>维持</td></tr>\n<tr><td>00002</td><td>调入</td></tr></table>';
    const n = parseAdjustmentNotice(html, 'n.html');
    expect(n.issues).toEqual([
      { file: 'n.html', line: 3, field: 'direction', reason: '"维持" says neither 调入 (added) nor 调出 (removed), and the table\'s caption does not say either' },
      { file: 'n.html', line: 4, field: 'effective date', reason: 'the notice gives no effective date (no 生效日期 column, no "自YYYY年M月D日起"): give it with --as-of' },
    ]);
    expect(effectiveDateOf('生效日期：2026年3月9日')).toBe('2026-03-09');
    expect(effectiveDateOf('自2026年2月30日起')).toBeNull();
  });
});
