import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { combineSzsePages, type SzsePageFile } from '../../src/ingest/combine-szse-pages.js';
import { parseSzseListJson } from '../../src/ingest/parse-szse-list.js';
import { cleanTemp, tempDir, writeTemp } from '../ingest/helpers.js';
import { runBuiltCli } from '../support/run-cli.js';

afterEach(cleanTemp);
// The constructed SZSE report pages (test/fixtures/README.md): 45 codes, 3 pages of 20, dated 2026-08-03.
const FIX = (n: number) => new URL(`../fixtures/constructed/szse-southbound-list-2026-08-03-page${n}.json`, import.meta.url).pathname;
type Block = { metadata: Record<string, unknown>; data: Array<Record<string, string>> };
const page = (n: number): Block[] => JSON.parse(readFileSync(FIX(n), 'utf8')) as Block[];
/** Page n with its metadata (or data) changed: a broken variant of the real shape. */
const variant = (n: number, meta: Record<string, unknown>, data?: (d: Block['data']) => Block['data']) => page(n).map((b) => ({ metadata: { ...b.metadata, ...meta }, data: data ? data(b.data) : b.data }));
const parsed = (name: string, blocks: Block[]): SzsePageFile => {
  const p = parseSzseListJson(JSON.stringify(blocks), name);
  return { file: name, parsed: { ...p, pages: p.pages! } };
};

describe('combineSzsePages (pure)', () => {
  it('three page files make the 45-row list of 2026-08-03, in any order', () => {
    const c = combineSzsePages([parsed('p3', page(3)), parsed('p1', page(1)), parsed('p2', page(2))]);
    expect(c.ok && c.asOf).toBe('2026-08-03');
    expect(c.ok && c.rows.map((r) => r.length)).toEqual([5, 20, 20]);
    expect(c.ok && c.issues).toEqual([]);
  });

  it.each<[string, SzsePageFile[], string, string]>([
    ['another date', [parsed('p1', page(1)), parsed('p2', variant(2, { subname: '2026-08-10' })), parsed('p3', page(3))], 'p2',
      'it is the list of 2026-08-10, but p1 the list of 2026-08-03: the pages of one list share its date'],
    ['another report', [parsed('p1', page(1)), parsed('p2', variant(2, { catalogid: 'SGT_GGTBDQD_TZ' })), parsed('p3', page(3))], 'p2',
      'its pages are of the report SGT_GGTBDQD_TZ, but those of p1 of SGT_GGTBDQD: pages of different reports do not make one list'],
    ['another page count', [parsed('p1', page(1)), parsed('p2', variant(2, { pagecount: 4 }))], 'p2',
      'it says the list has 4 pages, but p1 says 3: the pages of one download agree'],
    ['another record count', [parsed('p1', page(1)), parsed('p2', variant(2, { recordcount: 46 })), parsed('p3', page(3))], 'p2',
      'it says the list has 46 rows, but p1 says 45: the pages of one download agree'],
    ['a page twice', [parsed('p1', page(1)), parsed('p2', page(2)), parsed('p2b', page(2)), parsed('p3', page(3))], 'p2b',
      'page 2 is given twice (also in p2); give each page once'],
    ['a page missing', [parsed('p1', page(1)), parsed('p3', page(3))], 'p1',
      'page(s) 2 of 3 are missing: give every page file of the list in one command (or their directory), or use hkconnect fetch'],
    ['a page beyond the count', [parsed('p1', page(1)), parsed('p2', page(2)), parsed('p3', page(3)), parsed('p4', variant(3, { pageno: 4 }))], 'p4',
      'page 4 is outside the 3 pages the list declares'],
    ['a row short of the declared total', [parsed('p1', page(1)), parsed('p2', variant(2, {}, (d) => d.slice(1))), parsed('p3', page(3))], 'p1',
      'the pages hold 44 rows but SZSE says the list has 45: download them again'],
  ])('refuses %s, naming the file', (_what, files, file, reason) => {
    expect(combineSzsePages(files)).toEqual({ ok: false, file, reason });
  });

  it('a code on two pages is a bad row of the later page, naming where it first was', () => {
    const dup = variant(2, {}, (d) => [{ ...d[0]!, zqdm: '00001' }, ...d.slice(1)]);
    const c = combineSzsePages([parsed('p1', page(1)), parsed('p2', dup), parsed('p3', page(3))]);
    expect(c.ok && c.issues).toEqual([{ file: 'p2', line: 1, field: 'zqdm', reason: '00001 is already on an earlier page (p1, line 1)' }]);
    expect(c.ok && c.rows[1]!.length).toBe(19);
  });
});

function members(db: string, asOf: string): number {
  const sqlite = new BetterSqlite3(db, { readonly: true });
  const n = sqlite.prepare("SELECT count(*) FROM southbound_members WHERE channel = 'SZ' AND as_of = ?").pluck().get(asOf) as number;
  sqlite.close();
  return n;
}

describe('ingest southbound PAGE.json... | DIR (the built binary)', () => {
  it('three page files in one command: one SZ snapshot of 45, each file its own line; the same as their directory', () => {
    const db = join(tempDir(), 's.db');
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', FIX(1), FIX(2), FIX(3)]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe([`${FIX(1)}: 20 rows read, 20 stored, 0 rejected`, `${FIX(2)}: 20 rows read, 20 stored, 0 rejected`, `${FIX(3)}: 5 rows read, 5 stored, 0 rejected`, ''].join('\n'));
    expect(members(db, '2026-08-03')).toBe(45);
    const dir = join(tempDir(), 'szse-pages');
    mkdirSync(dir);
    for (const n of [3, 1, 2]) copyFileSync(FIX(n), join(dir, `page${n}.json`));
    const db2 = join(tempDir(), 's2.db');
    const d = runBuiltCli(['--db', db2, 'ingest', 'southbound', dir, '--as-of', '2026-08-04']);
    expect(d.err).toBe('');
    expect(d.out.split('\n')[0]).toBe(`${join(dir, 'page1.json')}: 20 rows read, 20 stored, 0 rejected`);
    expect(members(db2, '2026-08-04')).toBe(45);
  });

  it('pages that do not belong together: exit 2, one sentence per page file, nothing stored, the list in force kept', () => {
    const db = join(tempDir(), 's.db');
    expect(runBuiltCli(['--db', db, 'ingest', 'southbound', FIX(1), FIX(2), FIX(3)]).code).toBe(0);
    const later = writeTemp('p2-later.json', JSON.stringify(variant(2, { subname: '2026-08-10' })));
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', FIX(1), later, FIX(3)]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toContain(`hkconnect: ${later}: it is the list of 2026-08-10, but ${FIX(1)} the list of 2026-08-03: the pages of one list share its date (nothing from the file was stored).`);
    expect(r.err.trim().split('\n').at(-1)).toBe(`hkconnect: ${FIX(3)}: not loaded: ${later}, a page of the same list, was refused (it is the list of 2026-08-10, but ${FIX(1)} the list of 2026-08-03: the pages of one list share its date) (nothing from the file was stored).`);
    expect(members(db, '2026-08-03')).toBe(45);
    expect(members(db, '2026-08-10')).toBe(0);
  });

  it('a code on two pages: a bad row of the later page (reported and skipped), and with --strict the whole list is kept out', () => {
    const db = join(tempDir(), 's.db');
    const dup = writeTemp('p2.json', JSON.stringify(variant(2, {}, (d) => [{ ...d[0]!, zqdm: '00001' }, ...d.slice(1)])));
    const r = runBuiltCli(['--db', db, 'ingest', 'southbound', FIX(1), dup, FIX(3)]);
    expect(r.code).toBe(0); // rows skipped and reported, the rest stored
    expect(r.err).toContain(`${dup}, line 1, field "zqdm": 00001 is already on an earlier page (${FIX(1)}, line 1)`);
    expect(members(db, '2026-08-03')).toBe(44);
    const strictDb = join(tempDir(), 'strict.db');
    const strict = runBuiltCli(['--db', strictDb, 'ingest', 'southbound', FIX(1), dup, FIX(3), '--strict']);
    expect(strict.code).toBe(2);
    expect(members(strictDb, '2026-08-03')).toBe(0);
  });
});
