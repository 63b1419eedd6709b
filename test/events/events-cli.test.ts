import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runCliCaptured } from '../support/run-cli.js';
import { openStore } from '../../src/db/connection.js';
import { weekdayCalendar } from '../rules/builders.js';
import { dailyWriter } from '../support/daily.js';

let dir: string;
let dbPath: string;
const BN = 1_000_000_000;

/**
 * A small market in a real store (real migrations): ten constituents, one of them halted since
 * 2025-04-01, a big and a small IPO, a new A+H listing, a WVR company, a secondary listing that
 * converts to primary.
 */
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-events-'));
  dbPath = join(dir, 'events.db');
  const store = await openStore(dbPath);
  const s = store.sqlite;
  const cal = weekdayCalendar('2024-01-01', '2026-12-31');
  s.exec('DELETE FROM calendar'); // a weekday calendar of its own, not the bundled one
  const calRow = s.prepare(`INSERT INTO calendar (date, is_trading_day, source) VALUES (?, 1, 'seed')`);
  const sec = s.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date, wvr, secondary_listing,
    a_share_code, a_share_exchange, a_share_listing_date) VALUES (@code, @name, 'MAIN', 'EQUITY', 'HKD', @listing, @wvr, @secondary, @aCode, @aEx, @aDate)`);
  const daily = dailyWriter(store);
  const add = (code: string, name: string, listing: string, extra: Partial<Record<'wvr' | 'secondary' | 'aCode' | 'aEx' | 'aDate', unknown>> = {}) =>
    sec.run({ code, name, listing, wvr: 0, secondary: 0, aCode: null, aEx: null, aDate: null, ...extra });
  const days = (code: string, from: string, capHkd: number, opts: { suspendedFrom?: string; turnoverHkd?: number } = {}) => {
    for (const d of cal.all) {
      if (d < from || d > '2025-12-31') continue;
      const susp = opts.suspendedFrom !== undefined && d >= opts.suspendedFrom;
      daily.run(code, d, capHkd, susp ? 0 : (opts.turnoverHkd ?? 50_000_000), susp ? 1 : 0);
    }
  };
  s.transaction(() => {
    for (const d of cal.all) calRow.run(d);
    s.prepare(`INSERT INTO list_snapshots (list, as_of, source, loaded_at) VALUES ('HSCI', '2025-03-10', 'test', '2025-03-10T00:00:00Z')`).run();
    const member = s.prepare(`INSERT INTO hsci_members (as_of, code, segment) VALUES ('2025-03-10', ?, 'LARGE')`);
    for (let k = 1; k <= 10; k++) {
      const code = String(k).padStart(5, '0');
      add(code, `Constituent ${k}`, '2010-01-04');
      days(code, '2024-06-03', k * 10 * BN, k === 3 ? { suspendedFrom: '2025-04-01' } : {});
      member.run(code);
    }
    add('00020', 'Big IPO', '2025-07-02'); days('00020', '2025-07-02', 100 * BN);
    add('00021', 'Small IPO', '2025-07-03'); days('00021', '2025-07-03', 5 * BN);
    add('00030', 'New A+H', '2025-06-10', { aCode: '600030', aEx: 'SSE', aDate: '2025-06-10' }); days('00030', '2025-06-10', 30 * BN);
    add('00040', 'WVR Co', '2025-03-10', { wvr: 1 }); days('00040', '2025-03-10', 25 * BN, { turnoverHkd: 100_000_000 });
    add('00050', 'Secondary Co', '2015-01-05', { secondary: 1 }); days('00050', '2024-06-03', 40 * BN);
    s.prepare(`INSERT INTO attribute_changes (code, date, field, value) VALUES ('00050', '2025-08-15', 'secondary_listing', '0')`).run();
  })();
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runCliCaptured(dbPath, new Date('2025-07-10T02:00:00Z'), args);

describe('hkconnect events', () => {
  it('lists every kind of interim event in the range, by date then code', async () => {
    const r = await run('events', '--from', '2025-07-01', '--to', '2025-10-31', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Array<{ code: string; event: string; date: string; reason: string }>;
    expect(rows.map(({ code, event, date }) => ({ code, event, date }))).toEqual([
      { code: '00003', event: 'LONG_SUSPENSION_DELETION', date: '2025-07-08' },
      { code: '00030', event: 'A_PLUS_H_STABILISATION', date: '2025-07-11' },
      { code: '00020', event: 'FAST_ENTRY', date: '2025-07-16' },
      { code: '00050', event: 'PRIMARY_CONVERSION', date: '2025-08-15' },
      { code: '00040', event: 'WVR_SEASONED', date: '2025-10-08' },
    ]);
    expect(rows.every((x) => x.reason.length > 20)).toBe(true);
  });

  it('narrows to the range and prints CSV and a table', async () => {
    const csv = await run('events', '--from', '2025-07-09', '--to', '2025-07-16', '--format', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.out.split('\n')[0]).toBe('code,event,date,reason,name');
    expect(csv.out.trim().split('\n')).toHaveLength(3);
    const table = await run('events', '--from', '2025-07-09', '--to', '2025-07-16');
    expect(table.out).toMatch(/^date\s+code\s+name\s+event\s+reason/);
    expect(table.out).toMatch(/2025-07-16\s+00020\s+Big IPO\s+FAST_ENTRY/);
  });

  it('a range without events: the CSV is still its header row, JSON an empty array, the table says so (built binary)', () => {
    const args = ['--db', dbPath, 'events', '--from', '2025-12-01', '--to', '2025-12-05'];
    const env = { ...process.env, HKCONNECT_DB: '', COLUMNS: '' };
    expect(runBuiltCli([...args, '--format', 'csv'], { env })).toEqual({ code: 0, out: 'code,event,date,reason,name\n', err: '' });
    expect(runBuiltCli([...args, '--format', 'json'], { env })).toEqual({ code: 0, out: '[]\n', err: '' });
    expect(runBuiltCli(args, { env })).toEqual({ code: 0, out: '(no rows)\n', err: '' });
  });

  it.each([
    [['--from', '2025-07-32', '--to', '2025-08-01'], /--from 2025-07-32 does not exist: July 2025 has 31 days/],
    [['--from', '2025-08-01', '--to', '2025-07-01'], /--from 2025-08-01 is after --to 2025-07-01/],
    [['--from', '2025-07-01', '--to', '2025-08-01', '--methodology', 'nope'], /Unknown methodology "nope"; known: hsci-2025, hsci-2024/],
  ])('exits 2 on bad usage %j', async (args, message) => {
    const r = await run('events', ...args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
