import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseOfficialFile } from '../../src/ingest/parse-official-file.js';
import { compareWithOfficial } from '../../src/report/diff-official.js';
import { renderDiff, type DiffReport } from '../../src/report/render-diff.js';
import { buildReviewFixture } from '../report/review-fixture.js';

// The fixture review with no SZ change at all, against a file naming one SZ addition: nothing predicted
// on sb_add_SZ, so its precision rests on 0 / 0: 1 by convention, with the reason.
function report(): DiffReport {
  const fixture = buildReviewFixture();
  const result = { ...fixture, southbound: { ...fixture.southbound, SZ: { add: [], remove: [] } } };
  const official = parseOfficialFile('list,code,name,channel\nhsci_add,2259,Zijin Gold,\nsb_add,777,Netdragon,SZ\n', null);
  return {
    cutoff: '2026-06-30', lists: compareWithOfficial(result, official, {}), runId: 7, diffId: 3, reusedDiff: false,
    createdAt: '2026-08-20T10:00:00+08:00', methodology: 'hsci-2025', reusedRun: true,
    official: { file: 'official.csv', sha256: 'x', format: 'contract-csv' }, channel: null, listsLeftOut: [],
    warnings: ['official.csv, line 9, field "code": "70a" is not a stock code'],
  };
}

describe('renderDiff: a list on which nothing was predicted', () => {
  const r = report();

  it('json: precision 1 by convention with the reason, never NaN or null', () => {
    const sz = JSON.parse(renderDiff(r, 'json')).lists.sb_add_SZ;
    expect([sz.precision, sz.recall, sz.predictedCount, sz.officialCount]).toEqual([1, 0, 0, 1]);
    expect(sz.precisionReason).toBe('nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention');
    expect(renderDiff(r, 'json')).not.toContain('NaN');
  });

  it('table: 1.0000 in the summary and the reason under it; the warning at the end', () => {
    const table = renderDiff(r, 'table');
    expect(table).toMatch(/\nsb_add_SZ +0 +1 +0 +1\.0000 +0\.0000\n/);
    expect(table).toContain('\n  sb_add_SZ: nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention\n');
    expect(table).toMatch(/\nWarnings \(1\)\n {2}- official\.csv, line 9, field "code": "70a" is not a stock code\n$/);
    expect(table).not.toContain('NaN');
  });

  it('csv: precision 1 with the reason, and the warning as a row', () => {
    const rows = parse(renderDiff(r, 'csv'), { columns: true }) as Array<Record<string, string>>;
    const sz = rows.find((x) => x.record === 'summary' && x.list === 'sb_add_SZ')!;
    expect([sz.precision, sz.recall, sz.reason]).toEqual(['1', '0', 'nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention']);
    expect(rows.find((x) => x.record === 'warning')!.reason).toContain('"70a" is not a stock code');
  });

  it('md: 1.0000, the reason and the warning', () => {
    const md = renderDiff(r, 'md');
    expect(md).toContain('| sb\\_add\\_SZ | 0 | 1 | 0 | 1.0000 | 0.0000 |');
    expect(md).toContain('- sb\\_add\\_SZ: nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention');
    expect(md).toContain('## Warnings (1)');
  });
});
