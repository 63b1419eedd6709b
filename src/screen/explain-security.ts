import { CHANNELS, type Channel, type BorderlineRow, type PendingRow, type ReviewResult, type RuleOutcome, type SecurityAttributes, type SecurityDecision } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { formatHkd, formatPercent } from './format-figures.js';

/** Every fact and rule outcome for one security at one review (docs/methodology.md §9), in the order applied. */
export interface Explanation {
  readonly code: string;
  readonly name: string;
  readonly review: Pick<ReviewResult, 'cutoff' | 'effectiveDate' | 'kind' | 'methodology'>;
  readonly attributes: SecurityAttributes;
  readonly universe: SecurityMetrics['universe'];
  readonly average: SecurityMetrics['average'] & { readonly southboundAvgMarketCapHkd: number | null };
  readonly rank: number | null;
  readonly coverage: number | null;
  readonly liquidity: SecurityMetrics['liquidity'];
  readonly suspension: SecurityMetrics['suspension'];
  readonly wvr: SecurityMetrics['wvr'];
  readonly aPlusH: SecurityMetrics['aPlusH'];
  readonly hsci: Pick<SecurityDecision, 'hsciOutcome' | 'wasConstituent' | 'isConstituent' | 'segmentBefore' | 'segmentAfter'> & { readonly reason: string };
  readonly southbound: SecurityDecision['southbound'];
  readonly pending: PendingRow[];
  readonly borderline: BorderlineRow[];
  readonly summary: string;
  readonly checks: readonly RuleOutcome[];
  readonly warnings: readonly string[];
  /** True when the listing date is inferred (HKEX's list gives none): the first daily record, or the list's date. */
  readonly listingDateInferred: boolean;
}

/** Facts about the stored data that the review's metrics do not carry. */
export interface ExplanationFacts {
  readonly listingDateInferred?: boolean;
}

/** The sentence explain gives for an inferred listing date. */
export function inferredListingSentence(date: string): string {
  return `the listing date ${date} is inferred: HKEX's list of securities gives none, so it is the first daily record (or the list's date); load a securities CSV with listing_date to set it`;
}

/** Joins a review's decision for one security with its metrics (the caller finds both by code). */
export function buildExplanation(result: ReviewResult, metrics: SecurityMetrics, decision: SecurityDecision, facts: ExplanationFacts = {}): Explanation {
  const inferred = facts.listingDateInferred === true;
  const hsciRow = [...result.hsci.add, ...result.hsci.remove].find((r) => r.code === decision.code);
  return {
    code: decision.code, name: decision.name,
    review: { cutoff: result.cutoff, effectiveDate: result.effectiveDate, kind: result.kind, methodology: result.methodology },
    attributes: metrics.attrs, universe: metrics.universe,
    average: { ...metrics.average, southboundAvgMarketCapHkd: metrics.southboundAvgMarketCapHkd },
    rank: decision.rank, coverage: decision.coverage, liquidity: metrics.liquidity, suspension: metrics.suspension,
    wvr: metrics.wvr, aPlusH: metrics.aPlusH,
    hsci: {
      hsciOutcome: decision.hsciOutcome, wasConstituent: decision.wasConstituent, isConstituent: decision.isConstituent,
      segmentBefore: decision.segmentBefore, segmentAfter: decision.segmentAfter, reason: hsciRow?.reason ?? decision.summary.split('; ')[0]!.replace(/^HSCI [A-Z_]+( \([A-Z]+\))?: /, ''),
    },
    southbound: decision.southbound,
    pending: result.pending.filter((p) => p.code === decision.code),
    borderline: result.borderline.filter((b) => b.code === decision.code),
    summary: decision.summary, checks: decision.checks,
    warnings: inferred ? [...metrics.warnings, inferredListingSentence(metrics.attrs.listingDate)] : metrics.warnings,
    listingDateInferred: inferred,
  };
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const money = (v: number | null) => (v === null ? 'n/a' : formatHkd(v));

/** The readable text of an explanation, one section per step of the review. */
export function renderExplanation(e: Explanation): string {
  const a = e.attributes;
  const r = e.review;
  const out: string[] = [
    `${e.code} ${e.name}: ${r.kind} review, cut-off ${r.cutoff}, effective ${r.effectiveDate}, methodology ${r.methodology}`,
    '',
    `Attributes on ${r.cutoff}`,
    `  board ${a.board}, type ${a.type}, currency ${a.currency}, listed ${a.listingDate}${e.listingDateInferred ? ' (inferred)' : ''}${a.delistingDate ? `, delisted ${a.delistingDate}` : ''}`,
    `  WVR ${yesNo(a.wvr)}, secondary listing ${yesNo(a.secondaryListing)}, free float ${a.freeFloat ?? 'not given (1)'}, SFC concentration list ${yesNo(a.sfcHighConcentration)}`,
    `  A share ${a.aShareExchange ? `${a.aShareCode ?? '?'} on ${a.aShareExchange}, listed ${a.aShareListingDate ?? '?'}, risk alert ${yesNo(a.aShareRiskAlert)}` : 'none'}`,
    '',
    `Universe (§2): ${e.universe.reason}`,
    `Average market cap (§3): ${money(e.average.avgMarketCapHkd)} (${e.average.method}), Southbound average ${money(e.average.southboundAvgMarketCapHkd)}`,
    `  window ${e.average.windowStart} to ${e.average.windowEnd}, ${e.average.daysUsed} day(s) used, ${e.average.dataGapDays} data gap(s)${e.average.restartedOn ? `, restarted on ${e.average.restartedOn} after a prolonged suspension` : ''}`,
    `  rank ${e.rank ?? 'not ranked'}, cumulative coverage ${e.coverage === null ? 'n/a' : formatPercent(e.coverage, 2)}`,
    `Liquidity (§5): ${e.liquidity.pass ? 'pass' : 'fail'}, ${e.liquidity.monthsPassed} of ${e.liquidity.monthsCounted} months passed`,
    ...e.liquidity.months.map((mo) => `  ${mo.month}  ${mo.velocity === null ? 'n/a     ' : formatPercent(mo.velocity, 3).padStart(8)}  ${mo.pass ? 'pass' : 'FAIL'}  (${mo.days} day(s))`),
    `Suspension (§4): ${e.suspension.suspendedOnCutoff ? `suspended on the cut-off since ${e.suspension.suspendedSince ?? '?'}${e.suspension.longSuspension ? ' (long suspension)' : ''}` : 'not suspended on the cut-off'}`,
    '',
    `HSCI (§6): ${e.hsci.hsciOutcome}, constituent ${yesNo(e.hsci.wasConstituent)} -> ${yesNo(e.hsci.isConstituent)}, segment ${e.hsci.segmentBefore ?? '-'} -> ${e.hsci.segmentAfter ?? '-'}`,
    `  ${e.hsci.reason}`,
    'Southbound (§7)',
    ...CHANNELS.map((ch: Channel) => {
      const s = e.southbound[ch];
      return `  ${ch}: before ${yesNo(s.before)}, after ${yesNo(s.after)}${s.path ? ` via ${s.path}` : ''} [${s.rule}]: ${s.reason}`;
    }),
    `Pending: ${e.pending.length === 0 ? 'none' : e.pending.map((p) => `${p.event} on ${p.date}`).join(', ')}`,
    `Borderline (§9): ${e.borderline.length === 0 ? 'no' : e.borderline.map((b) => `${b.line} (${b.distance})`).join('; ')}`,
    '',
    'Checks, in the order applied',
    ...e.checks.map((c) => `  [${c.outcome}] ${c.rule} ${c.section}: ${c.detail}${c.borderline ? ' (borderline)' : ''}`),
  ];
  if (e.warnings.length > 0) out.push('', 'Warnings', ...e.warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}
