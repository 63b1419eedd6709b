import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { loadSharesFile } from '../../src/ingest/load-shares.js';
import { insertSecurities, makeTempDirs, openTestStore, writeText } from './helpers.js';

const lenient = { strict: false, now: new Date('2026-11-22T08:00:00Z') };
const tmp = makeTempDirs();
let store: Store;
let dir: string;
const sharesRows = () => store.sqlite.prepare('SELECT code, date, shares_issued FROM shares_issued ORDER BY code, date').all();

beforeEach(async () => {
  dir = tmp.dir();
  store = await openTestStore(dir);
  insertSecurities(store, ['00001', '00700']);
});
afterEach(async () => {
  await store.close();
  tmp.cleanup();
});

describe('ingest shares', () => {
  it('stores each row, codes normalised, columns in any order, unknown columns ignored', async () => {
    const file = writeText(dir, 's.csv', 'date,note,shares_issued,code\n2026-06-30,x,3829975732,1\n2026-09-01,,9200000000,00700\n');
    const summary = await loadSharesFile(store, file, lenient);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 2, rowsStored: 2, rowsRejected: 0 });
    expect(sharesRows()).toEqual([
      { code: '00001', date: '2026-06-30', shares_issued: 3_829_975_732 },
      { code: '00700', date: '2026-09-01', shares_issued: 9_200_000_000 },
    ]);
  });

  it('is idempotent, and a later file replaces the count for the same (code, date)', async () => {
    const file = writeText(dir, 's.csv', 'code,date,shares_issued\n1,2026-06-30,100\n');
    await loadSharesFile(store, file, lenient);
    await loadSharesFile(store, file, lenient);
    expect(sharesRows()).toEqual([{ code: '00001', date: '2026-06-30', shares_issued: 100 }]);
    await loadSharesFile(store, writeText(dir, 't.csv', 'code,date,shares_issued\n1,2026-06-30,200\n'), lenient);
    expect(sharesRows()).toEqual([{ code: '00001', date: '2026-06-30', shares_issued: 200 }]);
  });

  it('reports each bad row with line and field, and stores the good ones', async () => {
    const file = writeText(dir, 's.csv', [
      'code,date,shares_issued',
      '1,2026-06-30,100', // line 2: good
      '9999,2026-06-30,100', // line 3: not in securities
      '1,2026-02-30,100', // line 4: no such date
      '1,2026-07-01,0', // line 5: zero
      '1,2026-07-02,"1,000"', // line 6: thousands separator
      '1,2026-07-03,', // line 7: missing
      'x7,2026-07-03,5', // line 8: bad code
      '1,2026-06-30,300', // line 9: duplicate key in the file
      '700,2026-07-01,1.5', // line 10: not whole
      '',
    ].join('\n'));
    const summary = await loadSharesFile(store, file, lenient);
    expect(summary).toMatchObject({ status: 'loaded', rowsRead: 9, rowsStored: 1, rowsRejected: 8 });
    expect(summary.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'code'], [4, 'date'], [5, 'shares_issued'], [6, 'shares_issued'], [7, 'shares_issued'], [8, 'code'], [9, 'date'], [10, 'shares_issued'],
    ]);
    expect(summary.issues[0]!.reason).toBe('code 09999 is not in securities (load securities first)');
    expect(summary.issues[6]!.reason).toBe('code 00001 on 2026-06-30 appears again (first at line 2); the first row is kept');
    expect(sharesRows()).toEqual([{ code: '00001', date: '2026-06-30', shares_issued: 100 }]);
  });

  it('--strict stores nothing from a file with one bad row', async () => {
    const file = writeText(dir, 's.csv', 'code,date,shares_issued\n1,2026-06-30,100\n700,2026-06-30,-5\n');
    const summary = await loadSharesFile(store, file, { ...lenient, strict: true });
    expect(summary).toMatchObject({ status: 'rejected', rowsStored: 0, fileIssue: { line: 3, field: 'shares_issued' } });
    expect(sharesRows()).toEqual([]);
  });

  it('a header without shares_issued rejects the file', async () => {
    const summary = await loadSharesFile(store, writeText(dir, 's.csv', 'code,date,shares\n1,2026-06-30,100\n'), lenient);
    expect(summary).toMatchObject({ status: 'rejected', fileIssue: { line: 1 } });
    expect(summary.fileIssue!.reason).toContain('"shares_issued"');
  });
});
