import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runBuiltCliAsync } from '../support/run-cli.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

/*
 * `hkconnect diff` and `query accuracy` as a user runs them: the built binary, spawned, on a real SQLite
 * file holding the e2e scenario market (C = 2026-06-30), with a 7-row official file (header + 6 rows).
 */
let dir: string;
let db: string;
let official: string;
let storedAt = '';

const hk = (...args: string[]) => runBuiltCli(['--db', db, ...args]);
const diff = (...args: string[]) => hk('diff', '--cutoff', '2026-06-30', '--official', official, ...args);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-diff-bin-'));
  db = join(dir, 'store.db');
  await (await buildScenarioStore(db)).close();
  official = join(dir, 'official.csv');
  writeFileSync(official, [
    'list,code,name,channel',
    'hsci_add,3,Clear Add Co,',
    'hsci_add,22,Band Waiter,',
    'hsci_remove,6,,',
    'hsci_remove,20,,',
    'sb_add,3,,BOTH',
    'sb_remove,23,Long Suspended,BOTH',
  ].join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hkconnect diff, the built binary', () => {
  it('table: a short summary per list, then one line per mismatch', () => {
    const r = diff();
    expect([r.code, r.err]).toEqual([0, '']);
    // The scenario market is 44 securities: the prediction's own data warning is the diff's too.
    expect(r.out).toMatch(/\nWarnings \(1\)\n {2}- the prediction: the ranked universe holds 44 securities, /);
    const lines = r.out.split('\n');
    // The wall clock (diff takes no --now): Hong Kong time with its offset, to the second.
    expect(lines[1]).toMatch(/^Stored as diff 1, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    storedAt = lines[1]!.slice('Stored as diff 1, '.length);
    expect(lines.slice(3, 11).map((l) => l.split(/ +/).slice(0, 6).join(' '))).toEqual([
      'list predicted official matched precision recall',
      '------------ --------- -------- ------- --------- ------',
      'hsci_add 2 2 1 0.5000 0.5000',
      'hsci_remove 3 2 2 0.6667 1.0000',
      'sb_add_SH 4 1 1 0.2500 1.0000',
      'sb_remove_SH 7 1 1 0.1429 1.0000',
      'sb_add_SZ 5 1 1 0.2000 1.0000',
      // 00023 was never on SZ: the review removes nothing it did not hold, so nothing is predicted.
      'sb_remove_SZ 5 1 0 0.0000 0.0000',
    ]);
    expect(r.out).toMatch(/\n00023 +Long Suspended +sb_remove_SZ +missed +SZ not eligible: sb-path-hsci, not an HSCI constituent after the review\n/);
    // 7 official rows, 22 mismatches: 4.9 KB, one line each (the old layout printed every hit and each whole
    // explanation: 8.1 KB here, 33 KB on the demo market); the whole explanations are in the JSON.
    expect(lines.filter((l) => /^\d{5} /.test(l))).toHaveLength(22);
    expect(Buffer.byteLength(r.out)).toBeLessThan(5_500);
  });

  it('json: unrounded figures, Hong Kong time, and a re-run stores nothing new', () => {
    const r = diff('--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect([report.diffId, report.reusedDiff, report.createdAt]).toEqual([1, true, storedAt]);
    expect([report.lists.hsci_remove.precision, report.lists.sb_remove_SH.precision]).toEqual([2 / 3, 1 / 7]);
    expect(report.lists.sb_remove_SZ.missed[0].explanation).toContain('decisive rule sb-path-hsci (§7, fail): SZ: not an HSCI constituent');
  });

  it('csv and md', () => {
    const csv = diff('--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\n')[0]).toBe('cutoff,record,list,code,name,predicted,rule,reason,borderline,predictedCount,officialCount,matched,precision,recall');
    expect(csv.out).toContain(`2026-06-30,summary,hsci_remove,,,,,,,3,2,2,${2 / 3},1\n`);
    const md = diff('--format', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toContain('| hsci\\_remove | 3 | 2 | 2 | 0.6667 | 1.0000 |');
    const html = diff('--format', 'html');
    expect([html.code, html.out, html.err]).toEqual([2, '', 'hkconnect: Invalid values: "html" is not a valid format (one of table, json, csv, md).\n']);
  });

  it('--channel narrows the contract CSV, or exits 2 with one sentence', () => {
    const sz = diff('--channel', 'SZ', '--format', 'json');
    expect(sz.code).toBe(0);
    expect(Object.keys(JSON.parse(sz.out).lists)).toEqual(['sb_add_SZ', 'sb_remove_SZ']);
    const hsciOnly = join(dir, 'hsci.csv');
    writeFileSync(hsciOnly, 'list,code\nhsci_add,3\n');
    const bad = hk('diff', '--cutoff', '2026-06-30', '--official', hsciOnly, '--channel', 'SH');
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toBe(`hkconnect: the official file ${hsciOnly} has no Southbound list for channel SH (its lists: hsci_add), so --channel SH cannot apply; drop --channel to compare these lists\n`);
  });

  it('query accuracy: the latest diff per review and list; --all the history', () => {
    const latest = JSON.parse(hk('query', 'accuracy', '--format', 'json').out) as Array<{ list: string; diffId: number }>;
    // Diff 1 (every list) and diff 2 (--channel SZ, the SZ lists again): the SZ lists' latest is diff 2.
    expect(latest.map((x) => `${x.list}:${x.diffId}`)).toEqual([
      'hsci_add:1', 'hsci_remove:1', 'sb_add_SH:1', 'sb_add_SZ:2', 'sb_remove_SH:1', 'sb_remove_SZ:2',
    ]);
    const all = hk('query', 'accuracy', '--all');
    expect(all.code).toBe(0);
    expect(all.out.split('\n').filter((l) => l.startsWith('2026-06-30'))).toHaveLength(8);
    const csv = hk('query', 'accuracy', '--all', '--format', 'csv').out.split('\n');
    expect(csv[0]).toBe('cutoff,methodology,list,hits,missed,extra,precision,recall,diffId,runId,official,createdAt,note');
    expect(csv.filter((l) => l.startsWith('2026-06-30,hsci-2025,sb_add_SZ,'))).toHaveLength(2);
  });

  it('a bad row of the official file: skipped, named on stderr and in the output, after the prediction\'s warning', () => {
    const bad = join(dir, 'bad-row.csv');
    writeFileSync(bad, 'list,code\nhsci_add,3\nhsci_add,3a\n');
    const r = hk('diff', '--cutoff', '2026-06-30', '--official', bad, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^hkconnect: warning: [^\n]*bad-row\.csv, line 3, field "code": [^\n]*\n$/);
    const { warnings } = JSON.parse(r.out) as { warnings: string[] };
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^the prediction: the ranked universe holds 44 securities, /);
    expect(warnings[1]).toMatch(/bad-row\.csv, line 3, field "code": /);
  });

  it('two runs of the same new comparison at once store it once', async () => {
    // The review's run recorded first: two processes recording a run at once meet the review lock (exit 1, by design).
    expect(diff('--format', 'json').code).toBe(0);
    const revised = join(dir, 'revised.csv');
    writeFileSync(revised, 'list,code\nhsci_add,3\nhsci_add,9\n');
    const args = ['--db', db, 'diff', '--cutoff', '2026-06-30', '--official', revised, '--format', 'json'];
    const [a, b] = await Promise.all([runBuiltCliAsync(args), runBuiltCliAsync(args)]);
    expect([a.code, a.err, b.code, b.err]).toEqual([0, '', 0, '']);
    const [ra, rb] = [JSON.parse(a.out), JSON.parse(b.out)];
    expect(ra.diffId).toBe(rb.diffId);
    expect([ra.reusedDiff, rb.reusedDiff].sort()).toEqual([false, true]);
    expect(ra.lists.hsci_add.precision).toBe(1);
  });
});
