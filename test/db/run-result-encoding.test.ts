import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRunResult, encodeRunResult } from '../../src/db/repositories/runs.js';
import type { ReviewResult, SecurityDecision } from '../../src/domain/types.js';

function decision(i: number, name = `Co ${i}`): SecurityDecision {
  return {
    code: String(i).padStart(5, '0'), name, inUniverse: true, rank: i + 1, avgMarketCapHkd: 1e9 + i, coverage: i / 1000,
    wasConstituent: i % 2 === 0, isConstituent: i % 3 === 0, segmentBefore: null, segmentAfter: null, hsciOutcome: 'KEEP',
    southbound: {
      SH: { before: false, after: false, path: null, rule: 'sb-path-hsci', reason: 'not an HSCI constituent after the review' },
      SZ: { before: false, after: false, path: null, rule: 'sb-path-hsci', reason: 'not an HSCI constituent after the review' },
    },
    summary: `HSCI KEEP: coverage ${i}`, borderline: false,
    checks: [{ rule: 'hsci-universe', section: '§2', outcome: 'pass', detail: 'in the ranking universe' }, { rule: 'hsci-rank', section: '§6.1.1', outcome: 'n/a', detail: `rank ${i + 1}`, value: i / 1000 }],
  };
}

function result(decisions: SecurityDecision[]): ReviewResult {
  return {
    cutoff: '2026-06-30', effectiveDate: '2026-09-07', kind: 'semi-annual', methodology: 'hsci-2025',
    hsci: { add: [], remove: [], constituents: [{ code: '00700', segment: 'LARGE' }] },
    southbound: { SH: { add: [], remove: [] }, SZ: { add: [], remove: [] } },
    pending: [], warnings: ['§7.2'], borderline: [], decisions,
    lines: { coverageAdd: 0.94, coverageDelete: 0.96, largeCap: 0.65, midCap: 0.9, smallCapInHkd: 5e9, smallCapKeepHkd: 4e9 },
  };
}

/** What a run records: the result with each decision's checks left out. */
const recorded = (r: ReviewResult) => JSON.stringify({ ...r, decisions: r.decisions.map(({ checks: _checks, ...d }) => d) });

describe('run results as stored', () => {
  it('records everything but the decisions\' rule-by-rule checks', () => {
    const r = result([decision(1), decision(2)]);
    const stored = JSON.parse(decodeRunResult(encodeRunResult(r))!);
    expect(stored.decisions.map((d: object) => 'checks' in d)).toEqual([false, false]);
    expect(stored).toEqual(JSON.parse(recorded(r)));
    expect(stored.decisions[1]).toMatchObject({ code: '00002', rank: 3, summary: 'HSCI KEEP: coverage 2', southbound: { SH: { rule: 'sb-path-hsci' } } });
  });

  it('stores a Latin-1 result as Latin-1 behind its marker, and reads back the same text', () => {
    const r = result(Array.from({ length: 600 }, (_, i) => decision(i, i === 5 ? 'Société Générale' : `Co ${i}`)));
    const blob = encodeRunResult(r);
    const raw = inflateRawSync(blob);
    expect(raw[0]).toBe(0x01);
    expect(raw.length).toBe(recorded(r).length + 1); // one byte per character: "§" and "é" included
    expect(decodeRunResult(blob)).toBe(recorded(r));
  });

  it('falls back to UTF-8 with no marker when a character is above U+00FF', () => {
    const r = result(Array.from({ length: 600 }, (_, i) => decision(i, i === 599 ? '騰訊控股' : `Co ${i}`)));
    const blob = encodeRunResult(r);
    const raw = inflateRawSync(blob);
    expect(raw[0]).toBe('{'.charCodeAt(0));
    expect(raw.toString('utf8')).toBe(recorded(r));
    expect(decodeRunResult(blob)).toBe(recorded(r));
  });

  it('still reads results stored before the marker existed (UTF-8 JSON, deflated whole)', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const text = JSON.stringify(result([decision(1, '調入 ✓')]));
    expect(decodeRunResult(deflateRawSync(text, { level: 1 }))).toBe(text);
    expect(decodeRunResult(null)).toBeNull();
  });
});
