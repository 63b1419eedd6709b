import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { runCliCaptured } from '../support/run-cli.js';
import { writeMarket, type MarketSecurity } from '../e2e/build-market.js';

const dir = mkdtempSync(join(tmpdir(), 'hkc-reach-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MARKET: MarketSecurity[] = [
  ...Array.from({ length: 20 }, (_, i) => ({ code: String(i + 1).padStart(5, '0'), name: `Steady ${i + 1}`, capBn: 50 + i * 10, velocity: 0.01 })),
  // A WVR company listed in March: seasoned only after E (6 months + 20 trading days), so pending WVR_SEASONED.
  { code: '09001', name: 'New WVR', capBn: 300, velocity: 0.01, wvr: true, listingDate: '2026-03-02' },
];

async function review(calendarTo: string): Promise<{ warnings: string[]; pending: Array<{ code: string; event: string; date: string }> }> {
  const path = join(dir, `${calendarTo}.db`);
  const store = await openStore(path);
  writeMarket(store, MARKET, { calendarFrom: '2024-06-03', calendarTo, dataFrom: '2024-06-03', dataTo: '2026-06-30' });
  await store.close();
  const run = await runCliCaptured(path, new Date('2026-07-02T02:00:00Z'), ['screen', '--cutoff', '2026-06-30', '--format', 'json']);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out);
}

describe('a computation that needs a day beyond the trading calendar says so in warnings', () => {
  it('a calendar ending 2026-07-31: E is an unchecked Monday and the WVR seasoning date cannot be dated', async () => {
    const r = await review('2026-07-31');
    expect(r.warnings).toContain('the trading calendar ends 2026-07-31: the effective date 2026-09-07 is the rule\'s Monday, not checked against holidays; extend seeds/hk-holidays.csv (or load HKEX daily reports) and run hkconnect db seed');
    expect(r.warnings.some((w) => w.startsWith('the trading calendar ends 2026-07-31: the WVR seasoning date of 09001 lies beyond it'))).toBe(true);
    expect(r.pending).toEqual([]);
  });

  it('a calendar reaching far enough: no such warning, and the pending item is dated', async () => {
    const r = await review('2027-12-31');
    expect(r.warnings.filter((w) => w.startsWith('the trading calendar ends'))).toEqual([]);
    expect(r.pending).toEqual([expect.objectContaining({ code: '09001', event: 'WVR_SEASONED' })]);
  });
});
