import type { Channel, ReviewResult, SecurityDecision } from '../domain/types.js';
import { CHANNELS } from '../domain/types.js';
import { formatDistance, isCoverageLine } from './number-format.js';

export type ReviewListName = 'hsci_add' | 'hsci_remove' | 'sb_add' | 'sb_remove' | 'pending';

/** One security on one list of a review, flattened for the table, CSV, Markdown and HTML formats. */
export interface ReviewListRow {
  readonly list: ReviewListName;
  /** '' for HSCI lists; 'SH', 'SZ' or 'SH SZ' (pending). */
  readonly channel: string;
  readonly code: string;
  readonly name: string;
  readonly segment: string;
  readonly avgMarketCapHkd: number | null;
  readonly coverage: number | null;
  /** The Southbound path in (sb_add), or the event and its date (pending). */
  readonly path: string;
  readonly reason: string;
  readonly distance: string;
  readonly borderline: boolean;
}

export interface ReviewSection {
  readonly title: string;
  readonly list: ReviewListName;
  readonly rows: readonly ReviewListRow[];
}

/** The review's lists in reading order: HSCI add/remove, then per channel add/remove, then pending. */
export function buildReviewSections(result: ReviewResult): ReviewSection[] {
  const byCode = new Map(result.decisions.map((d) => [d.code, d]));
  const facts = (code: string) => byCode.get(code);
  const sections: ReviewSection[] = [
    {
      title: 'HSCI additions', list: 'hsci_add',
      rows: result.hsci.add.map((r) => ({
        list: 'hsci_add', channel: '', code: r.code, name: r.name, segment: r.segment,
        avgMarketCapHkd: r.avgMarketCapHkd, coverage: r.coverage, path: '', reason: r.reason,
        distance: r.distance, borderline: r.borderline,
      })),
    },
    {
      title: 'HSCI deletions', list: 'hsci_remove',
      rows: result.hsci.remove.map((r) => ({
        list: 'hsci_remove', channel: '', code: r.code, name: r.name, segment: facts(r.code)?.segmentBefore ?? '',
        avgMarketCapHkd: r.avgMarketCapHkd, coverage: r.coverage, path: '', reason: r.reason,
        distance: r.distance, borderline: r.borderline,
      })),
    },
  ];
  for (const ch of CHANNELS) {
    const sb = result.southbound[ch];
    sections.push(
      { title: `Southbound ${ch} additions`, list: 'sb_add', rows: sb.add.map((r) => southboundRow(result, 'sb_add', ch, r, facts(r.code))) },
      { title: `Southbound ${ch} removals`, list: 'sb_remove', rows: sb.remove.map((r) => southboundRow(result, 'sb_remove', ch, r, facts(r.code))) },
    );
  }
  sections.push({
    title: 'Pending Southbound changes', list: 'pending',
    rows: result.pending.map((p) => {
      const d = facts(p.code);
      return {
        list: 'pending', channel: (p.channels ?? []).join(' '), code: p.code, name: p.name ?? d?.name ?? '',
        segment: d?.segmentAfter ?? '', avgMarketCapHkd: d?.avgMarketCapHkd ?? null, coverage: d?.coverage ?? null,
        path: `${p.event} ${p.date}`, reason: p.reason ?? '', distance: '', borderline: d?.borderline ?? false,
      };
    }),
  });
  return sections;
}

/** All rows of every section, in section order (the CSV body). */
export function flattenReview(result: ReviewResult): ReviewListRow[] {
  return buildReviewSections(result).flatMap((s) => s.rows);
}

function southboundRow(
  result: ReviewResult, list: 'sb_add' | 'sb_remove', ch: Channel,
  r: { code: string; name: string; reason: string; rule: string; borderline: boolean; path?: string },
  d: SecurityDecision | undefined,
): ReviewListRow {
  return {
    list, channel: ch, code: r.code, name: r.name, segment: d?.segmentAfter ?? d?.segmentBefore ?? '',
    avgMarketCapHkd: d?.avgMarketCapHkd ?? null, coverage: d?.coverage ?? null, path: r.path ?? '',
    reason: r.reason, distance: southboundDistance(result, r.code, r.rule, d), borderline: r.borderline,
  };
}

/** The distance to the line that decided a Southbound row: its borderline entry, else its rule's check. */
function southboundDistance(result: ReviewResult, code: string, rule: string, d: SecurityDecision | undefined): string {
  // Southbound lines are money lines (§7.1: HK$5bn / HK$4bn); a coverage line there belongs to the HSCI row.
  const near = result.borderline.find((b) => b.code === code && !isCoverageLine(b.threshold));
  if (near) return near.distance;
  const check = d?.checks.find((c) => c.rule === rule && c.value !== undefined && c.threshold !== undefined);
  return check ? formatDistance(check.value!, check.threshold!) : '';
}
