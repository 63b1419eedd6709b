import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { loadDailyFile } from '../../src/ingest/load-daily.js';
import { cleanTemp, expectStoreSound, openTempStore, seedBasics, writeTemp } from './helpers.js';

const DAYS = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07'];
const CODES = ['00001', '00005', '00700', '09988'];
let store: Store;

beforeAll(async () => {
  store = await openTempStore();
  seedBasics(store, CODES, DAYS);
});
afterAll(async () => {
  await store.close();
  cleanTemp();
});

const record = fc.record({
  date: fc.constantFrom(...DAYS),
  code: fc.constantFrom(...CODES),
  marketCapHkd: fc.integer({ min: 0, max: 100_000_000_000_000 }),
  turnoverHkd: fc.integer({ min: 0, max: 100_000_000_000_000 }),
  suspended: fc.boolean(),
  close: fc.option(fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000), { nil: null }),
  volume: fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { nil: null }),
  codeWidth: fc.integer({ min: 0, max: 4 }),
});

describe('daily CSV round trip (property)', () => {
  it('any valid daily record written by csv-stringify is read back equal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(record, { selector: (r) => `${r.date}${r.code}`, minLength: 1, maxLength: 8 }), fc.boolean(), async (records, quoteAll) => {
        // Codes may be written without some leading zeros; the loader pads them back.
        const rows = records.map((r) => ({
          date: r.date, code: r.code.slice(Math.min(r.codeWidth, r.code.length - String(Number(r.code)).length)),
          market_cap_hkd: r.marketCapHkd, turnover_hkd: r.turnoverHkd, suspended: r.suspended ? 1 : 0,
          close: r.close ?? '', volume: r.volume ?? '',
        }));
        const text = stringify(rows, { header: true, quoted: quoteAll, record_delimiter: quoteAll ? 'windows' : 'unix' });
        store.sqlite.exec('DELETE FROM daily');
        const summary = await loadDailyFile(store, writeTemp('p.csv', text), { strict: true });
        expect(summary).toMatchObject({ status: 'loaded', rowsStored: records.length });
        const stored = store.sqlite.prepare('SELECT date, code, market_cap_hkd AS m, turnover_hkd AS t, suspended AS s, close, volume FROM daily ORDER BY date, code').all();
        const expected = [...records]
          .sort((a, b) => (a.date + a.code).localeCompare(b.date + b.code))
          .map((r) => ({ date: r.date, code: r.code, m: r.marketCapHkd, t: r.turnoverHkd, s: r.suspended ? 1 : 0, close: r.close, volume: r.volume }));
        expect(stored).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    expectStoreSound(store);
  });
});
