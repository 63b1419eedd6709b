import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/connection.js';
import { loadDayquotFile, type DayquotSummary } from '../../src/ingest/load-dayquot.js';
import { loadSharesFile } from '../../src/ingest/load-shares.js';
import { renderDailyQuotations, type SyntheticQuote } from '../fixtures/dayquot/generate.js';
import { insertSecurities, makeTempDirs, openTestStore, readCalendar, writeText } from './helpers.js';

const CODES = 2_000;
const REPORTS = 20;
/** Codes above this are not in securities (counted, skipped). */
const KNOWN = 1_990;
const lenient = { strict: false, now: new Date('2026-11-22T08:00:00Z') };

/** 20 weekdays from 2026-09-01. */
function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); out.length < n; t += 86_400_000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}
/** Close in cents for (code, day): whole cents, so close x shares is exact. */
const closeCents = (code: number, day: number) => 100 + ((code * 7 + day * 13) % 5_000);
const sharesOf = (code: number) => code * 1_000_000;
const isSuspended = (code: number, day: number) => code % 97 === 0 && day >= 5;

function quotesFor(day: number): SyntheticQuote[] {
  return Array.from({ length: CODES }, (_, i) => {
    const code = i + 1;
    const name = code % 50 === 0 ? `A&B'S NO ${code}` : `STOCK ${code}`;
    if (isSuspended(code, day)) return { code, name, status: 'SUSPENDED' as const };
    const close = closeCents(code, day) / 100;
    const traded = code % 31 !== 0;
    return {
      code, name, marker: code % 400 === 0 ? '*' : undefined, previousClose: close, ask: close, high: traded ? close : null,
      sharesTraded: traded ? code * 10 : null, close, bid: close, low: traded ? close : null, turnover: traded ? code * 1_234 : null,
    };
  });
}

const tmp = makeTempDirs();
let store: Store;
let summaries: DayquotSummary[];
let dates: string[];

beforeAll(async () => {
  const dir = tmp.dir();
  store = await openTestStore(dir);
  insertSecurities(store, Array.from({ length: KNOWN }, (_, i) => String(i + 1).padStart(5, '0')));
  const csv = ['code,date,shares_issued', ...Array.from({ length: KNOWN }, (_, i) => `${i + 1},2026-01-02,${sharesOf(i + 1)}`)];
  await loadSharesFile(store, writeText(dir, 'shares.csv', `${csv.join('\n')}\n`), lenient);
  dates = weekdays('2026-09-01', REPORTS);
  const files = dates.map((date, day) => {
    const name = `d${date.slice(2, 4)}${date.slice(5, 7)}${date.slice(8, 10)}e.htm`;
    return writeText(dir, name, renderDailyQuotations({ date, quotes: quotesFor(day), linesPerPage: 57 }), 'latin1');
  });
  summaries = [];
  for (const file of files) summaries.push(await loadDayquotFile(store, file, lenient));
});
afterAll(async () => {
  await store.close();
  tmp.cleanup();
});

describe(`ingest dayquot: ${REPORTS} reports x ${CODES} codes`, () => {
  it('loads every report with every known code, counting the unknown ones', () => {
    for (const [i, s] of summaries.entries()) {
      expect(s).toMatchObject({ status: 'loaded', date: dates[i], rowsRead: CODES, rowsStored: KNOWN, rowsRejected: 0, unknownCodes: CODES - KNOWN });
    }
    expect(store.sqlite.prepare('SELECT COUNT(*) FROM daily').pluck().get()).toBe(REPORTS * KNOWN);
    expect(readCalendar(store)).toEqual(dates.map((date) => ({ date, is_trading_day: 1, source: 'dayquot' })));
  });

  it('stores exact caps, no-trade days and suspensions carrying the last cap', () => {
    const get = store.sqlite.prepare('SELECT market_cap_hkd, turnover_hkd, suspended, close, volume FROM daily WHERE code = ? AND date = ?');
    for (const [code, day] of [[1, 0], [700, 3], [1_989, 19], [1_234, 11]] as const) {
      expect(get.get(String(code).padStart(5, '0'), dates[day])).toEqual({
        market_cap_hkd: closeCents(code, day) * sharesOf(code) / 100, turnover_hkd: code * 1_234, suspended: 0,
        close: closeCents(code, day) / 100, volume: code * 10,
      });
    }
    // 00062 (62 % 31 = 0) never trades: turnover 0, cap from the closing line.
    expect(get.get('00062', dates[2])).toMatchObject({ market_cap_hkd: closeCents(62, 2) * sharesOf(62) / 100, turnover_hkd: 0, volume: 0 });
    // 00097 is suspended from day 5: it carries day 4's cap.
    const day4Cap = closeCents(97, 4) * sharesOf(97) / 100;
    expect(get.get('00097', dates[5])).toEqual({ market_cap_hkd: day4Cap, turnover_hkd: 0, suspended: 1, close: null, volume: null });
    expect(get.get('00097', dates[19])).toMatchObject({ market_cap_hkd: day4Cap, suspended: 1 });
    expect(store.sqlite.prepare('SELECT name FROM securities WHERE code = ?').pluck().get('00050')).toBe('NAME 00050');
  });
});
