import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/run-cli.js';
import { hangSengExport, REAL_HSCI, realConstituents } from './hsci-exports.js';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'hkc-hsci-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hkconnect ingest hsci FILE.xlsx... (the built binary)', () => {
  it('the real HSCI export with that day\'s LargeCap & MidCap and LargeCap exports: one snapshot, date from the sheet', () => {
    const all = realConstituents();
    const lm = join(dir, 'lm.xlsx');
    const large = join(dir, 'large.xlsx');
    writeFileSync(lm, hangSengExport('Hang Seng Composite LargeCap & MidCap Index', 45982, all.slice(0, 250)));
    writeFileSync(large, hangSengExport('Hang Seng Composite LargeCap Index', 45982, all.slice(0, 90)));
    const db = join(dir, 'store.db');
    const r = runBuiltCli(['--db', db, 'ingest', 'hsci', REAL_HSCI, lm, large]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe([`${REAL_HSCI}: 503 rows read, 503 stored, 0 rejected`, `${lm}: 250 rows read, 250 stored, 0 rejected`, `${large}: 90 rows read, 90 stored, 0 rejected`, ''].join('\n'));
    const sqlite = new BetterSqlite3(db, { readonly: true });
    expect(sqlite.prepare(`SELECT segment, count(*) AS n FROM hsci_members WHERE as_of = '2025-11-21' GROUP BY segment ORDER BY segment`).all())
      .toEqual([{ segment: 'LARGE', n: 90 }, { segment: 'MID', n: 160 }, { segment: 'SMALL', n: 253 }]);
    sqlite.close();
  });

  it('the HSCI export alone: exit 2, one sentence saying which exports to add', () => {
    const r = runBuiltCli(['--db', join(dir, 'alone.db'), 'ingest', 'hsci', REAL_HSCI]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`hkconnect: ${REAL_HSCI}: the segment of 00001 on 2025-11-21 cannot be told from the exports given (Hang Seng Composite Index): add that day's LargeCap, MidCap and SmallCap exports (or LargeCap & MidCap with one of them) (nothing from the file was stored).\n`);
  });
});
