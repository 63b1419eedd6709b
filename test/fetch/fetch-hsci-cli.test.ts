import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { mirrorPath } from '../../src/fetch/hsci-parts.js';
import { hangSengExport, REAL_HSCI, realConstituents } from '../files/hsci-exports.js';
import { cleanUp, cli, FAST, fetches, makeStore, readStore, serve } from './helpers.js';

// The real HSCI export of 2025-11-21 (Excel serial 45982), and size exports constructed from its
// constituents in its shape (test/files/hsci-exports.ts; test/fixtures/README.md says how).
const HSCI = readFileSync(REAL_HSCI);
const ALL = realConstituents();
const DAY = 45982;
const LARGE = hangSengExport('Hang Seng Composite LargeCap Index', DAY, ALL.slice(0, 90));
const MID = hangSengExport('Hang Seng Composite MidCap Index', DAY, ALL.slice(90, 250));
const SMALL = hangSengExport('Hang Seng Composite SmallCap Index', DAY, ALL.slice(250));
const path = { hsci: mirrorPath('hsci'), large: mirrorPath('large'), mid: mirrorPath('mid'), small: mirrorPath('small') };
const mirror = (over: Partial<Record<keyof typeof path, Array<{ status?: number; body: Buffer | string }>>> = {}) => ({
  [path.hsci]: over.hsci ?? [{ body: HSCI }], [path.large]: over.large ?? [{ body: LARGE }],
  [path.mid]: over.mid ?? [{ body: MID }], [path.small]: over.small ?? [{ body: SMALL }],
});

type Seg = Array<{ as_of: string; segment: string; n: number }>;
const segments = (db: string) => readStore<Seg>(db, 'SELECT as_of, segment, count(*) AS n FROM hsci_members GROUP BY as_of, segment ORDER BY as_of, segment');
const IN_FORCE: Seg = [{ as_of: '2025-11-21', segment: 'LARGE', n: 90 }, { as_of: '2025-11-21', segment: 'MID', n: 160 }, { as_of: '2025-11-21', segment: 'SMALL', n: 253 }];

afterEach(cleanUp);

describe('hkconnect fetch hsci: the HSCI export and its size exports, loaded together as one list in force', () => {
  it('--base-url fetches the four exports of a mirror, loads one list with segments, records each; the same bytes again are unchanged', async () => {
    const { db } = await makeStore();
    const server = await serve(mirror());
    const r = await cli(db, ['fetch', 'hsci', '--base-url', server.url, ...FAST]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'hsci: loaded 503 rows as of 2025-11-21, 503 stored (fetch 1); the HSCI list in force from 2025-11-21: 90 LARGE, 160 MID, 253 SMALL (with 3 size exports)',
      'hsci large: loaded 90 rows as of 2025-11-21, 90 stored (fetch 2)',
      'hsci mid: loaded 160 rows as of 2025-11-21, 160 stored (fetch 3)',
      'hsci small: loaded 253 rows as of 2025-11-21, 253 stored (fetch 4)',
      '',
    ]);
    expect(server.requests.map((q) => q.path)).toEqual([path.hsci, path.large, path.mid, path.small]);
    expect(await segments(db)).toEqual(IN_FORCE);
    const record = await fetches(db);
    expect(record.map((f) => [f.target, f.outcome, f.rows, f.asOf, f.bytes])).toEqual([
      ['hsci', 'loaded', 503, '2025-11-21', HSCI.length], ['large', 'loaded', 90, '2025-11-21', LARGE.length],
      ['mid', 'loaded', 160, '2025-11-21', MID.length], ['small', 'loaded', 253, '2025-11-21', SMALL.length],
    ]);
    expect(readFileSync(String(record[0]!.file)).equals(HSCI)).toBe(true);
    const again = await cli(db, ['fetch', 'hsci', '--base-url', server.url, ...FAST]);
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe('hsci: unchanged as of 2025-11-21 (fetch 5): the same bytes as fetch 1: not loaded twice');
    expect((await fetches(db)).slice(4).map((f) => f.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect((await readStore<Array<{ n: number }>>(db, "SELECT count(*) AS n FROM loads WHERE kind = 'hsci'"))[0]!.n).toBe(4);
  });

  it('--url KEY=URL names each export: the HSCI with LargeCap & MidCap and LargeCap makes the same segments', async () => {
    const { db } = await makeStore();
    const largeMid = hangSengExport('Hang Seng Composite LargeCap & MidCap Index', DAY, ALL.slice(0, 250));
    const server = await serve({ '/a.xlsx': [{ body: HSCI }], '/b.xlsx': [{ body: largeMid }], '/c.xlsx': [{ body: LARGE }] });
    const r = await cli(db, ['fetch', 'hsci', '--url', `${server.url}/a.xlsx`, '--url', `large-mid=${server.url}/b.xlsx`, '--url', `large=${server.url}/c.xlsx`, ...FAST]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await segments(db)).toEqual(IN_FORCE);
    expect((await fetches(db)).map((f) => f.target)).toEqual(['hsci', 'large-mid', 'large']);
  });

  it('a part that fails (404) loads nothing: that part failed, the others refused saying which, the last good list stays in force', async () => {
    const { db } = await makeStore();
    const server = await serve(mirror());
    expect((await cli(db, ['fetch', 'hsci', '--base-url', server.url, ...FAST])).code).toBe(0);
    const broken = await serve(mirror({ mid: [{ status: 404, body: 'gone' }], hsci: [{ body: hangSengExport('Hang Seng Composite Index', DAY + 3, ALL) }] }));
    const r = await cli(db, ['fetch', 'hsci', '--base-url', broken.url, ...FAST]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[2]).toBe(`hsci mid: failed (fetch 7): ${broken.url}${path.mid}: HTTP 404 after 1 attempt; the last good list (fetch 1, as of 2025-11-21) stays in force`);
    expect(lines[0]).toBe("hsci: refused (fetch 5): not loaded: the mid export was turned down, and a day's exports load together or not at all; the last good list (fetch 1, as of 2025-11-21) stays in force");
    expect(r.stderr).toBe(`hkconnect: 4 of 4 fetches did not load; the first: ${lines[0]}.\n`);
    expect((await fetches(db)).slice(4).map((f) => f.outcome)).toEqual(['refused', 'refused', 'failed', 'refused']);
    expect(await segments(db)).toEqual(IN_FORCE);
  });

  it('refuses, loading nothing: a cut-off workbook, an error page, another index at a part\'s address, exports of two days, a set that leaves a code without segment', async () => {
    const { db } = await makeStore();
    const cases: Array<[Parameters<typeof mirror>[0], string, string]> = [
      [{ small: [{ body: SMALL.subarray(0, SMALL.length - 200) }] }, 'hsci small', 'the workbook is truncated (its zip directory is missing)'],
      [{ large: [{ body: '<!DOCTYPE html><html><body>busy</body></html>' }] }, 'hsci large', 'an HTML page came back where an xlsx workbook was expected (an error page)'],
      [{ large: [{ body: MID }] }, 'hsci large', 'the large address served the export of the MidCap index, not of the LargeCap index'],
      [{ mid: [{ body: hangSengExport('Hang Seng Composite MidCap Index', DAY - 1, ALL.slice(90, 250)) }] }, 'hsci mid',
        'the mid export is of 2025-11-20 but the HSCI export of 2025-11-21: the exports of one day load together'],
      [{ small: [{ body: hangSengExport('Hang Seng Composite SmallCap Index', DAY, ALL.slice(251)) }] }, 'hsci',
        `the exports do not make one list: the size exports of 2025-11-21 put ${ALL[250]!.code} in no segment, or in more than one`],
    ];
    for (const [over, labelled, reason] of cases) {
      const server = await serve(mirror(over));
      const r = await cli(db, ['fetch', 'hsci', '--base-url', server.url, ...FAST]);
      expect(r.code, reason).toBe(1);
      expect(r.stdout).toContain(`${labelled}: refused (fetch `);
      expect(r.stdout).toContain(`): ${reason}\n`);
      expect(await segments(db)).toEqual([]);
    }
    expect((await fetches(db)).every((f) => f.outcome === 'refused')).toBe(true);
  });

  it('a part that shrank beyond --max-shrink against its own last good copy is refused; within it, the newer day loads', async () => {
    const { db } = await makeStore();
    expect((await cli(db, ['fetch', 'hsci', '--base-url', (await serve(mirror())).url, ...FAST])).code).toBe(0);
    // 2025-11-24: 26 smallcaps gone (227 of 253 is 10.3% fewer), then 25 gone (228: 9.9% fewer, within 10%).
    const day = (keep: number) => mirror({
      hsci: [{ body: hangSengExport('Hang Seng Composite Index', DAY + 3, ALL.slice(0, 250 + keep)) }],
      large: [{ body: hangSengExport('Hang Seng Composite LargeCap Index', DAY + 3, ALL.slice(0, 90)) }],
      mid: [{ body: hangSengExport('Hang Seng Composite MidCap Index', DAY + 3, ALL.slice(90, 250)) }],
      small: [{ body: hangSengExport('Hang Seng Composite SmallCap Index', DAY + 3, ALL.slice(250, 250 + keep)) }],
    });
    const shrunk = await cli(db, ['fetch', 'hsci', '--base-url', (await serve(day(227))).url, ...FAST]);
    expect(shrunk.code).toBe(1);
    expect(shrunk.stdout).toContain('hsci small: refused (fetch 8): the list shrank: it has 227 rows, 10.3% fewer than the 253 of the last good copy (more than the 10% allowed by --max-shrink); the last good list (fetch 1, as of 2025-11-21) stays in force\n');
    expect(await segments(db)).toEqual(IN_FORCE);
    const within = await cli(db, ['fetch', 'hsci', '--base-url', (await serve(day(228))).url, ...FAST]);
    expect(within.stderr).toBe('');
    expect((await segments(db)).filter((s) => s.as_of === '2025-11-24')).toEqual([
      { as_of: '2025-11-24', segment: 'LARGE', n: 90 }, { as_of: '2025-11-24', segment: 'MID', n: 160 }, { as_of: '2025-11-24', segment: 'SMALL', n: 228 },
    ]);
  });

  it('bad usage is exit 2, one sentence, nothing fetched', async () => {
    const { db } = await makeStore();
    const cases: Array<[string[], string]> = [
      [['fetch', 'hsci'], 'hsci has no stable public address: give --url for each export (--url hsci=URL --url large=URL --url mid=URL --url small=URL) or --base-url of a mirror.'],
      [['fetch', 'hsci', '--url', 'http://x/h.xlsx'], 'one HSCI export cannot tell the segments: fetch it with two of its LargeCap, MidCap and SmallCap exports, or LargeCap & MidCap with one of them (--url large=URL --url mid=URL --url small=URL, or --base-url of a mirror).'],
      [['fetch', 'hsci', '--url', 'http://x/h.xlsx', '--url', 'large=http://x/l.xlsx'], 'one HSCI export cannot tell the segments'],
      [['fetch', 'hsci', '--url', 'large=http://x/l.xlsx', '--url', 'mid=http://x/m.xlsx'], 'fetch hsci needs the Hang Seng Composite Index export itself: give --url hsci=URL.'],
      [['fetch', 'hsci', '--url', 'huge=http://x/l.xlsx'], '--url huge=http://x/l.xlsx: "huge" is not an HSCI export; name each as hsci=URL, large=URL, mid=URL, small=URL, large-mid=URL.'],
      [['fetch', 'hsci', '--url', 'http://x/a', '--url', 'hsci=http://x/b'], '--url gives the hsci export twice.'],
      [['fetch', 'hsci', '--base-url', 'http://127.0.0.1:9', '--as-of', '2025-11-21'], '--as-of is for lists that print no date; the Hang Seng exports are dated by their sheets.'],
      [['fetch', 'sse', '--url', 'http://x/a', '--url', 'http://x/b'], '--url names one address for sse; it is given 2 times.'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(db, [...args, ...FAST]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.startsWith(`hkconnect: ${message}`), r.stderr).toBe(true);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await fetches(db)).toEqual([]);
  });
});
