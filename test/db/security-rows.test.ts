import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { listSecurities, readSecurityRows, securityRowOf, toSecurityRecord } from '../../src/db/repositories/securities.js';

let dir = '';
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('readSecurityRows', () => {
  it('gives, column by column, the rows a keyed read gives (every column set to a distinct value)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hkc-secrows-'));
    store = await openStore(join(dir, 's.db'));
    const insert = store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date, delisting_date, wvr,
      secondary_listing, free_float, a_share_code, a_share_exchange, a_share_listing_date, stabilisation_end, sfc_high_concentration,
      a_share_risk_alert, synthetic) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    insert.run('01810', 'Xiaomi', 'MAIN', 'EQUITY', 'HKD', '2018-07-09', '2030-01-02', 1, 0, 0.75, '601810', 'SSE', '2024-05-06', '2024-06-05', 1, 0, 1);
    insert.run('00001', 'CKH', 'GEM', 'REIT', 'USD', '1972-11-01', null, 0, 1, null, null, null, null, null, 0, 1, 0);
    const keyed = await store.db.selectFrom('securities').selectAll().orderBy('code').execute();
    const rows = readSecurityRows(store.sqlite).map(securityRowOf);
    expect(rows).toEqual(keyed);
    expect(rows.map(toSecurityRecord)).toEqual(await listSecurities(store.db));
  });
});
