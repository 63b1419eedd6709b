import { afterEach, describe, expect, it } from 'vitest';
import { loadDailyFile } from '../../src/ingest/load-daily.js';
import { formatInputIssue } from '../../src/domain/errors.js';
import { cleanTemp, countRows, expectStoreSound, openTempStore, seedBasics, tableChecksum, writeTemp } from './helpers.js';

afterEach(cleanTemp);

const DAYS = ['2025-01-02', '2025-01-03', '2025-01-06'];
const HEADER = 'date,code,market_cap_hkd,turnover_hkd,suspended,close,volume';

async function storeWithBasics() {
  const store = await openTempStore();
  seedBasics(store, ['00700', '00005', '00001'], DAYS, ['2025-01-01']);
  return store;
}

describe('ingest daily: good files', () => {
  it('stores every row with codes padded to 5 digits and money as whole HK$', async () => {
    const store = await storeWithBasics();
    const file = writeTemp('daily.csv', `${HEADER}\n2025-01-02,700,4000000000000,12000000000,0,420.2,1000\n2025-01-02,5,1000000000000.4,0,1,,\n`);
    const summary = await loadDailyFile(store, file, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 2, rowsRejected: 0, issueCount: 0 });
    const rows = store.sqlite.prepare('SELECT code, date, market_cap_hkd, typeof(market_cap_hkd) AS t, suspended, close, volume FROM daily ORDER BY code').all();
    expect(rows).toEqual([
      { code: '00005', date: '2025-01-02', market_cap_hkd: 1000000000000, t: 'integer', suspended: 1, close: null, volume: null },
      { code: '00700', date: '2025-01-02', market_cap_hkd: 4000000000000, t: 'integer', suspended: 0, close: 420.2, volume: 1000 },
    ]);
    expect(countRows(store, 'loads')).toBe(1);
    expectStoreSound(store);
    await store.close();
  });
});
