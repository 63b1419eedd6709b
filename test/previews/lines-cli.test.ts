import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT, runBin, sampleStore } from './built-cli.js';

let dir = '';
let db = '';
beforeAll(() => { if (BUILT) ({ dir, db } = sampleStore()); });
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

interface Json {
  lines: Record<string, number | null>;
  constituentsBefore: number; constituentsAfter: number;
  counts: { hsci: { add: number; remove: number }; southbound: Record<'SH' | 'SZ', { add: number; remove: number }> };
  hsci: { add: Array<{ avgMarketCapHkd: number }>; remove: unknown[]; constituents: unknown[] };
  southbound: Record<'SH' | 'SZ', { add: unknown[]; remove: unknown[] }>;
  decisions?: Array<{ avgMarketCapHkd: number | null; coverage: number | null; inUniverse: boolean }>;
}

describe.runIf(BUILT)('the lines in HK$, constituents before -> after and counts, through the binary', () => {
  it('json: lines.addAvgCapHkd / deleteAvgCapHkd sit between the names inside and past each line', () => {
    const file = join(dir, 'review.json');
    const r = runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', 'json', '--decisions', '--out', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(readFileSync(file, 'utf8')) as Json;
    const { addAvgCapHkd, deleteAvgCapHkd, largeCapAvgCapHkd, midCapAvgCapHkd } = j.lines;
    for (const v of [addAvgCapHkd, deleteAvgCapHkd, largeCapAvgCapHkd, midCapAvgCapHkd]) expect(Number.isInteger(v)).toBe(true);
    expect(largeCapAvgCapHkd!).toBeGreaterThan(midCapAvgCapHkd!);
    expect(addAvgCapHkd!).toBeGreaterThan(deleteAvgCapHkd!);
    const ranked = j.decisions!.filter((d) => d.coverage !== null && d.avgMarketCapHkd !== null);
    for (const [line, cap] of [[0.94, addAvgCapHkd!], [0.96, deleteAvgCapHkd!]] as const) {
      const inside = ranked.filter((d) => d.coverage! <= line).map((d) => d.avgMarketCapHkd!);
      const past = ranked.filter((d) => d.coverage! > line).map((d) => d.avgMarketCapHkd!);
      expect(Math.min(...inside)).toBeGreaterThanOrEqual(cap - 1);
      expect(Math.max(...past)).toBeLessThanOrEqual(cap + 1);
    }
    expect(j.constituentsBefore).toBe(391);
    expect(j.constituentsAfter).toBe(j.hsci.constituents.length);
    expect(j.constituentsAfter).toBe(j.constituentsBefore + j.hsci.add.length - j.hsci.remove.length);
    expect(j.counts.hsci).toEqual({ add: j.hsci.add.length, remove: j.hsci.remove.length });
    for (const ch of ['SH', 'SZ'] as const) expect(j.counts.southbound[ch]).toEqual({ add: j.southbound[ch].add.length, remove: j.southbound[ch].remove.length });
  });

  it('table, md and html print the HK$ lines, the constituent count and the counts per list', () => {
    const j = JSON.parse(runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', 'json']).out) as Json;
    const bn = (x: number | null) => `HK$${(x! / 1e9).toFixed(2)}bn`;
    for (const format of ['table', 'md', 'html']) {
      const r = runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', format]);
      expect(r.code).toBe(0);
      if (format === 'html') r.out = r.out.replaceAll('&gt;', '>');
      expect(r.out).toContain(`add ${bn(j.lines.addAvgCapHkd!)} average cap (94.00% coverage), delete ${bn(j.lines.deleteAvgCapHkd!)} (96.00%)`);
      expect(r.out).toContain(`MidCap ${bn(j.lines.midCapAvgCapHkd!)} (95.00%)`);
      expect(r.out).toContain(`HSCI constituents: ${j.constituentsBefore} before, ${j.constituentsAfter} after`);
      expect(r.out).toContain(`Changes: HSCI +${j.counts.hsci.add} / -${j.counts.hsci.remove}; Southbound SH +${j.counts.southbound.SH.add} / -${j.counts.southbound.SH.remove}`);
    }
  });

  it('csv: summary rows carry each line in whole HK$ with its coverage, and the counts', () => {
    const j = JSON.parse(runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', 'json']).out) as Json;
    const r = runBin(db, ['screen', '--cutoff', '2026-06-30', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.out, { columns: true }) as Array<Record<string, string>>;
    const summary = new Map(rows.filter((x) => x.list === 'summary').map((x) => [x.name, x]));
    expect(summary.get('HSCI add line')).toMatchObject({ avgMarketCapHkd: String(j.lines.addAvgCapHkd), coverage: '0.94' });
    expect(summary.get('HSCI delete line')).toMatchObject({ avgMarketCapHkd: String(j.lines.deleteAvgCapHkd), coverage: '0.96' });
    expect(summary.get('HSCI constituents')!.reason).toBe(`${j.constituentsBefore} -> ${j.constituentsAfter}`);
    expect(summary.get('Southbound SZ changes')!.reason).toBe(`+${j.counts.southbound.SZ.add} / -${j.counts.southbound.SZ.remove}`);
  });
});
