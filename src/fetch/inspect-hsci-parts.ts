import type { Segment, StockCode } from '../domain/types.js';
import type { IsoDate } from '../domain/types.js';
import { combineHsciExports } from '../ingest/combine-hsci-exports.js';
import { parseHsciExport, type HsciExportRow } from '../ingest/parse-hsci-export.js';
import { checkXlsxBody } from './content-checks.js';
import { PART_INDEX, type HsciPartKey } from './hsci-parts.js';

const INDEX_TITLE: Readonly<Record<HsciPartKey, string>> = {
  hsci: 'Hang Seng Composite Index', large: 'LargeCap index', mid: 'MidCap index', small: 'SmallCap index', 'large-mid': 'LargeCap & MidCap index',
};

/** One part's export checked on its own: refused with a reason, or its rows and date. */
export type PartInspection =
  | { readonly ok: false; readonly reason: string }
  | { readonly ok: true; readonly rows: readonly HsciExportRow[]; readonly asOf: IsoDate };

/**
 * Checks one downloaded export (pure): a whole xlsx, a Hang Seng export the `ingest hsci` parser reads
 * without a bad row, dated, not empty, and of the index its part stands for (a MidCap export served
 * where the LargeCap one was asked for is refused, not taken for what it is not).
 */
export function inspectHsciPart(key: HsciPartKey, body: Buffer, name: string): PartInspection {
  const bad = checkXlsxBody(body);
  if (bad) return { ok: false, reason: bad };
  const parsed = parseHsciExport(body, name);
  if (parsed.fileIssue) return { ok: false, reason: parsed.fileIssue.reason };
  if (parsed.issues.length > 0) {
    const first = parsed.issues[0]!;
    return { ok: false, reason: `the export has ${parsed.issues.length} bad row${parsed.issues.length === 1 ? '' : 's'} (first: line ${first.line}, ${first.field}: ${first.reason})` };
  }
  if (parsed.rows.length === 0 || parsed.asOf === undefined) return { ok: false, reason: 'the list is empty' };
  const other = parsed.rows.find((r) => r.index !== PART_INDEX[key]);
  if (other) {
    const named = (Object.keys(PART_INDEX) as HsciPartKey[]).find((k) => PART_INDEX[k] === other.index)!;
    return { ok: false, reason: `the ${key} address served the export of the ${INDEX_TITLE[named]}, not of the ${INDEX_TITLE[key]}` };
  }
  return { ok: true, rows: parsed.rows, asOf: parsed.asOf };
}

/** The day's list the parts make together, or why they do not make one (the part to blame, when there is one). */
export type GroupCheck =
  | { readonly ok: false; readonly key?: HsciPartKey; readonly reason: string }
  | { readonly ok: true; readonly asOf: IsoDate; readonly members: ReadonlyMap<StockCode, Segment> };

/**
 * Checks that the parts belong together (pure): one date, and segments combineHsciExports can tell
 * for every HSCI constituent with no size-index code outside the HSCI.
 */
export function checkHsciGroup(parts: ReadonlyArray<{ readonly key: HsciPartKey; readonly rows: readonly HsciExportRow[]; readonly asOf: IsoDate }>): GroupCheck {
  const main = parts.find((p) => p.key === 'hsci')!;
  const odd = parts.find((p) => p.asOf !== main.asOf);
  if (odd) return { ok: false, key: odd.key, reason: `the ${odd.key} export is of ${odd.asOf} but the HSCI export of ${main.asOf}: the exports of one day load together` };
  const combined = combineHsciExports(main.asOf, parts.flatMap((p) => p.rows));
  const problem = combined.problems[0];
  if (problem) {
    const more = combined.problems.length > 1 ? ` (and ${combined.problems.length - 1} more)` : '';
    return { ok: false, reason: `the exports do not make one list: ${problem.reason}${more}` };
  }
  return { ok: true, asOf: main.asOf, members: combined.members };
}

/** `90 LARGE, 160 MID, 253 SMALL`: the segments of a list, in size order. */
export function describeSegments(members: ReadonlyMap<StockCode, Segment>): string {
  const count = (s: Segment) => [...members.values()].filter((m) => m === s).length;
  return (['LARGE', 'MID', 'SMALL'] as const).map((s) => `${count(s)} ${s}`).join(', ');
}
