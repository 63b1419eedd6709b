import type { Segment, StockCode } from '../domain/types.js';
import type { HsciExportIndex, HsciExportRow } from './parse-hsci-export.js';

/** One day's HSCI list, put together from that day's exports. */
export interface CombinedHsciList {
  readonly date: string;
  readonly members: ReadonlyMap<StockCode, Segment>;
  /** Codes whose segment the given exports cannot tell, and codes listed in a size index but not in the HSCI export. */
  readonly problems: ReadonlyArray<{ readonly code: StockCode; readonly reason: string }>;
}

const INDEX_NAMES: Record<HsciExportIndex, string> = {
  HSCI: 'Hang Seng Composite Index', LARGE: 'LargeCap', MID: 'MidCap', SMALL: 'SmallCap', LARGE_MID: 'LargeCap & MidCap',
};

/**
 * Puts one day's exports together (pure). Members: the HSCI export's codes when it is given, else every
 * code of the size exports. A code's segment is the size export it is in; otherwise the one segment
 * the given exports leave open (in LargeCap & MidCap but not in the given LargeCap export: MID; in the
 * HSCI but in none of LargeCap & MidCap: SMALL; ...). When more than one stays open, it is a problem.
 */
export function combineHsciExports(date: string, rows: readonly HsciExportRow[]): CombinedHsciList {
  const given = new Set(rows.map((r) => r.index));
  const sets = new Map<HsciExportIndex, Set<StockCode>>();
  for (const r of rows) (sets.get(r.index) ?? sets.set(r.index, new Set()).get(r.index)!).add(r.code);
  const inIndex = (index: HsciExportIndex, code: StockCode) => sets.get(index)?.has(code) === true;
  const codes = given.has('HSCI') ? [...sets.get('HSCI')!] : [...new Set(rows.map((r) => r.code))];
  const members = new Map<StockCode, Segment>();
  const problems: Array<{ code: StockCode; reason: string }> = [];
  for (const code of codes.sort()) {
    const open = openSegments(code, given, inIndex);
    if (open.length === 1) members.set(code, open[0]!);
    else {
      problems.push({
        code,
        reason: open.length === 0
          ? `the size exports of ${date} put ${code} in no segment, or in more than one`
          : `the segment of ${code} on ${date} cannot be told from the exports given (${[...given].map((g) => INDEX_NAMES[g]).join(', ')}): add that day's LargeCap, MidCap and SmallCap exports (or LargeCap & MidCap with one of them)`,
      });
    }
  }
  if (given.has('HSCI')) {
    for (const [index, set] of sets) {
      if (index === 'HSCI') continue;
      for (const code of set) if (!inIndex('HSCI', code)) problems.push({ code, reason: `${code} is in the ${INDEX_NAMES[index]} export of ${date} but not in its Hang Seng Composite Index export` });
    }
  }
  return { date, members, problems };
}

function openSegments(code: StockCode, given: ReadonlySet<HsciExportIndex>, inIndex: (i: HsciExportIndex, c: StockCode) => boolean): Segment[] {
  const candidates: Segment[] = [];
  const largeMidKnown = given.has('LARGE_MID');
  const inLargeMid = inIndex('LARGE_MID', code);
  for (const [segment, index] of [['LARGE', 'LARGE'], ['MID', 'MID'], ['SMALL', 'SMALL']] as const) {
    if (given.has(index)) { if (inIndex(index, code)) candidates.push(segment); continue; }
    // Not given on its own: ruled out when another export excludes it.
    if (segment !== 'SMALL' && largeMidKnown && !inLargeMid) continue;
    if (segment === 'SMALL' && inLargeMid) continue;
    candidates.push(segment);
  }
  // A code in a given size export is in that segment whatever the others leave open.
  const certain = candidates.filter((s) => given.has(s) && inIndex(s, code));
  return certain.length === 1 ? certain : candidates;
}
