import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { readWindowSeries } from '../../src/db/daily-days.js';
import { hashSeries } from '../../src/jobs/scan-daily-window.js';
import { dailyWriter } from '../support/daily.js';

describe('readWindowSeries and hashSeries', () => {
  it('reads each security window (a, b] in date order, with exact money and flags', async () => {
    const store = await openStore(':memory:');
    const sec = store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', 'HKD', '2020-01-02')`);
    const day = dailyWriter(store);
    sec.run('00001', 'A');
    sec.run('00002', 'B');
    sec.run('00003', 'C (no rows in the window)');
    // Inserted out of order: the read must still come back by date.
    day.run('00001', '2025-01-06', 9_007_199_254_740_991, 0, 0); // the largest exact integer survives the text round trip
    day.run('00001', '2025-01-02', 1_000_000_000, 12_345, 0);
    day.run('00001', '2025-01-03', 1_100_000_000, 0, 1);
    day.run('00001', '2024-12-31', 5, 5, 0); // on the window's exclusive start: left out
    day.run('00002', '2025-01-03', 7, 8, 1);
    day.run('00003', '2025-02-03', 7, 8, 0); // after the window's end
    const out = readWindowSeries(store.sqlite, ['00001', '00002', '00003'], '2024-12-31', '2025-01-31');
    expect([...out.keys()]).toEqual(['00001', '00002']);
    const a = out.get('00001')!;
    expect(a.dates).toEqual(['2025-01-02', '2025-01-03', '2025-01-06']);
    expect([...a.marketCapHkd]).toEqual([1_000_000_000, 1_100_000_000, 9_007_199_254_740_991]);
    expect([...a.turnoverHkd]).toEqual([12_345, 0, 0]);
    expect([...a.suspended]).toEqual([0, 1, 0]);
    expect([...out.get('00002')!.suspended]).toEqual([1]);
    // The fingerprint of a series changes with any one of its values.
    const digest = (cap: number) => {
      const h = createHash('sha256');
      hashSeries(h, '00002', { ...out.get('00002')!, marketCapHkd: Float64Array.of(cap) });
      return h.digest('hex');
    };
    expect(digest(7)).toBe(digest(7));
    expect(digest(7)).not.toBe(digest(8));
    // A series is a slice of the window's flat columns: its fingerprint covers its own values only,
    // the same as for a standalone copy of them.
    const whole = (s: { dates: readonly string[]; marketCapHkd: Float64Array; turnoverHkd: Float64Array; suspended: Uint8Array }) => {
      const h = createHash('sha256');
      hashSeries(h, '00001', s);
      return h.digest('hex');
    };
    expect(a.marketCapHkd.buffer.byteLength).toBeGreaterThan(a.marketCapHkd.byteLength);
    expect(whole(a)).toBe(whole({ dates: [...a.dates], marketCapHkd: a.marketCapHkd.slice(), turnoverHkd: a.turnoverHkd.slice(), suspended: a.suspended.slice() }));
    await store.close();
  });
});
