import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

/*
 * The diff's channels and formats through runCli on the e2e scenario market (C = 2026-06-30). 00023 (Long
 * Suspended) is on the SH list before and not on SZ: the review removes it from SH and leaves SZ as it
 * was, under the same rule id (sb-path-hsci) on both channels. 00015 (AH Shenzhen, A share on SZSE) is
 * eligible on SZ by the A+H path and not on SH.
 */
let dir: string;
let db: string;
const NOW = new Date('2026-08-20T02:00:00Z');
const cli = (args: string[]) => runCliCaptured(db, NOW, args);

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-diff-ch-'));
  db = join(dir, 'store.db');
  await (await buildScenarioStore(db)).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHANNELS_FILE = [
  'list,code,name,channel',
  'hsci_remove,23,Long Suspended,',
  'sb_remove,23,Long Suspended,BOTH',
  'sb_add,15,AH Shenzhen,SH',
  'sb_remove,15,AH Shenzhen,SZ',
].join('\n');

describe('each channel explains itself with its own check', () => {
  it('an SZ row cites the SZ verdict, never the SH one, for a security whose SH and SZ outcomes differ', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('channels.csv', CHANNELS_FILE), '--format', 'json']);
    expect(r.code).toBe(0);
    const lists = JSON.parse(r.out).lists;
    // SH: removed, as the file says (a hit). SZ: never on the list, so not removed: missed on sb_remove_SZ.
    expect(lists.sb_remove_SH.hits.map((h: any) => h.code)).toContain('00023');
    const sz = lists.sb_remove_SZ.missed.find((m: any) => m.code === '00023');
    expect(sz).toMatchObject({ predicted: 'SZ:NOT_ELIGIBLE', rule: 'sb-path-hsci', reason: 'SZ not eligible: sb-path-hsci, not an HSCI constituent after the review' });
    expect(sz.explanation).toBe('SZ not on the list before, not eligible after: sb-path-hsci, not an HSCI constituent after the review; '
      + 'decisive rule sb-path-hsci (§7, fail): SZ: not an HSCI constituent after the review');
    expect(sz.explanation).not.toContain('SH');
    // 00015: SH's row says why SH is closed (the A share is on SZSE); SZ's row cites the A+H check.
    const sh15 = lists.sb_add_SH.missed.find((m: any) => m.code === '00015');
    expect(sh15.reason).toBe('SH not eligible: sb-path-hsci, not an HSCI constituent after the review; A share on SZSE: the A+H path opens SZ only');
    const sz15 = lists.sb_remove_SZ.missed.find((m: any) => m.code === '00015');
    expect(sz15).toMatchObject({ predicted: 'SZ:ELIGIBLE', rule: 'sb-path-a-plus-h' });
    expect(sz15.explanation).toContain('decisive rule sb-path-a-plus-h (§7.1.2, pass): A share on SZSE (SZ only)');
    expect(sz15.explanation).not.toContain('SH');
  });
});

describe('--channel applies to every kind of official file', () => {
  it('narrows the contract CSV to that channel\'s Southbound lists and says what it left out', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'channels.csv'), '--channel', 'sz', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(Object.keys(report.lists)).toEqual(['sb_remove_SZ']);
    expect([report.channel, report.listsLeftOut]).toEqual(['SZ', ['hsci_remove', 'sb_add_SH', 'sb_remove_SH']]);
    const table = (await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'channels.csv'), '--channel', 'SZ'])).out;
    expect(table.split('\n')[2]).toBe('Channel SZ only; left out: hsci_remove, sb_add_SH, sb_remove_SH');
    expect(table).not.toMatch(/^sb_remove_SH /m);
  });

  it('reads channel-less rows as the channel given, and keeps them apart from the other channel', async () => {
    const noChannel = file('no-channel.csv', 'list,code\nsb_remove,23\nsb_remove,6\n');
    const both = JSON.parse((await cli(['diff', '--cutoff', '2026-06-30', '--official', noChannel, '--format', 'json'])).out);
    expect(Object.keys(both.lists)).toEqual(['sb_remove']);
    const sh = JSON.parse((await cli(['diff', '--cutoff', '2026-06-30', '--official', noChannel, '--channel', 'SH', '--format', 'json'])).out);
    expect(Object.keys(sh.lists)).toEqual(['sb_remove_SH']);
    expect(sh.lists.sb_remove_SH.hits.map((h: any) => h.code)).toEqual(['00006', '00023']);
    // A different comparison of the same file: stored as its own diff, not as the channel-less one.
    expect(sh.diffId).not.toBe(both.diffId);
  });

  it('narrows an exchange notice with a channel column the same way', async () => {
    const notice = file('notice.csv', '证券代码,证券简称,调整方向,渠道\n23,Long Suspended,调出,沪港通\n15,AH Shenzhen,调出,深港通\n');
    const r = JSON.parse((await cli(['diff', '--cutoff', '2026-06-30', '--official', notice, '--channel', 'SH', '--format', 'json'])).out);
    expect([Object.keys(r.lists), r.listsLeftOut]).toEqual([['sb_remove_SH'], ['sb_remove_SZ']]);
  });

  it('exits 2 with one sentence when the file has no list the channel can apply to, storing nothing', async () => {
    const before = JSON.parse((await cli(['query', 'accuracy', '--all', '--format', 'json'])).out).length;
    const hsciOnly = file('hsci-only.csv', 'list,code\nhsci_add,3\nhsci_remove,6\n');
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', hsciOnly, '--channel', 'SH']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`hkconnect: the official file ${hsciOnly} has no Southbound list for channel SH (its lists: hsci_add, hsci_remove), so --channel SH cannot apply; drop --channel to compare these lists\n`);
    const shOnly = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('sh-only.csv', 'list,code,channel\nsb_add,3,SH\n'), '--channel', 'SZ']);
    expect(shOnly.code).toBe(2);
    expect(shOnly.err).toContain('has no Southbound list for channel SZ (its lists: sb_add_SH)');
    expect(JSON.parse((await cli(['query', 'accuracy', '--all', '--format', 'json'])).out)).toHaveLength(before);
  });
});

describe('diff formats', () => {
  it('csv: one summary row per list, then one row per code, stable columns, figures unrounded', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'channels.csv'), '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.out, { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0]!)).toEqual([
      'cutoff', 'record', 'list', 'code', 'name', 'predicted', 'rule', 'reason', 'borderline',
      'predictedCount', 'officialCount', 'matched', 'precision', 'recall',
    ]);
    expect(rows.filter((x) => x.record === 'summary').map((x) => [x.list, x.predictedCount, x.officialCount, x.matched, x.precision, x.recall])).toEqual([
      ['hsci_remove', '3', '1', '1', String(1 / 3), '1'],
      ['sb_add_SH', '4', '1', '0', '0', '0'],
      ['sb_remove_SH', '7', '1', '1', String(1 / 7), '1'],
      ['sb_remove_SZ', '5', '2', '0', '0', '0'],
    ]);
    const sz = rows.find((x) => x.record === 'missed' && x.list === 'sb_remove_SZ' && x.code === '00023')!;
    expect([sz.predicted, sz.rule, sz.reason, sz.borderline]).toEqual(['SZ:NOT_ELIGIBLE', 'sb-path-hsci', 'SZ not eligible: sb-path-hsci, not an HSCI constituent after the review', 'false']);
    expect(rows.filter((x) => x.record === 'hit').map((x) => `${x.list}:${x.code}`)).toEqual(['hsci_remove:00023', 'sb_remove_SH:00023']);
    expect(rows.at(-1)!.record).toBe('legend');
  });

  it('md: the heading, the summary table, then the mismatches', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'channels.csv'), '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# Diff of run \d+ \(cut-off 2026-06-30/);
    expect(r.out).toContain('| List | Predicted | Official | Matched | Precision | Recall |');
    expect(r.out).toContain('| sb\\_remove\\_SH | 7 | 1 | 1 | 0.1429 | 1.0000 |');
    expect(r.out.indexOf('## Summary')).toBeLessThan(r.out.indexOf('## Mismatches'));
    expect(r.out).toMatch(/\| 00023 \| Long Suspended \| sb\\_remove\\_SZ \| missed \| SZ not eligible: sb-path-hsci, not an HSCI constituent after the review \|/);
  });

  it('html, which screen has, is an explicit usage error naming the formats diff has', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'channels.csv'), '--format', 'html']);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe('hkconnect: Invalid values: "html" is not a valid format (one of table, json, csv, md).\n');
  });
});
