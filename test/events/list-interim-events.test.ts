import { describe, expect, it } from 'vitest';
import type { AttributeChange, DailySeries, SecurityAttributes } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { listInterimEvents, type HsciSnapshot } from '../../src/rules/list-interim-events.js';
import { CAL, history, security, type Day } from '../rules/builders.js';

const BN = 1e9;
const m = getMethodology();
const code = (i: number) => String(i).padStart(5, '0');
/** Ten constituents 00001..00010 at HK$10bn..100bn, trading every day. */
const constituents = Array.from({ length: 10 }, (_, k) => security({ code: code(k + 1), name: `C${k + 1}` }));
const constituentSeries = (k: number) => history(CAL, '2024-06-01', '2025-12-31', () => ({ capHkd: (k + 1) * 10 * BN }));

function eventsOf(opts: {
  extra: Array<{ attrs: SecurityAttributes; day?: (d: string) => Partial<Day> | null; to?: string }>;
  changes?: AttributeChange[]; snapshots?: HsciSnapshot[]; from?: string; to?: string; constituent?: string[];
}) {
  const series = new Map<string, DailySeries>(constituents.map((c, k) => [c.code, constituentSeries(k)]));
  for (const e of opts.extra) {
    series.set(e.attrs.code, history(CAL, e.attrs.listingDate > '2024-06-01' ? e.attrs.listingDate : '2024-06-01', e.to ?? '2025-12-31', e.day));
  }
  return listInterimEvents({
    from: opts.from ?? '2025-07-01', to: opts.to ?? '2025-10-31', calendar: CAL, methodology: m,
    securities: [...constituents, ...opts.extra.map((e) => e.attrs)],
    changes: opts.changes ?? [],
    hsciSnapshots: opts.snapshots ?? [{ asOf: '2025-03-10', codes: [...constituents.map((c) => c.code), ...(opts.constituent ?? [])] }],
    series,
  });
}

describe('fast entry (§6.2)', () => {
  // 11 with the IPO: the line is rank ceil(10% x 10) = 1 among the 10 constituents: HK$100bn.
  it.each([
    ['at the line (tie counts)', 100 * BN, 1],
    ['HK$1 below the line', 100 * BN - 1, 0],
  ])('%s', (_label, capHkd, count) => {
    const ipo = security({ code: '00020', name: 'IPO', listingDate: '2025-07-02' });
    const events = eventsOf({ extra: [{ attrs: ipo, day: () => ({ capHkd }) }] });
    expect(events).toHaveLength(count);
    if (count) {
      // 10th trading day 2025-07-15; effective the next trading day
      expect(events[0]).toMatchObject({ code: '00020', event: 'FAST_ENTRY', date: '2025-07-16' });
      expect(events[0]!.reason).toMatch(/would rank 1 of 10 HSCI constituents/);
    }
  });

  it('ignores an ETF and an IPO without first-day data', () => {
    const etf = security({ code: '00021', type: 'ETF', listingDate: '2025-07-02' });
    const noData = security({ code: '00022', listingDate: '2025-07-02' });
    const events = eventsOf({ extra: [{ attrs: etf, day: () => ({ capHkd: 500 * BN }) }, { attrs: noData, day: () => null }] });
    expect(events).toEqual([]);
  });
});

describe('long-suspension deletion (§4, §8)', () => {
  // Suspended from 2025-04-01: 3 months are reached on 2025-07-01; removal 5 trading days later.
  const suspendedFrom = (resumes: string | null) => (d: string) => ({ suspended: d >= '2025-04-01' && (resumes === null || d < resumes) });
  it.each([
    ['still suspended on the day it reaches 3 months', '2025-07-02', 1],
    ['resumed the day it would have reached 3 months', '2025-07-01', 0],
    ['never resumed', null, 1],
  ])('%s', (_label, resumes, count) => {
    const s = security({ code: '00011', name: 'Halted' });
    const events = eventsOf({ extra: [{ attrs: s, day: suspendedFrom(resumes) }], constituent: ['00011'] });
    expect(events).toHaveLength(count);
    if (count) expect(events[0]).toMatchObject({ code: '00011', event: 'LONG_SUSPENSION_DELETION', date: '2025-07-08' });
  });

  it('expects the deletion when the data ends inside the suspension, and skips non-constituents', () => {
    const s = security({ code: '00011' });
    const expected = eventsOf({ extra: [{ attrs: s, day: suspendedFrom(null), to: '2025-06-20' }], constituent: ['00011'] });
    expect(expected).toEqual([expect.objectContaining({ date: '2025-07-08', reason: expect.stringMatching(/if still suspended \(data end 2025-06-20\)/) })]);
    expect(eventsOf({ extra: [{ attrs: s, day: suspendedFrom(null) }] })).toEqual([]);
  });

  // §4 calls a suspension long on D when it began on or before D - 3 months (clamped to the month's end).
  // Begun on a 29th-31st, "start + 3 months" clamps to an earlier day than the first D §4 accepts.
  it.each([
    ['begun 2025-03-31: not long on 2025-06-30 (C - 3 months = 03-30), long on 07-01', '2025-03-31', '2025-07-01', '2025-07-08'],
    ['begun 2024-11-29: not long on 2025-02-28 (11-28), long on 03-03', '2024-11-29', '2025-03-03', '2025-03-10'],
    ['begun 2025-03-28 (Fri): long on 2025-06-30, the first trading day from 06-28', '2025-03-28', '2025-06-30', '2025-07-07'],
  ])('reaches 3 months on the first day §4 calls it long: %s', (_label, start, reached, date) => {
    const s = security({ code: '00012' });
    const events = eventsOf({
      extra: [{ attrs: s, day: (d) => ({ suspended: d >= start }) }], constituent: ['00012'],
      snapshots: [{ asOf: '2024-06-01', codes: [...constituents.map((c) => c.code), '00012'] }], from: '2025-01-01', to: '2025-12-31',
    });
    expect(events.filter((e) => e.event === 'LONG_SUSPENSION_DELETION')).toEqual([
      expect.objectContaining({ code: '00012', date, reason: expect.stringContaining(`reaches 3 months on ${reached}`) }),
    ]);
  });

  it('respects the range bounds', () => {
    const s = security({ code: '00011' });
    const run = (from: string, to: string) => eventsOf({ extra: [{ attrs: s, day: suspendedFrom(null) }], constituent: ['00011'], from, to });
    expect(run('2025-07-08', '2025-07-08')).toHaveLength(1);
    expect(run('2025-07-09', '2025-10-31')).toHaveLength(0);
    expect(run('2025-07-01', '2025-07-07')).toHaveLength(0);
  });
});

describe('new A+H listings (§7.1.3)', () => {
  const aPlusH = { code: '00030', listingDate: '2025-06-10', aShareCode: '600030', aShareListingDate: '2025-06-10' };
  it.each([
    ['SSE A share: both channels', { aShareExchange: 'SSE' as const }, 'SH and SZ'],
    ['SZSE A share: SZ only', { aShareExchange: 'SZSE' as const }, 'on SZ$'],
  ])('%s', (_label, over, channels) => {
    const events = eventsOf({ extra: [{ attrs: security({ ...aPlusH, ...over }) }] });
    expect(events).toEqual([expect.objectContaining({ code: '00030', event: 'A_PLUS_H_STABILISATION', date: '2025-07-11' })]);
    expect(events[0]!.reason).toMatch(new RegExp(channels));
  });

  it('uses a recorded stabilisation end, and leaves out a secondary listing', () => {
    const recorded = eventsOf({ extra: [{ attrs: security({ ...aPlusH, aShareExchange: 'SSE', stabilisationEnd: '2025-07-03' }) }] });
    expect(recorded[0]!.date).toBe('2025-07-04');
    expect(eventsOf({ extra: [{ attrs: security({ ...aPlusH, aShareExchange: 'SSE', secondaryListing: true }) }] })).toEqual([]);
  });

  it.each([
    ['delisted the day before its eligibility date', '2025-07-10', 0],
    ['delisted on its eligibility date', '2025-07-11', 0],
    ['delisted the day after', '2025-07-12', 1],
  ])('§7.2 a delisted H share is not made eligible: %s', (_label, delistingDate, count) => {
    const events = eventsOf({ extra: [{ attrs: security({ ...aPlusH, aShareExchange: 'SSE', delistingDate }) }] });
    expect(events.filter((e) => e.event === 'A_PLUS_H_STABILISATION')).toHaveLength(count);
  });
});

describe('WVR seasoning (§7.3)', () => {
  const wvrDay = (capHkd: number) => (d: string) => (d < '2025-03-10' ? null : { capHkd, turnoverHkd: 100_000_000 });
  it('lists a company seasoned after the June review\'s effective date that passed the 183-day tests', () => {
    // listed 2025-03-10: 6 months -> 2025-09-10, 20 trading days later 2025-10-08 (> E 2025-09-08)
    const events = eventsOf({ extra: [{ attrs: security({ code: '00040', wvr: true, listingDate: '2025-03-10' }), day: wvrDay(25 * BN) }] });
    expect(events).toEqual([expect.objectContaining({ code: '00040', event: 'WVR_SEASONED', date: '2025-10-08' })]);
    expect(events[0]!.reason).toMatch(/after the 2025-06-30 review's effective date 2025-09-08/);
  });

  it('leaves out one below HK$20bn, and one seasoned by the effective date', () => {
    expect(eventsOf({ extra: [{ attrs: security({ code: '00041', wvr: true, listingDate: '2025-03-10' }), day: wvrDay(19 * BN) }] })).toEqual([]);
    const early = security({ code: '00042', wvr: true, listingDate: '2025-01-10' }); // seasoned 2025-08-07 <= E
    expect(eventsOf({ extra: [{ attrs: early, day: (d) => (d < '2025-01-10' ? null : { capHkd: 25 * BN, turnoverHkd: 1e8 }) }] })).toEqual([]);
  });

  // §7.2 ways out override §7.3: the review at C would not list it pending, so no event either.
  // Seasoned 2025-10-08; cut-off 2025-06-30.
  it.each([
    ['a plain WVR company (control)', {}, [], 1],
    ['a secondary listing throughout', { secondaryListing: true }, [], 0],
    ['a USD counter', { currency: 'USD' as const }, [], 0],
    ['a stapled security', { type: 'STAPLED' as const }, [], 0],
    ['a secondary listing converted after C, before seasoning (eligible at the next review instead)', { secondaryListing: true }, [['2025-08-01', '0']], 0],
    ['a secondary listing converted on C', { secondaryListing: true }, [['2025-06-30', '0']], 1],
    ['becomes a secondary listing on its seasoning day', {}, [['2025-10-08', '1']], 0],
    ['delisted before its seasoning day', {}, [['2025-09-01', '2025-09-30']], 0],
  ] as const)('WVR exclusions: %s', (_label, over, changes, count) => {
    const attrs = security({ code: '00043', wvr: true, listingDate: '2025-03-10', ...over });
    const field = (v: string) => (v.length > 1 ? 'delisting_date' as const : 'secondary_listing' as const);
    const events = eventsOf({
      extra: [{ attrs, day: wvrDay(25 * BN) }],
      changes: changes.map(([date, value]) => ({ code: '00043', date, field: field(value), value })),
    });
    expect(events.filter((e) => e.event === 'WVR_SEASONED')).toHaveLength(count);
  });
});

describe('conversion to a primary listing (§7.2)', () => {
  it.each([
    ['a secondary listing converting', true, '0', 1],
    ['a change to false on one already primary', false, '0', 0],
    ['a change to true', true, '1', 0],
  ])('%s', (_label, secondaryListing, value, count) => {
    const s = security({ code: '00050', secondaryListing });
    const events = eventsOf({ extra: [{ attrs: s }], changes: [{ code: '00050', date: '2025-08-15', field: 'secondary_listing', value }] });
    expect(events).toHaveLength(count);
    if (count) expect(events[0]).toMatchObject({ event: 'PRIMARY_CONVERSION', date: '2025-08-15' });
  });
});
