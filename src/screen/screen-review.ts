import { CHANNELS, type BorderlineRow, type Channel, type PendingRow, type ReviewResult, type SecurityDecision } from '../domain/types.js';
import { decideHsciReview, findUnknownConstituents, type HsciPlacement } from './decide-hsci-review.js';
import { closenessOf } from './deciding-lines.js';
import { buildDecision, byCode } from './build-decision.js';
import { screenSouthbound, type SouthboundScreen } from './screen-southbound.js';
import { countChanges, computeReviewLines } from './review-summary.js';
import type { ScreenInput } from './types.js';
import type { Methodology } from '../methodology/types.js';

/**
 * One review (docs/methodology.md §6, §7, §9): the HSCI adds, removes and segments, then the Southbound lists per
 * channel from the constituents after the review, every row with its reason and distance to the line.
 * Pure: the job hands in the metrics and the lists in force on the cut-off.
 */
export function screenReview(input: ScreenInput): ReviewResult {
  const m = input.methodology;
  const warnings = [...(input.warnings ?? [])];
  const placements = decideHsciReview(input);
  const screens = new Map<string, SouthboundScreen>();
  for (const p of placements) {
    const before = { SH: input.southboundBefore.SH.has(p.metrics.code), SZ: input.southboundBefore.SZ.has(p.metrics.code) };
    screens.set(p.metrics.code, screenSouthbound({
      metrics: p.metrics, segmentAfter: p.segmentAfter, segmentCoverage: segmentCoverageOf(p), before, cutoff: input.cutoff, effectiveDate: input.effectiveDate, methodology: m,
    }));
  }
  const quarterly = input.kind === 'quarterly';
  const hsciAdded = new Set(placements.filter((p) => p.verdict.outcome === 'ADD').map((p) => p.metrics.code));
  const result: ReviewResult = {
    cutoff: input.cutoff, effectiveDate: input.effectiveDate, kind: input.kind, methodology: m.id,
    hsci: { add: [], remove: [], constituents: [] },
    southbound: { SH: { add: [], remove: [] }, SZ: { add: [], remove: [] } },
    pending: [], warnings, borderline: [], decisions: [],
    lines: computeReviewLines(placements, m),
  };
  for (const p of placements) {
    const sb = screens.get(p.metrics.code)!;
    addHsciRows(result, p);
    addSouthboundRows(result, p, sb, quarterly, hsciAdded);
    addBorderlineRows(result, p, sb, input);
    result.decisions.push(buildDecision(p, sb));
  }
  for (const code of findUnknownConstituents(input)) {
    warnings.push(`HSCI constituent ${code} has no securities record: treated as having left the universe`);
    result.hsci.remove.push({ code, name: '', avgMarketCapHkd: null, coverage: null, reason: 'left the ranking universe: no securities record at the cut-off', rule: 'hsci-left-universe', distance: 'outside the universe', borderline: false });
  }
  const unknownSb = CHANNELS.flatMap((ch) => [...input.southboundBefore[ch]].filter((c) => !screens.has(c)).map((c) => `${c} (${ch})`));
  if (unknownSb.length > 0) warnings.push(`Southbound codes with no securities record, left as they are: ${unknownSb.sort().join(', ')}`);
  sortResult(result, m);
  result.constituentsBefore = input.hsciBefore.size;
  result.constituentsAfter = result.hsci.constituents.length;
  result.counts = countChanges(result);
  return result;
}

/** The coverage among the constituents behind the segment after the review: §6.1.6, or a quarterly IPO's §6.2 ranking. */
function segmentCoverageOf(p: HsciPlacement): number | null {
  if (typeof p.segmentCheck?.value === 'number') return p.segmentCheck.value;
  return p.verdict.outcome === 'ADD' && p.verdict.rule === 'hsci-quarterly-ipo' ? p.decidingCoverage : null;
}

function addHsciRows(result: ReviewResult, p: HsciPlacement): void {
  const { code, name } = p.metrics;
  if (p.isConstituent && p.segmentAfter !== null) result.hsci.constituents.push({ code, segment: p.segmentAfter });
  const v = p.verdict;
  if (v.outcome === 'ADD') {
    result.hsci.add.push({
      code, name, segment: p.segmentAfter ?? 'SMALL', avgMarketCapHkd: p.avgMarketCapHkd ?? 0, coverage: p.decidingCoverage ?? 0,
      reason: v.reason, rule: v.rule, distance: v.distance, borderline: v.borderline,
    });
  } else if (v.outcome === 'REMOVE') {
    result.hsci.remove.push({
      code, name, avgMarketCapHkd: p.avgMarketCapHkd, coverage: p.entry?.coverage ?? null, reason: v.reason, rule: v.rule, distance: v.distance, borderline: v.borderline,
    });
  }
}

/** docs/methodology.md §7.4; at a quarterly review only the HSCI IPO additions reach Southbound and nothing is removed. */
function addSouthboundRows(result: ReviewResult, p: HsciPlacement, sb: SouthboundScreen, quarterly: boolean, hsciAdded: ReadonlySet<string>): void {
  const { code, name } = p.metrics;
  const pendingChannels: Channel[] = [];
  let pending: { event: PendingRow['event']; date: string; reason: string } | null = null;
  for (const ch of CHANNELS) {
    const v = sb.channels[ch];
    if (v.unscreened) continue;
    if (v.after && !v.before && (!quarterly || hsciAdded.has(code))) {
      result.southbound[ch].add.push({ code, name, path: v.path!, reason: v.reason, rule: v.rule, borderline: v.borderline });
    } else if (!v.after && v.before && !quarterly) {
      result.southbound[ch].remove.push({ code, name, reason: v.reason, rule: v.rule, borderline: v.borderline });
    }
    if (!v.after && v.pending !== null) {
      pendingChannels.push(ch);
      pending = { event: v.pending.event, date: v.pending.date, reason: v.reason };
    }
  }
  if (pending !== null) result.pending.push({ code, event: pending.event, date: pending.date, name, channels: pendingChannels, reason: pending.reason });
}

/** docs/methodology.md §9: coverage within the margin of the add or delete line (quarterly: an IPO near its line); money near a Southbound line. */
function addBorderlineRows(result: ReviewResult, p: HsciPlacement, sb: SouthboundScreen, input: ScreenInput): void {
  const m = input.methodology;
  const { code, name } = p.metrics;
  const outcome = p.verdict.outcome;
  // Only against the line that decides it (issue 16): the add line for a non-constituent, the delete line
  // for a constituent, and only when nothing else (liquidity, suspension, ...) already decided it.
  const rule = p.verdict.rule;
  if (p.entry !== null && input.kind !== 'quarterly' && p.verdict.borderline && (rule === 'hsci-coverage-add' || rule === 'hsci-coverage-delete')) {
    const threshold = rule === 'hsci-coverage-add' ? m.coverage.add : m.coverage.delete;
    result.borderline.push({ code, name, line: rule, value: p.entry.coverage, threshold, distance: p.verdict.distance, outcome });
  }
  if (input.kind === 'quarterly' && p.verdict.rule === 'hsci-quarterly-ipo' && p.verdict.borderline && p.decidingCoverage !== null) {
    // §6.2: a quarterly IPO faces the quarterly line, ranked with the constituents.
    result.borderline.push({ code, name, line: 'hsci-quarterly-ipo', value: p.decidingCoverage, threshold: m.coverage.quarterlyIpo, distance: p.verdict.distance, outcome });
  }
  for (const near of sb.nearLines) {
    const sbOutcome = CHANNELS.map((ch) => `${ch} ${sb.channels[ch].after ? 'eligible' : 'not eligible'}`).join(', ');
    result.borderline.push({ code, name, line: near.line, value: near.value, threshold: near.threshold, distance: near.distance, outcome: sbOutcome });
  }
}

function sortResult(r: ReviewResult, m: Methodology): void {
  r.hsci.add.sort(byCode);
  r.hsci.remove.sort(byCode);
  r.hsci.constituents.sort(byCode);
  for (const ch of CHANNELS) { r.southbound[ch].add.sort(byCode); r.southbound[ch].remove.sort(byCode); }
  r.pending.sort(byCode);
  // Closest to its line first (a share of the §9 margin, the one measure coverage and money lines share).
  r.borderline.sort((a: BorderlineRow, b: BorderlineRow) => closenessOf(a, m) - closenessOf(b, m) || byCode(a, b) || (a.line < b.line ? -1 : 1));
  r.decisions.sort((a: SecurityDecision, b: SecurityDecision) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || byCode(a, b));
}
