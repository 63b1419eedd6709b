import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/db/connection.js';
import { loadSecuritiesFile } from '../../src/ingest/load-securities.js';
import { parseListOfSecurities } from '../../src/ingest/parse-list-of-securities.js';
import { cleanTemp, expectStoreSound, tempDir, writeTemp } from '../ingest/helpers.js';
import { EQUITY_GEM, EQUITY_MAIN, hkexListXlsx } from './hkex-list.js';

afterEach(cleanTemp);
const REAL = new URL('../fixtures/real/hkex-list-of-securities-2021-10-11.xlsx', import.meta.url).pathname;
const NOW = new Date('2026-12-04T12:00:00Z');
const opts = (strict = false) => ({ strict, now: NOW });

async function store(): Promise<Store> {
  return openStore(join(tempDir(), 'store.db'));
}

function security(s: Store, code: string) {
  return s.sqlite.prepare('SELECT code, name, board, type, currency, listing_date, listing_date_inferred, wvr, secondary_listing, delisting_date FROM securities WHERE code = ?').get(code);
}

function changes(s: Store, code: string) {
  return s.sqlite.prepare('SELECT date, field, value FROM attribute_changes WHERE code = ? ORDER BY date, field').all(code);
}

describe('parseListOfSecurities on the real HKEX list', () => {
  const parsed = parseListOfSecurities(readFileSync(REAL), 'list.xlsx');

  it('reads every row under the header, with the date of "Updated as at"', () => {
    expect(parsed.fileIssue).toBeUndefined();
    expect(parsed.asOf).toBe('2021-10-11');
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows).toHaveLength(18_494);
    expect(parsed.rows[0]).toMatchObject({ line: 4, code: '00001', name: 'CKH HOLDINGS', board: 'MAIN', type: 'EQUITY', currency: 'HKD', wvr: false, secondaryListing: false });
  });

  it('board, type, currency and markers as the rule says', () => {
    const by = new Map(parsed.rows.map((r) => [r.code, r]));
    expect(by.get('01810')).toMatchObject({ name: 'XIAOMI-W', wvr: true, secondaryListing: false });
    expect(by.get('09988')).toMatchObject({ name: 'BABA-SW', wvr: true, secondaryListing: true });
    expect(by.get('09961')).toMatchObject({ name: 'TRIP.COM-S', wvr: false, secondaryListing: true });
    expect(by.get('80737')).toMatchObject({ name: 'BAY AREA DEV-R', currency: 'CNY', type: 'EQUITY' });
    expect(by.get('87001')).toMatchObject({ type: 'REIT', currency: 'CNY' }); // RMB by its code range, no -R
    expect(by.get('82822')).toMatchObject({ type: 'ETF', currency: 'CNY' });
    expect(by.get('09010')).toMatchObject({ type: 'ETF', currency: 'USD' });
    const counts = new Map<string, number>();
    for (const r of parsed.rows) counts.set(`${r.board} ${r.type}`, (counts.get(`${r.board} ${r.type}`) ?? 0) + 1);
    expect(counts.get('GEM EQUITY')).toBe(363);
    expect(counts.get('MAIN INVESTMENT_CO')).toBe(23);
    expect(counts.get('MAIN ETF')).toBe(240);
    expect(counts.get('MAIN FUND')).toBe(1);
    expect(counts.get('MAIN REIT')).toBe(12);
    expect((counts.get('MAIN WARRANT') ?? 0) + (counts.get('GEM WARRANT') ?? 0)).toBe(9142 + 4610 + 157 + 3 + 1);
  });
});

describe('ingest securities FILE.xlsx', () => {
  it('loads the real list: new securities with an inferred listing date, the load recorded', async () => {
    const s = await store();
    const summary = await loadSecuritiesFile(s, REAL, opts());
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 18_494, rowsStored: 18_494, rowsRejected: 0 });
    expect(summary.notes).toEqual(['list as at 2021-10-11: 18494 new (listing date inferred), 0 dated change(s), 0 delisted']);
    expect(security(s, '09988')).toMatchObject({ listing_date: '2021-10-11', listing_date_inferred: 1, wvr: 1, secondary_listing: 1 });
    expect(s.sqlite.prepare('SELECT as_of, securities FROM security_lists').all()).toEqual([{ as_of: '2021-10-11', securities: 18_494 }]);
    expectStoreSound(s);
    await s.close();
  });

  it('a newer list: renames, board moves, markers with a rename, delistings and reappearance are dated changes; history kept', async () => {
    const s = await store();
    const first = writeTemp('a.xlsx', hkexListXlsx('01/03/2025', [
      ['00001', 'ALPHA-S', ...EQUITY_MAIN], ['00002', 'BETA', ...EQUITY_GEM], ['00003', 'GAMMA-W', ...EQUITY_MAIN], ['00004', 'DELTA', ...EQUITY_MAIN],
    ]));
    expect((await loadSecuritiesFile(s, first, opts())).status).toBe('loaded');
    const second = writeTemp('b.xlsx', hkexListXlsx('02/06/2025', [
      ['00001', 'ALPHA', ...EQUITY_MAIN], ['00002', 'BETA', ...EQUITY_MAIN], ['00003', 'GAMMA NEW-W', ...EQUITY_MAIN], ['00005', 'EPSILON', ...EQUITY_MAIN],
    ]));
    const summary = await loadSecuritiesFile(s, second, opts());
    expect(summary.notes).toEqual(['list as at 2025-06-02: 1 new (listing date inferred), 4 dated change(s), 1 delisted']);
    expect(security(s, '00001')).toMatchObject({ name: 'ALPHA-S', secondary_listing: 1 }); // the base row is history
    expect(changes(s, '00001')).toEqual([{ date: '2025-06-02', field: 'name', value: 'ALPHA' }, { date: '2025-06-02', field: 'secondary_listing', value: '0' }]);
    expect(changes(s, '00002')).toEqual([{ date: '2025-06-02', field: 'board', value: 'MAIN' }]);
    expect(changes(s, '00003')).toEqual([{ date: '2025-06-02', field: 'name', value: 'GAMMA NEW-W' }]);
    expect(changes(s, '00004')).toEqual([{ date: '2025-06-02', field: 'delisting_date', value: '2025-06-02' }]);
    expect(security(s, '00005')).toMatchObject({ listing_date: '2025-06-02', listing_date_inferred: 1 });
    // Reloading the same list changes nothing; an older one is refused.
    const again = await loadSecuritiesFile(s, second, opts());
    expect(again.notes).toEqual(['list as at 2025-06-02: 0 new (listing date inferred), 0 dated change(s), 0 delisted']);
    const older = await loadSecuritiesFile(s, first, opts());
    expect(older.fileIssue?.reason).toBe('a newer list (as at 2025-06-02) is already loaded; loading this one of 2025-03-01 would undo its changes');
    // A later list with 00004 again: it is relisted from that date.
    const third = writeTemp('c.xlsx', hkexListXlsx('01/09/2025', [['00004', 'DELTA', ...EQUITY_MAIN]]));
    await loadSecuritiesFile(s, third, opts());
    expect(changes(s, '00004')).toEqual([{ date: '2025-06-02', field: 'delisting_date', value: '2025-06-02' }, { date: '2025-09-01', field: 'delisting_date', value: '' }]);
    expectStoreSound(s);
    await s.close();
  });

  it("a user's changes row overriding a marker holds until HKEX renames the security", async () => {
    const s = await store();
    await loadSecuritiesFile(s, writeTemp('a.xlsx', hkexListXlsx('01/03/2025', [['00009', 'OMEGA-W', ...EQUITY_MAIN]])), opts());
    s.sqlite.prepare(`INSERT INTO attribute_changes (code, date, field, value) VALUES ('00009', '2025-03-05', 'wvr', '0')`).run();
    await loadSecuritiesFile(s, writeTemp('b.xlsx', hkexListXlsx('02/06/2025', [['00009', 'OMEGA-W', ...EQUITY_MAIN]])), opts());
    expect(changes(s, '00009')).toEqual([{ date: '2025-03-05', field: 'wvr', value: '0' }]);
    await s.close();
  });

  it('an inferred listing date moves back to the first daily record, and a securities CSV sets the real one', async () => {
    const s = await store();
    s.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES ('00007', 'OLD', 'MAIN', 'EQUITY', 'HKD', '2025-01-02')`).run();
    const { insertDailyRows } = await import('../../src/db/repositories/daily.js');
    s.sqlite.prepare(`UPDATE securities SET listing_date_inferred = 1, listing_date = '2025-06-02' WHERE code = '00007'`).run();
    insertDailyRows(s.sqlite, [{ code: '00007', date: '2025-01-02', marketCapHkd: 100, turnoverHkd: 1, suspended: false, close: null, volume: null }]);
    await loadSecuritiesFile(s, writeTemp('a.xlsx', hkexListXlsx('02/06/2025', [['00007', 'OLD', ...EQUITY_MAIN]])), opts());
    expect(security(s, '00007')).toMatchObject({ listing_date: '2025-01-02', listing_date_inferred: 1 });
    await loadSecuritiesFile(s, writeTemp('s.csv', 'code,name,board,type,currency,listing_date\n7,OLD,MAIN,EQUITY,HKD,2004-06-16\n'), opts());
    expect(security(s, '00007')).toMatchObject({ listing_date: '2004-06-16', listing_date_inferred: 0 });
    await s.close();
  });

  it('bad input: file, line, field and the fix; --strict stores nothing', async () => {
    const s = await store();
    const file = writeTemp('bad.xlsx', hkexListXlsx('01/03/2025', [
      ['00001', 'ALPHA', ...EQUITY_MAIN], ['7OO', 'BAD CODE', ...EQUITY_MAIN], ['00002', 'BETA', 'Crypto Tokens', ''], ['00001', 'AGAIN', ...EQUITY_MAIN],
    ]));
    const lax = await loadSecuritiesFile(s, file, opts());
    expect(lax).toMatchObject({ status: 'loaded', rowsRead: 4, rowsStored: 1, rowsRejected: 3 });
    expect(lax.issues.map((i) => [i.line, i.field, i.reason])).toEqual([
      [5, 'Stock Code', '"7OO" is not a stock code (1 to 5 digits, such as 700 or 00700)'],
      [6, 'Category', '"Crypto Tokens" / "" is not a category this tool knows; tell the maintainers, or load 00002 through a securities CSV'],
      [7, 'Stock Code', 'an earlier line of this file already lists 00001'],
    ]);
    const s2 = await store();
    const strict = await loadSecuritiesFile(s2, file, opts(true));
    expect(strict.status).toBe('rejected');
    expect(s2.sqlite.prepare('SELECT count(*) FROM securities').pluck().get()).toBe(0);
    expect(s2.sqlite.prepare('SELECT count(*) FROM security_lists').pluck().get()).toBe(0);
    const undated = await loadSecuritiesFile(s2, writeTemp('u.xlsx', hkexListXlsx(null, [['00001', 'A', ...EQUITY_MAIN]])), opts());
    expect(undated.fileIssue?.reason).toBe('the sheet has no "Updated as at DD/MM/YYYY" line: give the date it is as of with --as-of DATE');
    const dated = await loadSecuritiesFile(s2, writeTemp('u.xlsx', hkexListXlsx(null, [['00001', 'A', ...EQUITY_MAIN]])), { ...opts(), asOf: '2025-03-03' });
    expect(dated.status).toBe('loaded');
    const notList = await loadSecuritiesFile(s2, writeTemp('n.xlsx', hkexListXlsx('01/03/2025', []).slice(0, 0)), opts());
    expect(notList.status).toBe('rejected');
    await s.close();
    await s2.close();
  });
});
