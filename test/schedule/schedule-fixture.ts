import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/db/connection.js';
import type { ReviewKind, ReviewResult } from '../../src/domain/types.js';
import { encodeRunResult } from '../../src/db/repositories/runs.js';
import type { RenderReviewFn } from '../../src/jobs/schedule-reports.js';
import type { ReviewRequest, RunReviewFn, SchedulePassOptions } from '../../src/jobs/schedule-types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { dailyWriter } from '../support/daily.js';

/** Scratch directories for one test file; call `cleanTempDirs` in afterEach. */
const dirs: string[] = [];
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-sched-'));
  dirs.push(dir);
  return dir;
}
export function cleanTempDirs(): void {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
}

const m = getMethodology();
/** The real methodology's cut-offs (docs/methodology.md §1). */
export const CUTOFFS = { semiAnnual: m.reviews.semiAnnualCutoffs, quarterly: m.reviews.quarterlyCutoffs };

/** Late June / early July 2026: 27-28 June a weekend, 1 July a holiday; 30 June (a Tuesday) is the cut-off. */
const CALENDAR: Array<[string, number]> = [
  ['2026-06-26', 1], ['2026-06-27', 0], ['2026-06-28', 0], ['2026-06-29', 1], ['2026-06-30', 1],
  ['2026-07-01', 0], ['2026-07-02', 1], ['2026-07-03', 1],
];
export const CODES = Array.from({ length: 10 }, (_, i) => String(i + 1).padStart(5, '0'));

/** Opens a real store (migrated) at `path` and, when `seed`, writes the calendar and ten securities. */
export async function openMarket(path: string, seed = true): Promise<Store> {
  const store = await openStore(path);
  if (seed) {
    store.sqlite.exec('DELETE FROM calendar'); // the fixture's own calendar, not the bundled one
    const cal = store.sqlite.prepare("INSERT INTO calendar (date, is_trading_day, source) VALUES (?, ?, 'user')");
    for (const [d, t] of CALENDAR) cal.run(d, t);
    const sec = store.sqlite.prepare(
      "INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', 'HKD', '2020-01-02')",
    );
    for (const c of CODES) sec.run(c, `Company ${c}`);
  }
  return store;
}

/** Daily rows for the first `count` securities on `date`. */
export function addDaily(store: Store, date: string, count: number): void {
  const ins = dailyWriter(store);
  for (const c of CODES.slice(0, count)) ins.run(c, date, 1_000_000_000, 10_000_000, 0);
}

export function minimalResult(cutoff: string, kind: ReviewKind): ReviewResult {
  return {
    cutoff, effectiveDate: '2026-09-07', kind, methodology: 'hsci-2025',
    hsci: { add: [], remove: [], constituents: [{ code: '00001', segment: 'LARGE' }] },
    southbound: { SH: { add: [], remove: [] }, SZ: { add: [], remove: [] } },
    pending: [], warnings: [], borderline: [], decisions: [],
  };
}

export interface FakeReview {
  readonly fn: RunReviewFn;
  readonly calls: ReviewRequest[];
  /** Error messages for the next calls; `undefined` entries (or none left) succeed. */
  failures: Array<string | undefined>;
}

/**
 * A stand-in for `runReview` that records its run in `runs` the way the real one does (running,
 * then succeeded with its result, or failed with the error), yielding between the writes.
 */
export function fakeReview(): FakeReview {
  const fake: FakeReview = {
    calls: [],
    failures: [],
    fn: async (store, req) => {
      fake.calls.push(req);
      const kind: ReviewKind = req.cutoff.endsWith('-06-30') || req.cutoff.endsWith('-12-31') ? 'semi-annual'
        : req.cutoff.endsWith('-03-31') || req.cutoff.endsWith('-09-30') ? 'quarterly' : 'preview';
      const { id } = await store.db.insertInto('runs').values({
        cutoff: req.cutoff, kind, methodology: req.methodology ?? 'hsci-2025', started_at: req.now.toISOString(),
        status: 'running', trigger: req.trigger,
      }).returning('id').executeTakeFirstOrThrow();
      const failure = fake.failures.shift();
      if (failure !== undefined) {
        await store.db.updateTable('runs').set({ status: 'failed', error: failure, finished_at: req.now.toISOString() })
          .where('id', '=', id).execute();
        throw new Error(failure);
      }
      const result = minimalResult(req.cutoff, kind);
      await store.db.updateTable('runs')
        .set({ status: 'succeeded', finished_at: req.now.toISOString(), result_deflated: encodeRunResult(result), inputs_fingerprint: 'fp' })
        .where('id', '=', id).execute();
      return { runId: id, result, fingerprint: 'fp' };
    },
  };
  return fake;
}

/** A renderer that names its format and cut-off, so a test can read back what went where. */
export const fakeRender: RenderReviewFn = (result, format) => `${format} report for ${result.cutoff}\n`;

/** Pass options with a fixed clock and a collected log. */
export function passOptions(
  nowIso: string, review: FakeReview, reportsDir: string, extra: Partial<SchedulePassOptions> = {},
): SchedulePassOptions & { lines: string[] } {
  const lines: string[] = [];
  const now = new Date(nowIso);
  return {
    now: () => now, runReview: review.fn, render: fakeRender, cutoffs: CUTOFFS, reportsDir,
    methodology: 'hsci-2025', log: (line) => lines.push(line), lines, ...extra,
  };
}

export async function readRuns(store: Store): Promise<Array<{ id: number; cutoff: string; status: string; trigger: string; error: string | null }>> {
  return store.db.selectFrom('runs').select(['id', 'cutoff', 'status', 'trigger', 'error']).orderBy('id').execute();
}
