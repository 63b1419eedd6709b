import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeReview, type ComputedReview } from '../../src/jobs/run-review.js';
import { inferredListingWarning } from '../../src/screen/inferred-listing.js';
import { runBuiltCli } from '../support/run-cli.js';
import { buildScenarioStore } from './scenario-market.js';

// The scenario market (cut-off 2026-06-30, effective 2026-09-07): 00009 a WVR company listed 2026-03-16
// (HSCI ADD, pending WVR_SEASONED 2026-10-14), 00010 an A+H listing of 2026-06-15 (pending A+H),
// 00002 and 00018 listed in 2010 (KEEP). The listing dates of these four are marked inferred, as
// `ingest securities ListOfSecurities.xlsx` marks a date HKEX's list lacks.
const INFERRED = ['00002', '00009', '00010', '00018'];
let dir: string;
let db: string;
let plainDb: string;
let review: ComputedReview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-inferred-'));
  db = join(dir, 'inferred.db');
  plainDb = join(dir, 'plain.db');
  const store = await buildScenarioStore(db);
  store.sqlite.prepare(`UPDATE securities SET listing_date_inferred = 1 WHERE code IN (${INFERRED.map(() => '?').join(', ')})`).run(...INFERRED);
  review = await computeReview(store, { cutoff: '2026-06-30' });
  await store.close();
  await (await buildScenarioStore(plainDb)).close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SENTENCE = "2 decision(s) rest on a listing date inferred from the first daily record (HKEX's list gives none, and the real date can only be earlier): "
  + '00009 listed 2026-03-16: the §3 average starts there, the §7.3 WVR seasoning counts from it (seasoned 2026-10-14) -> HSCI ADD, pending WVR_SEASONED 2026-10-14; '
  + '00010 listed 2026-06-15: the §3 average starts there, the §7.1.3 stabilisation end counts from it (eligible 2026-07-16) -> pending A_PLUS_H_STABILISATION 2026-07-16; '
  + 'load a securities CSV with listing_date (or a changes row) for these codes, then screen again';

describe('inferredListingWarning (pure): only decisions a test starting at the inferred date decides', () => {
  const securities = INFERRED.map((code) => ({ code, listingDateInferred: true }));
  const metricsWith = (code: string, change: (m: ComputedReview['metrics'][number]) => ComputedReview['metrics'][number]) =>
    review.metrics.map((m) => (m.code === code ? change(m) : m));

  it('names the codes, their inferred dates, the tests and the outcomes; long-listed codes (00002, 00018) are not named', () => {
    expect(inferredListingWarning({ result: review.result, metrics: review.metrics, securities })).toBe(SENTENCE);
  });

  it('nothing inferred, or nothing decided: no warning', () => {
    expect(inferredListingWarning({ result: review.result, metrics: review.metrics, securities: securities.map((s) => ({ ...s, listingDateInferred: false })) })).toBeNull();
    const offEveryList = { ...review.result, decisions: review.result.decisions.filter((d) => d.code !== '00009'), pending: [] };
    expect(inferredListingWarning({ result: offEveryList, metrics: review.metrics, securities: [{ code: '00009', listingDateInferred: true }] })).toBeNull();
  });

  it('WVR seasoning at the line: seasoned ON the effective date passes (no dependence), a day after does not', () => {
    const only9 = [{ code: '00009', listingDateInferred: true }];
    const seasoned = (on: string) => metricsWith('00009', (m) => ({ ...m, average: { ...m.average, windowStart: '2025-07-02' }, wvr: { ...m.wvr!, seasonedOn: on } }));
    expect(inferredListingWarning({ result: review.result, metrics: seasoned('2026-09-07'), securities: only9 })).toBeNull();
    expect(inferredListingWarning({ result: review.result, metrics: seasoned('2026-09-08'), securities: only9 }))
      .toContain('00009 listed 2026-03-16: the §7.3 WVR seasoning counts from it (seasoned 2026-09-08) -> HSCI ADD');
  });

  it('the average: starting at the listing date depends on it; starting at the window start or at a restart does not', () => {
    const only9 = [{ code: '00009', listingDateInferred: true }];
    const base = (m: ComputedReview['metrics'][number]) => ({ ...m, wvr: null });
    expect(inferredListingWarning({ result: review.result, metrics: metricsWith('00009', base), securities: only9 })).toContain('00009 listed 2026-03-16: the §3 average starts there -> HSCI ADD');
    expect(inferredListingWarning({ result: review.result, metrics: metricsWith('00009', (m) => ({ ...base(m), average: { ...m.average, windowStart: '2025-07-02' } })), securities: only9 })).toBeNull();
    expect(inferredListingWarning({ result: review.result, metrics: metricsWith('00009', (m) => ({ ...base(m), average: { ...m.average, restartedOn: '2026-03-16' } })), securities: only9 })).toBeNull();
  });
});

describe('hkconnect screen: the warning in every format (the built binary)', () => {
  it.each(['table', 'json', 'csv', 'md', 'html'])('%s carries it', (format) => {
    const r = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-06-30', '--format', format]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = format === 'html' ? r.out.replace(/&gt;/g, '>').replace(/&#39;|&apos;/g, "'") : r.out;
    if (format === 'json') expect(JSON.parse(r.out).warnings).toContain(SENTENCE);
    else if (format === 'csv') expect(text).toContain('00009 listed 2026-03-16');
    else expect(text).toContain('2 decision(s) rest on a listing date inferred');
    expect(text).toContain('00010 listed 2026-06-15');
    expect(text).not.toContain('00018 listed');
  });

  it('a store whose listing dates are all given has no such warning', () => {
    const r = runBuiltCli(['--db', plainDb, 'screen', '--cutoff', '2026-06-30', '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out).warnings as string[]).some((w) => w.includes('inferred'))).toBe(false);
  });

  it('the preview of the same review carries it too', () => {
    const r = runBuiltCli(['--db', db, 'screen', '--cutoff', '2026-06-30', '--as-of', '2026-06-26', '--format', 'json']);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out).warnings as string[]).find((w) => w.includes('inferred'))).toContain('00009 listed 2026-03-16');
  });
});
