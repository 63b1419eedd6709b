import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { combineHsciExports } from '../../src/ingest/combine-hsci-exports.js';
import { indexOfName, parseHsciExport, type HsciExportRow } from '../../src/ingest/parse-hsci-export.js';
import { loadHsciFiles } from '../../src/ingest/load-hsci-exports.js';
import { cleanTemp, expectStoreSound, tempDir, writeTemp } from '../ingest/helpers.js';
import { hangSengExport, REAL_HSCI, realConstituents } from './hsci-exports.js';

afterEach(cleanTemp);
const NOW = new Date('2026-12-04T12:00:00Z');

describe('parseHsciExport on the real Hang Seng export', () => {
  it('reads 503 constituents dated 2025-11-21 under rich-text headers, skipping the 50 headers repeated at page breaks', () => {
    const parsed = parseHsciExport(readFileSync(REAL_HSCI), 'hsci.xlsx');
    expect(parsed.fileIssue).toBeUndefined();
    expect(parsed.issues).toEqual([]);
    expect(parsed.asOf).toBe('2025-11-21');
    expect(parsed.rows).toHaveLength(503);
    expect(parsed.rows[0]).toEqual({ line: 2, date: '2025-11-21', index: 'HSCI', code: '00883', name: 'CNOOC' });
    expect(parsed.rows.at(-1)).toEqual({ line: 554, date: '2025-11-21', index: 'HSCI', code: '01333', name: 'BRETON' });
  });

  it('names the index of each export', () => {
    expect(indexOfName('Hang Seng Composite Index')).toBe('HSCI');
    expect(indexOfName('Hang Seng Composite LargeCap Index')).toBe('LARGE');
    expect(indexOfName('Hang Seng Composite MidCap Index')).toBe('MID');
    expect(indexOfName('Hang Seng Composite SmallCap Index')).toBe('SMALL');
    expect(indexOfName('Hang Seng Composite LargeCap & MidCap Index')).toBe('LARGE_MID');
    expect(indexOfName('Hang Seng Index')).toBeNull();
  });
});

describe('combineHsciExports', () => {
  const row = (index: HsciExportRow['index'], code: string): HsciExportRow => ({ line: 2, date: '2025-11-21', index, code, name: '' });
  const hsci = ['00001', '00002', '00003'].map((c) => row('HSCI', c));

  it('segments from the size exports, the last one by elimination', () => {
    const c = combineHsciExports('2025-11-21', [...hsci, row('LARGE', '00001'), row('LARGE_MID', '00001'), row('LARGE_MID', '00002')]);
    expect([...c.members]).toEqual([['00001', 'LARGE'], ['00002', 'MID'], ['00003', 'SMALL']]);
    expect(c.problems).toEqual([]);
  });

  it('without the HSCI export, the members are the size exports', () => {
    const c = combineHsciExports('2025-11-21', [row('LARGE', '00001'), row('MID', '00002'), row('SMALL', '00003')]);
    expect([...c.members]).toEqual([['00001', 'LARGE'], ['00002', 'MID'], ['00003', 'SMALL']]);
  });

  it('the HSCI export alone tells no segment; a size member outside the HSCI is a problem', () => {
    expect(combineHsciExports('2025-11-21', hsci).members.size).toBe(0);
    expect(combineHsciExports('2025-11-21', hsci).problems[0]!.reason).toBe(
      "the segment of 00001 on 2025-11-21 cannot be told from the exports given (Hang Seng Composite Index): add that day's LargeCap, MidCap and SmallCap exports (or LargeCap & MidCap with one of them)");
    const c = combineHsciExports('2025-11-21', [...hsci, row('LARGE_MID', '00001'), row('LARGE', '00001'), row('LARGE', '00009')]);
    expect(c.problems).toEqual([{ code: '00009', reason: '00009 is in the LargeCap export of 2025-11-21 but not in its Hang Seng Composite Index export' }]);
  });
});

describe('ingest hsci FILE.xlsx...', () => {
  it('the real HSCI export with constructed LargeCap and MidCap exports of the same day make the snapshot of 2025-11-21', async () => {
    const all = realConstituents();
    const large = writeTemp('large.xlsx', hangSengExport('Hang Seng Composite LargeCap Index', 45982, all.slice(0, 100)));
    const mid = writeTemp('mid.xlsx', hangSengExport('Hang Seng Composite MidCap Index', 45982, all.slice(100, 250)));
    const store = await openStore(join(tempDir(), 's.db'));
    const summaries = await loadHsciFiles(store, [REAL_HSCI, large, mid], { strict: true, now: NOW });
    expect(summaries.map((s) => [s.status, s.rowsRead, s.rowsStored])).toEqual([['loaded', 503, 503], ['loaded', 100, 100], ['loaded', 150, 150]]);
    expect(store.sqlite.prepare('SELECT segment, count(*) AS n FROM hsci_members WHERE as_of = ? GROUP BY segment ORDER BY segment').all('2025-11-21'))
      .toEqual([{ segment: 'LARGE', n: 100 }, { segment: 'MID', n: 150 }, { segment: 'SMALL', n: 253 }]);
    expect(store.sqlite.prepare(`SELECT count(*) FROM loads WHERE kind = 'hsci'`).pluck().get()).toBe(3);
    // Loaded again: the same snapshot, not twice as many members.
    await loadHsciFiles(store, [REAL_HSCI, large, mid], { strict: true, now: NOW });
    expect(store.sqlite.prepare('SELECT count(*) FROM hsci_members').pluck().get()).toBe(503);
    expectStoreSound(store);
    await store.close();
  });

  it('the HSCI export alone is refused with the fix; a differing --as-of is refused', async () => {
    const store = await openStore(join(tempDir(), 's.db'));
    const [alone] = await loadHsciFiles(store, [REAL_HSCI], { strict: false, now: NOW });
    expect(alone!.status).toBe('rejected');
    expect(alone!.fileIssue?.reason).toMatch(/^the segment of 00001 on 2025-11-21 cannot be told from the exports given/);
    const all = realConstituents();
    const large = writeTemp('large.xlsx', hangSengExport('Hang Seng Composite LargeCap Index', 45982, all.slice(0, 3)));
    const [wrong] = await loadHsciFiles(store, [large], { strict: false, asOf: '2025-11-20', now: NOW });
    expect(wrong!.fileIssue).toMatchObject({ field: '--as-of', reason: 'the export is dated 2025-11-21, but --as-of says 2025-11-20; leave --as-of out' });
    expect(store.sqlite.prepare('SELECT count(*) FROM hsci_members').pluck().get()).toBe(0);
    await store.close();
  });
});
