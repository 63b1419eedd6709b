import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

/*
 * The diff end to end through runCli, on the e2e scenario market in a real SQLite file (C = 2026-06-30).
 * Its review predicts (test/e2e/review-scenario.test.ts): hsci add 00003 00009; hsci remove 00006 00020 00023;
 * SH add 00003 00007 00014 00016; SZ add 00003 00007 00014 00015 00016; SH remove 00006 00011 00012 00013
 * 00019 00023 80013. SH list on C: 00001 00002 00004 00006 00011 00012 00013 00017 00019 00021 00023 02800 80013.
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

const codes = (items: Array<{ code: string }>) => items.map((i) => i.code);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-diff-'));
  db = join(dir, 'store.db');
  const store = await buildScenarioStore(db);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OFFICIAL = [
  'list,code,name,channel',
  'hsci_add,3,Clear Add Co,',
  'hsci_add,22,Band Waiter,',
  'hsci_remove,6,,',
  'hsci_remove,20,,',
  'sb_add,3,,BOTH',
  'sb_add,18,Small New,SH',
].join('\n');

describe('hkconnect diff', () => {
  it('runs the review when none is recorded, compares each list and stores the diff', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('official.csv', OFFICIAL), '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.cutoff).toBe('2026-06-30');
    expect(report.reusedRun).toBe(false);
    const summary = Object.fromEntries(Object.entries(report.lists as Record<string, any>).map(([k, l]) => [k, [codes(l.hits), codes(l.missed), codes(l.extra), l.precision, l.recall]]));
    expect(summary).toEqual({
      hsci_add: [['00003'], ['00022'], ['00009'], 0.5, 0.5],
      hsci_remove: [['00006', '00020'], [], ['00023'], 0.6667, 1],
      sb_add_SH: [['00003'], ['00018'], ['00007', '00014', '00016'], 0.25, 0.5],
      sb_add_SZ: [['00003'], [], ['00007', '00014', '00015', '00016'], 0.2, 1],
    });
    const waiter = report.lists.hsci_add.missed[0];
    expect(waiter).toMatchObject({ code: '00022', name: 'Band Waiter', predicted: 'WAIT' });
    expect(waiter.explanation).toMatch(/^predicted WAIT: .*decisive rule hsci-coverage/);
    expect(waiter.explanation).toContain('95.6');
    const smallNew = report.lists.sb_add_SH.missed[0];
    expect(smallNew.explanation).toContain('SH not on the list before, not eligible after');
    expect(smallNew.explanation).toMatch(/4\.5/);
  });

  it('reuses the recorded run on the same data, and query accuracy lists both diffs', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'official.csv'), '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.reusedRun).toBe(true);
    // The run records no rule-by-rule checks; the reused review recomputes them, so mismatches read as on the first diff.
    const waiter = report.lists.hsci_add.missed[0];
    expect(waiter.explanation).toMatch(/^predicted WAIT: .*decisive rule hsci-coverage/);
    expect(waiter.explanation).toContain('95.6');
    expect(report.lists.sb_add_SH.missed[0].explanation).toContain('SH not on the list before, not eligible after');
    const runs = JSON.parse((await cli(['query', 'runs', '--format', 'json'])).out);
    expect(runs).toHaveLength(1);
    expect(report.runId).toBe(runs[0].id);
    const acc = await cli(['query', 'accuracy', '--format', 'json']);
    expect(acc.code).toBe(0);
    const rows = JSON.parse(acc.out);
    expect(rows).toHaveLength(8);
    expect(rows.filter((x: any) => x.list === 'sb_add_SZ').map((x: any) => [x.hits, x.missed, x.extra, x.precision, x.recall]))
      .toEqual([[1, 0, 4, 0.2, 1], [1, 0, 4, 0.2, 1]]);
    const csv = (await cli(['query', 'accuracy', '--format', 'csv'])).out.split('\n');
    expect(csv[0]).toBe('cutoff,list,hits,missed,extra,precision,recall,diffId,runId,official,createdAt');
    expect(csv[1]).toMatch(/^2026-06-30,hsci_add,1,1,1,0.5,0.5,1,1,/);
    const table = (await cli(['query', 'accuracy'])).out;
    expect(table).toMatch(/2026-06-30 +sb_add_SH +1 +1 +3 +0\.25 +0\.5/);
  });

  it('compares a whole Southbound list download (SSE JSON shape) with the list in force after the review', async () => {
    // Predicted SH after = list on C + adds - removes = 00001 00002 00003 00004 00007 00014 00016 00017 00021 02800.
    const json = JSON.stringify({ '00001': 'Alpha', '00002': 'Beta', '00003': 'Clear', '00004': 'Delta', '00007': 'WVR Pass', '00014': 'AH', '00016': 'Five', '00017': 'Kept', '00018': 'Small New', '00021': 'Band Keeper' });
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('sh-list.json', json), '--channel', 'SH', '--format', 'json']);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.out).lists.sb_list_SH;
    expect([l.hits.length, codes(l.missed), codes(l.extra), l.precision, l.recall]).toEqual([9, ['00018'], ['02800'], 0.9, 0.9]);
  });

  it('prints a readable table with each mismatch explained', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'official.csv')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('hsci_add: precision 0.500, recall 0.500 (hits 1, missed 1, extra 1)');
    expect(r.out).toMatch(/missed \(official, not predicted\):\n +00022 +Band Waiter\n +predicted WAIT/);
  });

  it('diffs the changes stored by ingest official when no file is given', async () => {
    const ing = await cli(['ingest', 'official', join(dir, 'official.csv'), '--cutoff', '2026-06-30']);
    expect(ing.code).toBe(0);
    const again = await cli(['ingest', 'official', join(dir, 'official.csv'), '--cutoff', '2026-06-30']);
    expect(again.code).toBe(0);
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report.official.file).toBe('official_changes:2026-06-30');
    expect(Object.keys(report.lists).sort()).toEqual(['hsci_add', 'hsci_remove', 'sb_add_SH', 'sb_add_SZ']);
    expect(report.lists.sb_add_SH.precision).toBe(0.25);
  });

  it('exits 2 with one sentence on bad usage or an unusable file', async () => {
    const missing = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'nope.csv')]);
    expect([missing.code, missing.err]).toEqual([2, `hkconnect: cannot read the official file ${join(dir, 'nope.csv')}\n`]);
    const noChannel = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'sh-list.json')]);
    expect(noChannel.code).toBe(2);
    expect(noChannel.err).toContain('--channel');
    const badDate = await cli(['diff', '--cutoff', '2026-02-30', '--official', join(dir, 'official.csv')]);
    expect(badDate.code).toBe(2);
    const unknown = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('x.csv', 'foo,bar\n1,2\n')]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/x\.csv: not an official file/);
    const noStored = await cli(['diff', '--cutoff', '2025-12-31']);
    expect(noStored.code).toBe(2);
  });
});
