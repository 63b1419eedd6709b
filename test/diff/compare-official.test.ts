import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectOfficialFormat, parseOfficialFile } from '../../src/ingest/parse-official-file.js';
import { compareWithOfficial, predictListAfter } from '../../src/report/diff-official.js';
import { buildReviewFixture } from '../report/review-fixture.js';

const SSE_JSON = resolve(process.cwd(), 'test/fixtures/real/sse-southbound-list-2026-08.json');
const codes = (items: ReadonlyArray<{ code: string }>) => items.map((i) => i.code);

// The fixture predicts: hsci add 00268 02259; hsci remove 00999 01234 02507;
// SH add 02259, SH remove 01234; SZ add 00123 02259, SZ remove 00789.
const CONTRACT_CSV = [
  'list,code,name,channel',
  'hsci_add,2259,Zijin Gold,',
  'hsci_add,777,Netdragon,',
  'hsci_remove,2507,Tail Holdings,',
  'hsci_remove,01234,,',
  'sb_add,2259,Zijin Gold,BOTH',
  'sb_add,456,Just Kept,SH',
  'sb_remove,789,Fell Below,SZ',
].join('\n');

describe('diff against the contract CSV', () => {
  const official = parseOfficialFile(CONTRACT_CSV, null);
  const lists = compareWithOfficial(buildReviewFixture(), official, {});

  it('reads the file as the contract format with one list per list and channel', () => {
    expect(official.format).toBe('contract-csv');
    expect(official.issues).toEqual([]);
    expect(Object.keys(lists).sort()).toEqual(['hsci_add', 'hsci_remove', 'sb_add_SH', 'sb_add_SZ', 'sb_remove_SZ']);
  });

  it('counts hits, misses and extras exactly, with precision and recall', () => {
    const summary = Object.fromEntries(Object.entries(lists).map(([k, l]) => [k, {
      hits: codes(l.hits), missed: codes(l.missed), extra: codes(l.extra), precision: l.precision, recall: l.recall,
    }]));
    expect(summary).toEqual({
      hsci_add: { hits: ['02259'], missed: ['00777'], extra: ['00268'], precision: 0.5, recall: 0.5 },
      hsci_remove: { hits: ['01234', '02507'], missed: [], extra: ['00999'], precision: 2 / 3, recall: 1 },
      sb_add_SH: { hits: ['02259'], missed: ['00456'], extra: [], precision: 1, recall: 0.5 },
      sb_add_SZ: { hits: ['02259'], missed: [], extra: ['00123'], precision: 0.5, recall: 1 },
      sb_remove_SZ: { hits: ['00789'], missed: [], extra: [], precision: 1, recall: 1 },
    });
  });

  it('explains each mismatch from the decision: outcome, decisive rule with its distance, borderline', () => {
    const missed = lists.hsci_add!.missed[0]!;
    expect(missed).toMatchObject({ code: '00777', name: 'Netdragon', predicted: 'WAIT', borderline: true });
    expect(missed.explanation).toMatch(/^predicted WAIT: .*decisive rule hsci-coverage-add \(§6\.1, fail\): coverage 94\.\d\d% .*\(\+0\.\d\d pts from the line\); borderline$/);
    const extraSb = lists.sb_add_SZ!.extra[0]!;
    expect(extraSb.name).toBe('Yuexiu Ppt');
    expect(extraSb.explanation).toContain('SZ not on the list before, eligible after (HSCI_SMALL): sb-smallcap-in');
    expect(extraSb.explanation).toContain('+HK$1.20bn from the line');
    expect(lists.hsci_remove!.extra[0]!.explanation).toContain('predicted REMOVE');
    // hits carry no explanation
    expect(lists.hsci_add!.hits[0]).toEqual({ code: '02259', name: 'Zijin Gold' });
  });

  it('gives precision and recall unrounded (2/3 stays 0.666..., not 0.6667)', () => {
    expect(lists.hsci_remove!.precision).toBe(0.6666666666666666);
    expect(lists.hsci_remove).toMatchObject({ predictedCount: 3, officialCount: 2 });
    expect(lists.hsci_remove!.precisionReason).toBeUndefined();
  });

  it('gives precision 1 by convention (a number, as the contract has it) with the reason when nothing is predicted for a list, never NaN', () => {
    const none = { ...buildReviewFixture(), hsci: { add: [], remove: [], constituents: [] } };
    const l = compareWithOfficial(none, parseOfficialFile('list,code\nhsci_add,700\n', null), {}).hsci_add!;
    expect([l.precision, l.recall, codes(l.missed), l.predictedCount, l.officialCount]).toEqual([1, 0, ['00700'], 0, 1]);
    expect(l.precisionReason).toBe('nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention');
    expect(l.recallReason).toBeUndefined();
    expect(JSON.parse(JSON.stringify(l)).precision).toBe(1);
    const missedUnknown = l.missed[0]!;
    expect(missedUnknown.predicted).toBe('KEEP');
  });

  it('reports bad rows as issues and keeps the good ones', () => {
    const bad = parseOfficialFile('list,code,channel\nhsci_add,700,SH\nsb_add,70a,\nsb_move,5,\nsb_add,5,XX\nsb_add,5,\nsb_add,00005,\n', null);
    expect(bad.issues.map((i) => `${i.line}:${i.field}`)).toEqual(['2:channel', '3:code', '4:list', '5:channel', '7:code']);
    expect(codes(bad.lists.get('sb_add')!)).toEqual(['00005']);
  });
});

describe('diff against a Southbound list download (the list in force after the review)', () => {
  const text = readFileSync(SSE_JSON, 'utf8');
  const allCodes = Object.keys(JSON.parse(text) as Record<string, string>);

  it('needs a channel, since the download names none', () => {
    const a = parseOfficialFile(text, null);
    expect(a.format).toBe('list-json');
    expect(a.issues[0]!.reason).toContain('--channel');
  });

  it('compares the real SSE download with current list + adds - removes', () => {
    const official = parseOfficialFile(text, 'SH');
    expect(official.issues).toEqual([]);
    expect(official.lists.get('sb_list_SH')).toHaveLength(651);
    // On C: the download less 00001, 00002 and 02259, plus 01234 (the review removes it) and 08888 (kept).
    const current = [...allCodes.filter((c) => !['00001', '00002', '02259'].includes(c)), '01234', '08888'];
    const predictedAfter = predictListAfter(current, buildReviewFixture(), 'SH');
    expect(predictedAfter.size).toBe(650);
    expect(predictedAfter.has('02259')).toBe(true);
    expect(predictedAfter.has('01234')).toBe(false);
    const l = compareWithOfficial(buildReviewFixture(), official, { SH: current }).sb_list_SH!;
    expect([l.hits.length, codes(l.missed), codes(l.extra)]).toEqual([649, ['00001', '00002'], ['08888']]);
    expect([l.precision, l.recall]).toEqual([649 / 650, 649 / 651]);
    expect(l.missed[0]).toMatchObject({ name: 'Ckh Holdings', predicted: 'NOT_SCREENED' });
    expect(l.missed[0]!.explanation).toContain('no security record');
  });

  it('reads a code/name CSV list with a channel column', () => {
    const a = parseOfficialFile('代码,简称,渠道\n700,Tencent,沪港通\n5,Hsbc,SZ\n1,Ckh,深\n', null);
    expect(a.format).toBe('list-csv');
    expect(codes(a.lists.get('sb_list_SH')!)).toEqual(['00700']);
    expect(codes(a.lists.get('sb_list_SZ')!)).toEqual(['00001', '00005']);
  });
});

describe('diff against an exchange adjustment notice', () => {
  const NOTICE = [
    '\uFEFF序号,证券代码,证券简称,调整方向,生效日期',
    '1,02259,紫金黄金国际,调入港股通标的,2026-09-07',
    '2,00789,Fell Below,调出港股通标的,2026-09-07',
    '3,00456,Just Kept,调出,2026-09-07',
    '4,09999,网易,调整,2026-09-07',
  ].join('\r\n');

  it('reads 调入 as added and 调出 as removed, on the --channel given', () => {
    const official = parseOfficialFile(NOTICE, 'SZ');
    expect(official.format).toBe('notice-csv');
    expect(official.issues).toEqual([{ line: 5, field: 'direction', reason: '"调整" says neither 调入 (added) nor 调出 (removed)' }]);
    const lists = compareWithOfficial(buildReviewFixture(), official, {});
    expect(Object.keys(lists).sort()).toEqual(['sb_add_SZ', 'sb_remove_SZ']);
    expect(lists.sb_add_SZ).toMatchObject({ precision: 0.5, recall: 1 });
    expect(codes(lists.sb_add_SZ!.extra)).toEqual(['00123']);
    expect(lists.sb_remove_SZ).toMatchObject({ precision: 1, recall: 0.5 });
    expect(codes(lists.sb_remove_SZ!.missed)).toEqual(['00456']);
    expect(lists.sb_add_SZ!.hits[0]!.name).toBe('紫金黄金国际');
  });

  it('takes the channel from a 渠道 column, and compares both channels together when there is none', () => {
    const withChannel = parseOfficialFile('代码,简称,调整内容,渠道\n2259,Zijin,调入,沪港通\n123,Yuexiu,调入,深港通\n', null);
    expect([...withChannel.lists.keys()]).toEqual(['sb_add_SH', 'sb_add_SZ']);
    const none = compareWithOfficial(buildReviewFixture(), parseOfficialFile('代码,调整方向\n2259,调入\n', null), {});
    expect(codes(none.sb_add!.hits)).toEqual(['02259']);
    expect(codes(none.sb_add!.extra)).toEqual(['00123']);
  });
});

describe('detectOfficialFormat', () => {
  it.each([
    ['list,code\nhsci_add,1\n', 'contract-csv'],
    ['{"00001":"A"}', 'list-json'],
    ['证券代码,调整方向\n1,调入\n', 'notice-csv'],
    ['code,name\n1,A\n', 'list-csv'],
    ['foo,bar\n1,2\n', null],
  ])('%j is %s', (text, format) => {
    expect(detectOfficialFormat(text)).toBe(format);
  });

  it('an unrecognised file is one file issue naming the accepted formats', () => {
    const a = parseOfficialFile('foo,bar\n1,2\n', null);
    expect(a.lists.size).toBe(0);
    expect(a.issues[0]!.reason).toContain('list,code CSV');
  });
});
