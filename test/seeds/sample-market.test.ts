import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { seedStore } from '../../src/jobs/seed.js';
import { readSeedCalendar } from '../../src/jobs/seed-calendar.js';
import { loadSampleMarket } from '../../src/jobs/seed-sample.js';
import { generateSampleMarket, type SampleMarketSummary } from '../../seeds/sample-market/generate.js';
import { runSimpleReview } from '../../seeds/sample-market/simple-review.js';
import type { SampleSink } from '../../seeds/sample-market/types.js';

const tradingDays = readSeedCalendar().filter((d) => d.isTradingDay).map((d) => d.date);

/** A sink that hashes every call in order: equal hashes mean byte-identical markets. */
function hashingSink(): { sink: SampleSink; digest: () => string } {
  const h = createHash('sha256');
  const put = (...v: unknown[]) => { h.update(JSON.stringify(v)); h.update('\n'); };
  return {
    sink: {
      security: (s, shares) => put('s', s, shares), daily: (...r) => put('d', ...r), change: (c) => put('c', c),
      hsciMember: (...r) => put('h', ...r), southboundMember: (...r) => put('b', ...r),
    },
    digest: () => h.digest('hex'),
  };
}

describe('sample market generator', () => {
  it('is deterministic: the same seed gives the same market byte for byte, another seed another market', () => {
    const runs = [1, 1, 2].map((seed) => {
      const { sink, digest } = hashingSink();
      generateSampleMarket(sink, { tradingDays, scale: 0.05, seed });
      return digest();
    });
    expect(runs[0]).toBe(runs[1]);
    expect(runs[2]).not.toBe(runs[0]);
  });

  describe('at full size', () => {
    let full: SampleMarketSummary;
    beforeAll(() => {
      const noop: SampleSink = { security() {}, daily() {}, change() {}, hsciMember() {}, southboundMember() {} };
      full = generateSampleMarket(noop, { tradingDays });
    });
    const averages = () => {
      const m = full.metrics.get('2026-06-30')!;
      return full.specs.filter((s) => s.currency === 'HKD').map((s) => m.get(s.code)!.avgMarketCapHkd).filter((a) => a > 0).sort((a, b) => b - a);
    };

    it('has about 2,700 securities and 1.3 M daily rows', () => {
      expect(full.securities).toBeGreaterThanOrEqual(2600);
      expect(full.securities).toBeLessThanOrEqual(2800);
      expect(full.dailyRows).toBeGreaterThan(1_200_000);
      expect(full.dailyRows).toBeLessThan(1_400_000);
    });

    it('is top-heavy like Hong Kong: the top decile holds 85-95% of value, the median name is under HK$2bn', () => {
      const avg = averages();
      const total = avg.reduce((t, a) => t + a, 0);
      const top = avg.slice(0, Math.round(avg.length / 10)).reduce((t, a) => t + a, 0);
      expect(top / total).toBeGreaterThan(0.85);
      expect(top / total).toBeLessThan(0.95);
      expect(avg[avg.length >> 1]!).toBeLessThan(2e9);
    });

    it('is mostly liquid, with a real illiquid tail', () => {
      const m = full.metrics.get('2026-06-30')!;
      const equities = full.specs.filter((s) => s.type === 'EQUITY' && s.currency === 'HKD' && m.get(s.code)!.tradingDays > 0);
      const liquid = equities.filter((s) => m.get(s.code)!.liquid).length / equities.length;
      expect(liquid).toBeGreaterThan(0.5);
      expect(liquid).toBeLessThan(0.9);
    });

    it('ships lists from which the 2026-06-30 review makes a modest set of changes (tens, not hundreds)', () => {
      const prior = full.lists.get('2026-03-09')!;
      expect(prior.hsci.size).toBeGreaterThan(300);
      expect(prior.hsci.size).toBeLessThan(600);
      const now = runSimpleReview(full.specs, full.metrics.get('2026-06-30')!, '2026-06-30', '2026-09-07', prior);
      const changes = [...now.hsci.keys()].filter((c) => !prior.hsci.has(c)).length + [...prior.hsci.keys()].filter((c) => !now.hsci.has(c)).length;
      expect(changes).toBeGreaterThanOrEqual(5);
      expect(changes).toBeLessThanOrEqual(100);
    });
  });
});

describe('sample market loaded into a store (small scale; the special cases are always there)', () => {
  let store: Store;
  const q = (sqlText: string, ...params: unknown[]) => store.sqlite.prepare(sqlText).pluck().get(...params) as number;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await seedStore(store, { sample: false });
    loadSampleMarket(store, tradingDays, 0.1);
  });
  afterAll(async () => { await store.close(); });

  it('is clean: integrity and foreign keys check, every record on a trading day of the seeded calendar', () => {
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(q(`SELECT count(*) FROM daily d LEFT JOIN calendar c ON c.date = d.date WHERE c.is_trading_day IS NOT 1`)).toBe(0);
    expect(store.sqlite.prepare('SELECT min(date), max(date) FROM daily').raw().get()).toEqual(['2024-07-02', '2026-06-30']);
    expect(q(`SELECT count(*) FROM daily d JOIN securities s USING (code) WHERE d.date < s.listing_date OR d.date >= coalesce(s.delisting_date, '9999')`)).toBe(0);
  });

  it('is clearly synthetic', () => {
    expect(q('SELECT count(*) FROM securities WHERE synthetic = 0 OR name NOT LIKE ?', 'SYN %')).toBe(0);
  });

  it('holds IPOs in the last 12 months, in Jan-Mar 2026, and one very large recent IPO', () => {
    expect(q(`SELECT count(*) FROM securities WHERE listing_date > '2025-06-30' AND listing_date <= '2026-06-30'`)).toBeGreaterThanOrEqual(5);
    expect(q(`SELECT count(*) FROM securities WHERE listing_date BETWEEN '2026-01-01' AND '2026-03-31'`)).toBeGreaterThanOrEqual(2);
    expect(q(`SELECT count(*) FROM securities s JOIN daily d ON d.code = s.code AND d.date = (SELECT min(date) FROM daily WHERE code = s.code)
      WHERE s.listing_date > '2026-04-01' AND d.market_cap_hkd > 100e9`)).toBeGreaterThanOrEqual(1);
  });

  it('holds a long suspension still running at the cut-off, short ones, and one resumed after more than 3 months', () => {
    const runs = suspensionRuns(store);
    expect(runs.some((r) => r.to === '2026-06-30' && r.from <= '2026-03-30')).toBe(true);
    expect(runs.some((r) => r.to === '2026-06-30' && r.from > '2026-03-30')).toBe(true);
    expect(runs.some((r) => r.to < '2026-06-30' && r.days <= 10)).toBe(true);
    expect(runs.some((r) => r.to >= '2025-06-30' && r.to < '2026-06-30' && monthsBetween(r.from, r.to) >= 3)).toBe(true);
  });

  it('holds data gaps: listed securities missing trading days between their first and last record', () => {
    expect(q(`SELECT count(*) FROM (SELECT code, count(*) AS n, min(date) AS a, max(date) AS b FROM daily GROUP BY code) g
      WHERE n < (SELECT count(*) FROM calendar WHERE is_trading_day = 1 AND date BETWEEN g.a AND g.b)`)).toBeGreaterThanOrEqual(1);
  });

  it('holds WVR companies (seasoned and new), secondary listings and a dated conversion to primary', () => {
    expect(q(`SELECT count(*) FROM securities WHERE wvr = 1 AND listing_date < '2025-01-01'`)).toBeGreaterThanOrEqual(2);
    expect(q(`SELECT count(*) FROM securities WHERE wvr = 1 AND listing_date > '2026-01-01'`)).toBeGreaterThanOrEqual(1);
    expect(q(`SELECT count(*) FROM securities WHERE secondary_listing = 1`)).toBeGreaterThanOrEqual(2);
    expect(q(`SELECT count(*) FROM attribute_changes c JOIN securities s USING (code)
      WHERE c.field = 'secondary_listing' AND c.value = '0' AND s.secondary_listing = 1`)).toBe(1);
  });

  it('holds A+H pairs on SSE and SZSE, a new A+H stabilising past the cut-off, and an A share put under risk alert', () => {
    expect(q(`SELECT count(*) FROM securities WHERE a_share_exchange = 'SSE'`)).toBeGreaterThanOrEqual(2);
    expect(q(`SELECT count(*) FROM securities WHERE a_share_exchange = 'SZSE'`)).toBeGreaterThanOrEqual(2);
    expect(q(`SELECT count(*) FROM securities WHERE a_share_code IS NOT NULL AND listing_date <= '2026-06-30' AND stabilisation_end > '2026-06-30'`)).toBe(1);
    expect(q(`SELECT count(*) FROM attribute_changes c JOIN securities s USING (code)
      WHERE c.field = 'a_share_risk_alert' AND c.value = '1' AND s.a_share_code IS NOT NULL AND c.date <= '2026-06-30'`)).toBe(1);
  });

  it('holds RMB counters of HKD names, GEM names, REITs, a stapled security, ETFs and an SFC high-concentration name', () => {
    expect(q(`SELECT count(*) FROM securities r JOIN securities h ON h.code = '0' || substr(r.code, 2)
      WHERE r.currency = 'CNY' AND r.code LIKE '8%' AND h.currency = 'HKD'`)).toBeGreaterThanOrEqual(2);
    for (const [where, min] of [[`board = 'GEM'`, 5], [`type = 'REIT'`, 2], [`type = 'STAPLED'`, 1], [`type = 'ETF'`, 3], ['sfc_high_concentration = 1', 1]] as const) {
      expect(q(`SELECT count(*) FROM securities WHERE ${where}`), where).toBeGreaterThanOrEqual(min);
    }
  });

  it('ships the lists in force: HSCI with all three segments and Southbound SH and SZ, with ETFs and SZ-only A+H names', () => {
    expect(store.sqlite.prepare(`SELECT list, as_of FROM list_snapshots ORDER BY as_of, list`).raw().all()).toEqual([
      ['HSCI', '2025-09-08'], ['SB_SH', '2025-09-08'], ['SB_SZ', '2025-09-08'], ['HSCI', '2026-03-09'], ['SB_SH', '2026-03-09'], ['SB_SZ', '2026-03-09'],
    ]);
    expect(store.sqlite.prepare(`SELECT DISTINCT segment FROM hsci_members WHERE as_of = '2026-03-09' ORDER BY 1`).pluck().all()).toEqual(['LARGE', 'MID', 'SMALL']);
    expect(q(`SELECT count(*) FROM southbound_members b JOIN securities s USING (code) WHERE b.as_of = '2026-03-09' AND s.type = 'ETF'`)).toBeGreaterThanOrEqual(1);
    expect(q(`SELECT count(*) FROM southbound_members z JOIN securities s USING (code) WHERE z.as_of = '2026-03-09' AND z.channel = 'SZ'
      AND s.a_share_exchange = 'SZSE' AND z.code NOT IN (SELECT code FROM southbound_members WHERE as_of = '2026-03-09' AND channel = 'SH')`)).toBeGreaterThanOrEqual(1);
  });

  it('places HSCI SmallCap names within 10% of the HK$4bn and HK$5bn Southbound lines, on both sides', () => {
    const averages = store.sqlite.prepare(`SELECT avg(d.market_cap_hkd) FROM hsci_members m JOIN daily d ON d.code = m.code
      WHERE m.as_of = '2026-03-09' AND m.segment = 'SMALL' AND d.suspended = 0 AND d.date > '2025-06-30' AND d.date <= '2026-06-30' GROUP BY m.code`).pluck().all() as number[];
    for (const [lo, hi] of [[3.6e9, 4e9], [4e9, 4.4e9], [4.5e9, 5e9], [5e9, 5.5e9]]) {
      expect(averages.some((a) => a >= lo! && a < hi!), `${lo}..${hi}`).toBe(true);
    }
  });

  it('re-seeds idempotently and refuses a store holding real securities', async () => {
    const fingerprint = () => store.sqlite.prepare(`SELECT count(*), sum(market_cap_hkd % 1000003), sum(turnover_hkd % 1000003) FROM daily`).raw().get();
    const lists = () => store.sqlite.prepare(`SELECT (SELECT count(*) FROM hsci_members), (SELECT count(*) FROM southbound_members), (SELECT count(*) FROM list_snapshots)`).raw().get();
    const before = [fingerprint(), lists()];
    loadSampleMarket(store, tradingDays, 0.1);
    expect([fingerprint(), lists()]).toEqual(before);
    store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES ('99999', 'REAL', 'MAIN', 'EQUITY', 'HKD', '2000-01-03')`).run();
    expect(() => loadSampleMarket(store, tradingDays, 0.1)).toThrow(/real securities/);
    expect([fingerprint(), lists()]).toEqual(before);
  });
});

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7)) + (b.slice(8) >= a.slice(8) ? 0 : -1);
}

/** Continuous suspension runs (consecutive records suspended), per security. */
function suspensionRuns(store: Store): Array<{ code: string; from: string; to: string; days: number }> {
  const rows = store.sqlite.prepare('SELECT code, date, suspended FROM daily ORDER BY code, date').raw().all() as Array<[string, string, number]>;
  const runs: Array<{ code: string; from: string; to: string; days: number }> = [];
  let open: { code: string; from: string; to: string; days: number } | undefined;
  for (const [code, date, suspended] of rows) {
    if (open !== undefined && (open.code !== code || !suspended)) { runs.push(open); open = undefined; }
    if (!suspended) continue;
    if (open === undefined) open = { code, from: date, to: date, days: 1 };
    else { open.to = date; open.days += 1; }
  }
  if (open !== undefined) runs.push(open);
  return runs;
}
