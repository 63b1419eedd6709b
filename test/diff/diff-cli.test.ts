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
    expect([report.diffId, report.reusedDiff, report.channel, report.listsLeftOut]).toEqual([1, false, null, []]);
    // Stored at the injected clock, shown in Hong Kong time with its offset.
    expect(report.createdAt).toBe('2026-08-20T10:00:00+08:00');
    const summary = Object.fromEntries(Object.entries(report.lists as Record<string, any>).map(([k, l]) => [k, [codes(l.hits), codes(l.missed), codes(l.extra), l.precision, l.recall]]));
    expect(summary).toEqual({
      hsci_add: [['00003'], ['00022'], ['00009'], 0.5, 0.5],
      // 2 of 3, unrounded: the JSON never rounds (0.6667 was a rounding).
      hsci_remove: [['00006', '00020'], [], ['00023'], 0.6666666666666666, 1],
      sb_add_SH: [['00003'], ['00018'], ['00007', '00014', '00016'], 0.25, 0.5],
      sb_add_SZ: [['00003'], [], ['00007', '00014', '00015', '00016'], 0.2, 1],
    });
    expect(report.lists.sb_add_SZ).toMatchObject({ predictedCount: 5, officialCount: 1 });
    const waiter = report.lists.hsci_add.missed[0];
    expect(waiter).toMatchObject({ code: '00022', name: 'Band Waiter', predicted: 'WAIT' });
    expect(waiter.explanation).toMatch(/^predicted WAIT: .*decisive rule hsci-coverage/);
    expect(waiter.explanation).toContain('95.6');
    expect(waiter.reason).toMatch(/^predicted WAIT: hsci-coverage-add, coverage 95\.6%, 1\.6 points past the 94% line$/);
    const smallNew = report.lists.sb_add_SH.missed[0];
    expect(smallNew.explanation).toContain('SH not on the list before, not eligible after');
    expect(smallNew.explanation).toMatch(/4\.5/);
    expect(smallNew.reason).toMatch(/^SH not eligible: sb-smallcap-in, Southbound average HK\$4\.5\dbn, HK\$\d+\.\dm below the HK\$5bn line$/);
  });

  it('stores a re-run of the same comparison once: same diff id and created_at, and query accuracy shows it once', async () => {
    const later = await runCliCaptured(db, new Date('2026-08-21T03:30:00Z'), ['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'official.csv'), '--format', 'json']);
    expect(later.code).toBe(0);
    const report = JSON.parse(later.out);
    expect([report.reusedRun, report.reusedDiff, report.diffId, report.createdAt]).toEqual([true, true, 1, '2026-08-20T10:00:00+08:00']);
    // The run records no rule-by-rule checks; the reused review recomputes them, so mismatches read as on the first diff.
    const waiter = report.lists.hsci_add.missed[0];
    expect(waiter.explanation).toMatch(/^predicted WAIT: .*decisive rule hsci-coverage/);
    expect(report.lists.sb_add_SH.missed[0].explanation).toContain('SH not on the list before, not eligible after');
    const runs = JSON.parse((await cli(['query', 'runs', '--format', 'json'])).out);
    expect(runs).toHaveLength(1);
    expect(report.runId).toBe(runs[0].id);
    for (const extra of [[], ['--all']]) {
      const rows = JSON.parse((await cli(['query', 'accuracy', '--format', 'json', ...extra])).out);
      expect(rows.map((x: any) => `${x.list}:${x.diffId}`)).toEqual(['hsci_add:1', 'hsci_remove:1', 'sb_add_SH:1', 'sb_add_SZ:1']);
    }
    const acc = JSON.parse((await cli(['query', 'accuracy', '--format', 'json'])).out);
    expect(acc.find((x: any) => x.list === 'hsci_remove')).toMatchObject({
      cutoff: '2026-06-30', methodology: 'hsci-2025', hits: 2, missed: 0, extra: 1, precision: 0.6666666666666666, recall: 1,
      createdAt: '2026-08-20T10:00:00+08:00', note: '',
    });
    const csv = (await cli(['query', 'accuracy', '--format', 'csv'])).out.split('\n');
    expect(csv[0]).toBe('cutoff,methodology,list,hits,missed,extra,precision,recall,diffId,runId,official,createdAt,note');
    expect(csv[2]).toMatch(/^2026-06-30,hsci-2025,hsci_remove,2,0,1,0.6666666666666666,1,1,1,/);
    const table = (await cli(['query', 'accuracy'])).out;
    expect(table).toMatch(/2026-06-30 +hsci-2025 +hsci_remove +2 +0 +1 +0\.6667 +1\.0000 +1 +1 /);
  });

  it('shows the latest diff per review and list, and with --all the history', async () => {
    // The announcement revised: one more HSCI addition (00009, which the review predicts).
    const revised = file('official-revised.csv', `${OFFICIAL}\nhsci_add,9,,`);
    const r = JSON.parse((await cli(['diff', '--cutoff', '2026-06-30', '--official', revised, '--format', 'json'])).out);
    expect([r.diffId, r.reusedDiff, r.lists.hsci_add.precision, r.lists.hsci_add.recall]).toEqual([2, false, 1, 2 / 3]);
    const latest = JSON.parse((await cli(['query', 'accuracy', '--format', 'json'])).out);
    expect(latest.map((x: any) => `${x.list}:${x.diffId}`)).toEqual(['hsci_add:2', 'hsci_remove:2', 'sb_add_SH:2', 'sb_add_SZ:2']);
    const all = JSON.parse((await cli(['query', 'accuracy', '--format', 'json', '--all'])).out);
    expect(all.map((x: any) => `${x.list}:${x.diffId}`)).toEqual([
      'hsci_add:1', 'hsci_add:2', 'hsci_remove:1', 'hsci_remove:2', 'sb_add_SH:1', 'sb_add_SH:2', 'sb_add_SZ:1', 'sb_add_SZ:2',
    ]);
    // The first file again: still diff 1 (nothing stored); the latest stored stays diff 2.
    const again = JSON.parse((await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'official.csv'), '--format', 'json'])).out);
    expect([again.diffId, again.reusedDiff]).toEqual([1, true]);
    expect(JSON.parse((await cli(['query', 'accuracy', '--format', 'json', '--all'])).out)).toHaveLength(8);
  });

  it('compares a whole Southbound list download (SSE JSON shape) with the list in force after the review', async () => {
    // Predicted SH after = list on C + adds - removes = 00001 00002 00003 00004 00007 00014 00016 00017 00021 02800.
    const json = JSON.stringify({ '00001': 'Alpha', '00002': 'Beta', '00003': 'Clear', '00004': 'Delta', '00007': 'WVR Pass', '00014': 'AH', '00016': 'Five', '00017': 'Kept', '00018': 'Small New', '00021': 'Band Keeper' });
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', file('sh-list.json', json), '--channel', 'SH', '--format', 'json']);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.out).lists.sb_list_SH;
    expect([l.hits.length, codes(l.missed), codes(l.extra), l.precision, l.recall]).toEqual([9, ['00018'], ['02800'], 0.9, 0.9]);
  });

  it('prints the summary table first, then one compact line per mismatch with the deciding figure', async () => {
    const r = await cli(['diff', '--cutoff', '2026-06-30', '--official', join(dir, 'official.csv')]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Diff of run 1 \(cut-off 2026-06-30, methodology hsci-2025, recorded run reused\) against .*official\.csv \(contract-csv\)$/);
    expect(lines[1]).toBe('Same comparison as diff 1, stored 2026-08-20T10:00:00+08:00: not stored again');
    expect(lines.slice(3, 9)).toEqual([
      'list         predicted  official  matched  precision  recall',
      '-----------  ---------  --------  -------  ---------  ------',
      'hsci_add             2         2        1     0.5000  0.5000',
      'hsci_remove          3         2        2     0.6667  1.0000',
      'sb_add_SH            4         2        1     0.2500  0.5000',
      'sb_add_SZ            5         1        1     0.2000  1.0000',
    ]);
    expect(lines[10]).toMatch(/^Mismatches \(11\): missed = official, not predicted; extra = predicted, not official/);
    expect(r.out).toMatch(/\n00022 +Band Waiter +hsci_add +missed +predicted WAIT: hsci-coverage-add, coverage 95\.6%, 1\.6 points past the 94% line\n/);
    expect(r.out).toMatch(/\n00018 +Small New +sb_add_SH +missed +SH not eligible: sb-smallcap-in, Southbound average HK\$4\.5/);
    // Hits are counted, not listed; the whole explanations are in the JSON only.
    expect(r.out).not.toContain('decisive rule');
    expect(lines.filter((l) => /^000\d\d /.test(l))).toHaveLength(11);
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
    expect(report.lists.hsci_remove.precision).toBe(2 / 3);
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
