import { afterEach, describe, expect, it } from 'vitest';
import { formatSummaryLine, formatWarningLines } from '../../src/ingest/format-load-report.js';
import { loadDailyFile } from '../../src/ingest/load-daily.js';
import { loadDailyWideFiles } from '../../src/ingest/load-daily-wide.js';
import type { LoadSummary } from '../../src/ingest/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { dailyWriter } from '../support/daily.js';
import { cleanTemp, countRows, openTempStore, seedBasics, writeTemp } from './helpers.js';

afterEach(cleanTemp);

/** The factor in force: the tests read it from the methodology, as the loaders do. */
const FACTOR = getMethodology().dataQuality.maxDayOverDayFactor;
const DAYS = ['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08'];
const HEADER = 'date,code,market_cap_hkd,turnover_hkd,suspended';
const BASE = 100_000_000_000; // HK$100bn

async function storeWith(stored: ReadonlyArray<[string, string, number, number?]> = []) {
  const store = await openTempStore();
  seedBasics(store, ['00700', '00005', '00001'], DAYS);
  const w = dailyWriter(store);
  for (const [code, date, cap, suspended = 0] of stored) w.run(code, date, cap, 1_000, suspended);
  return store;
}

const csv = (...rows: string[]) => writeTemp('day.csv', `${HEADER}\n${rows.join('\n')}\n`);
const moves = (s: LoadSummary) => s.capJumps?.first.map((j) => [j.code, j.from, j.to, j.fromCapHkd, j.toCapHkd]);

describe('ingest daily: day-over-day market cap moves beyond the factor are warnings', () => {
  it('against the stored previous day: exactly the factor and just below are quiet, just above warns', async () => {
    for (const [cap, warned] of [[BASE * FACTOR, false], [BASE * FACTOR - 1_000, false], [BASE * FACTOR + 1_000, true], [BASE / FACTOR, false], [BASE / FACTOR - 1_000, true]] as const) {
      const store = await storeWith([['00700', '2025-01-02', BASE]]);
      const summary = await loadDailyFile(store, csv(`2025-01-03,700,${cap},5,0`), { strict: false });
      expect(summary).toMatchObject({ status: 'loaded', rowsStored: 1 });
      expect(summary.capJumps?.count).toBe(warned ? 1 : 0);
      if (warned) expect(moves(summary)).toEqual([['00700', '2025-01-02', '2025-01-03', BASE, cap]]);
      await store.close();
    }
  });

  it('a one-day append in HK$ thousands (1,000x too small) is caught against the stored day, and the row is still stored', async () => {
    const store = await storeWith([['00700', '2025-01-02', 4_000_000_000_000], ['00005', '2025-01-02', BASE]]);
    const summary = await loadDailyFile(store, csv('2025-01-03,700,4000000000,5,0', `2025-01-03,5,${BASE},5,0`), { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 2, rowsRejected: 0, capJumps: { maxFactor: FACTOR, count: 1 } });
    expect(summary.capJumps!.first[0]).toMatchObject({ code: '00700', from: '2025-01-02', to: '2025-01-03', fromCapHkd: 4e12, toCapHkd: 4e9, factor: 1000 });
    expect(formatSummaryLine(summary)).toBe(`${summary.file}: 2 rows read, 2 stored, 0 rejected; 1 day-over-day warning (market cap moved more than ${FACTOR}x)`);
    expect(formatWarningLines(summary)).toEqual([
      `${summary.file}: warning: 1 day-over-day market cap move beyond ${FACTOR}x (dataQuality.maxDayOverDayFactor), stored but likely wrong: `
      + 'check the source (a figure in HK$ thousands, a wrong share count) and reload the day; a real move (a large rights issue, a share consolidation) needs nothing',
      `${summary.file}: warning: 00700: market cap down 1,000x day over day, HK$4,000bn on 2025-01-02 to HK$4bn on 2025-01-03`,
    ]);
    expect(countRows(store, 'daily')).toBe(4);
    await store.close();
  });

  it('within the file, in any row order, and against the stored next day of a back-filled day', async () => {
    const store = await storeWith([['00001', '2025-01-08', BASE]]);
    const summary = await loadDailyFile(store, csv(
      `2025-01-06,700,${BASE * 1000},5,0`, `2025-01-03,700,${BASE},5,0`, `2025-01-07,700,${BASE},5,0`, `2025-01-07,1,${BASE / 10_000},5,0`,
    ), { strict: false });
    expect(moves(summary)).toEqual([
      ['00001', '2025-01-07', '2025-01-08', BASE / 10_000, BASE],
      ['00700', '2025-01-03', '2025-01-06', BASE, BASE * 1000],
      ['00700', '2025-01-06', '2025-01-07', BASE * 1000, BASE],
    ]);
    await store.close();
  });

  it('no previous record: nothing to compare; a missing previous day compares with the last live record before it', async () => {
    const first = await storeWith();
    expect((await loadDailyFile(first, csv(`2025-01-03,700,${BASE},5,0`), { strict: false })).capJumps?.count).toBe(0);
    await first.close();
    const gap = await storeWith([['00700', '2025-01-02', BASE]]);
    expect(moves(await loadDailyFile(gap, csv(`2025-01-07,700,${BASE * 6},5,0`), { strict: false }))).toEqual([['00700', '2025-01-02', '2025-01-07', BASE, BASE * 6]]);
    await gap.close();
  });

  it('suspended days are skipped, in the file and in the store (their cap may be stale), and zero caps too', async () => {
    const store = await storeWith([['00700', '2025-01-02', BASE], ['00700', '2025-01-03', 1, 1]]);
    const quiet = await loadDailyFile(store, csv(`2025-01-06,700,${BASE},5,0`, '2025-01-07,700,5,0,1', '2025-01-08,700,0,0,0'), { strict: false });
    expect(quiet.capJumps?.count).toBe(0);
    const loud = await loadDailyFile(store, csv(`2025-01-08,700,${BASE * 10},5,0`), { strict: false });
    expect(moves(loud)).toEqual([['00700', '2025-01-06', '2025-01-08', BASE, BASE * 10]]);
    await store.close();
  });

  it('the factor is a parameter (the methodology\'s by default); --strict stores a file whose only findings are warnings', async () => {
    const store = await storeWith([['00700', '2025-01-02', BASE]]);
    const looser = await loadDailyFile(store, csv(`2025-01-03,700,${BASE * 6},5,0`), { strict: true, maxDayOverDayFactor: 10 });
    expect(looser).toMatchObject({ status: 'loaded', capJumps: { maxFactor: 10, count: 0 } });
    const strict = await loadDailyFile(store, csv(`2025-01-03,700,${BASE * 6},5,0`), { strict: true });
    expect(strict).toMatchObject({ status: 'loaded', rowsStored: 1, rowsRejected: 0, issueCount: 0, capJumps: { maxFactor: FACTOR, count: 1 } });
    expect(store.sqlite.prepare(`SELECT market_cap_hkd FROM daily WHERE code = '00700' AND date = '2025-01-03'`).pluck().get()).toBe(BASE * 6);
    await store.close();
  });

  it('a rejected file warns of nothing (nothing was stored)', async () => {
    const store = await storeWith([['00700', '2025-01-02', BASE]]);
    const summary = await loadDailyFile(store, csv(`2025-01-03,700,${BASE * 6},5,0`, '2025-01-03,9999,1,1,0'), { strict: true });
    expect(summary.status).toBe('rejected');
    expect(summary.capJumps).toBeUndefined();
    expect(formatWarningLines(summary)).toEqual([]);
    await store.close();
  });

  it('lists the first N moves, then how many more', async () => {
    const store = await storeWith();
    const rows = DAYS.map((d, i) => `${d},700,${BASE * 10 ** (i % 2)},5,0`); // up 10x, down 10x, ...
    const summary = await loadDailyFile(store, csv(...rows), { strict: false });
    expect(summary.capJumps?.count).toBe(4);
    const lines = formatWarningLines(summary, 2);
    expect(lines.slice(1)).toEqual([
      `${summary.file}: warning: 00700: market cap up 10.0x day over day, HK$100bn on 2025-01-02 to HK$1,000bn on 2025-01-03`,
      `${summary.file}: warning: 00700: market cap down 10.0x day over day, HK$1,000bn on 2025-01-03 to HK$100bn on 2025-01-06`,
      '... and 2 more warnings',
    ]);
    await store.close();
  });
});

describe('ingest daily --layout wide: the same warnings', () => {
  it('a unit slip on one day of the caps matrix is named with its code and dates', async () => {
    const store = await storeWith([['00700', '2025-01-02', BASE]]);
    const caps = writeTemp('caps.csv', `date,700,5\n2025-01-03,${BASE},${BASE}\n2025-01-06,${BASE / 1000},${BASE}\n`);
    const turnover = writeTemp('turnover.csv', 'date,700,5\n2025-01-03,1,1\n2025-01-06,1,1\n');
    const suspended = writeTemp('suspended.csv', 'date,700,5\n2025-01-03,0,0\n2025-01-06,0,0\n');
    const files = [{ field: 'market_cap_hkd', file: caps }, { field: 'turnover_hkd', file: turnover }, { field: 'suspended', file: suspended }] as const;
    const summary = await loadDailyWideFiles(store, files, { strict: false });
    expect(summary).toMatchObject({ status: 'loaded', rowsStored: 4 });
    expect(moves(summary)).toEqual([['00700', '2025-01-03', '2025-01-06', BASE, BASE / 1000]]);
    await store.close();
  });
});
