import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { encodeRunResult } from '../../src/db/repositories/runs.js';
import { obtainReview } from '../../src/jobs/diff-review-source.js';
import { loadRunResult, runReview } from '../../src/jobs/run-review.js';
import { buildScenarioStore } from '../e2e/scenario-market.js';

let dir: string;
let store: Store;
const NOW = new Date('2026-08-20T02:00:00Z');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-obtain-'));
  store = await buildScenarioStore(join(dir, 'store.db'));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const runCount = () => store.sqlite.prepare('SELECT count(*) FROM runs').pluck().get() as number;

describe('the review a diff compares', () => {
  it('reuses the run recorded on the same data, with the checks recomputed', async () => {
    const first = await runReview(store, { cutoff: '2026-06-30', trigger: 'cli', now: NOW });
    const got = await obtainReview(store, { cutoff: '2026-06-30', now: NOW });
    expect([got.reused, got.runId, runCount()]).toEqual([true, first.runId, 1]);
    expect(got.result).toEqual(first.result);
    expect(got.result.decisions.every((d) => d.checks.length > 0)).toBe(true);
  });

  it('records a new run instead when the recorded lists are not the ones the rules give now', async () => {
    const id = store.sqlite.prepare('SELECT max(id) FROM runs').pluck().get() as number;
    // A run recorded under other rules: same fingerprint, other lists.
    const recorded = await loadRunResult(store, id);
    const other = { ...recorded, hsci: { ...recorded.hsci, add: [] } };
    store.sqlite.prepare('UPDATE runs SET result_deflated = ? WHERE id = ?').run(encodeRunResult(other), id);
    const got = await obtainReview(store, { cutoff: '2026-06-30', now: NOW });
    expect(got.reused).toBe(false);
    expect(got.runId).toBeGreaterThan(id);
    expect(runCount()).toBe(2);
    expect((await loadRunResult(store, got.runId)).hsci.add.map((r) => r.code)).toEqual(got.result.hsci.add.map((r) => r.code));
    expect(got.result.hsci.add.length).toBeGreaterThan(0);
  });
});
