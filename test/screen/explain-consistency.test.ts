import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { computeReview, type ComputedReview } from '../../src/jobs/run-review.js';
import { buildExplanation, renderExplanation } from '../../src/screen/explain-security.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

// Issue 16: explain's check lines and its summary lines (Pending, Borderline) never disagree, for every
// security of the scenario market (new A+H listings, WVR companies pending their seasoning, band names...).
const dir = mkdtempSync(join(tmpdir(), 'hkc-explain-'));
let store: Store;
let review: ComputedReview;
beforeAll(async () => {
  store = await buildScenarioStore(join(dir, 's.db'));
  review = await computeReview(store, { cutoff: '2026-06-30' });
});
afterAll(async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); });

function explained(code: string): { text: string; pendingLine: string; borderlineLine: string } {
  const decision = review.result.decisions.find((d) => d.code === code)!;
  const text = renderExplanation(buildExplanation(review.result, review.metrics.find((m) => m.code === code)!, decision));
  const line = (prefix: string) => text.split('\n').find((l) => l.startsWith(prefix))!;
  return { text, pendingLine: line('Pending: '), borderlineLine: line('Borderline (§9): ') };
}

describe('explain never disagrees with itself', () => {
  it('a check line says "pending" only when the Pending line names an event, for every security', () => {
    let pendingSeen = 0;
    for (const d of review.result.decisions) {
      const { text, pendingLine } = explained(d.code);
      const checkLines = text.split('\n').filter((l) => l.startsWith('  ['));
      const inSummary = d.summary.includes(' pending ');
      if (pendingLine !== 'Pending: none') pendingSeen += 1;
      if (checkLines.some((l) => /\bpending\b/.test(l)) || inSummary) expect(pendingLine, d.code).not.toBe('Pending: none');
      if (pendingLine !== 'Pending: none') expect(inSummary, d.code).toBe(true);
    }
    expect(pendingSeen).toBeGreaterThanOrEqual(2); // 00009 (WVR_SEASONED) and 00010 (A_PLUS_H_STABILISATION)
  });

  it('a check flagged (borderline) is exactly a line the Borderline line names, for every security', () => {
    let flaggedSeen = 0;
    for (const d of review.result.decisions) {
      const { text, borderlineLine } = explained(d.code);
      const flagged = text.split('\n').filter((l) => l.startsWith('  [') && l.endsWith('(borderline)')).map((l) => /\] (\S+) /.exec(l)![1]!);
      const named = borderlineLine === 'Borderline (§9): no' ? [] : borderlineLine.slice('Borderline (§9): '.length).split('; ').map((x) => x.split(' ')[0]!);
      flaggedSeen += flagged.length;
      expect([...new Set(flagged)].sort(), d.code).toEqual([...new Set(named)].sort());
      expect(d.borderline, d.code).toBe(named.length > 0);
    }
    expect(flaggedSeen).toBeGreaterThan(0);
  });

  it('the new A+H listing pending on both channels says so in the summary, and its A+H check does not call itself pending', () => {
    const { text, pendingLine } = explained('00010');
    expect(pendingLine).toBe('Pending: A_PLUS_H_STABILISATION on 2026-07-16');
    expect(text).toMatch(/sb-a-plus-h-new-listing.*eligible from 2026-07-16, after the cut-off 2026-06-30: not yet eligible by that path at this review/);
  });
});
