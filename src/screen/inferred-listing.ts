import type { IsoDate, PendingRow, ReviewResult, SecurityDecision, StockCode } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/** What the check reads: the review (its dates, decisions, pending items), each security's metrics and whether its listing date is inferred. */
export interface InferredListingInput {
  readonly result: Pick<ReviewResult, 'cutoff' | 'effectiveDate' | 'decisions' | 'pending'>;
  readonly metrics: readonly SecurityMetrics[];
  /** listingDateInferred: HKEX's list gives no listing date (it is the first daily record, or the list's date). */
  readonly securities: ReadonlyArray<{ readonly code: StockCode; readonly listingDateInferred: boolean }>;
}

/**
 * The review-level warning when a decision rests on an inferred listing date (pure). An inferred date
 * is never earlier than the real one (a security trades only once listed), so it can only make a
 * security look younger: a test it passes holds for the real date too. It matters where a test STARTS
 * at the listing date and the review acts on the security: the §3 average counted from the listing
 * date (a listing inside the averaging window: new listings, the quarterly IPO path), the §7.3 WVR
 * seasoning not reached by the effective date, the §7.1.3 A+H stabilisation end taken as listing +
 * N days and not reached by the cut-off; and the security is added, kept, removed, waiting, on a
 * Southbound list, or pending. Null when no decision rests on one.
 */
export function inferredListingWarning(input: InferredListingInput): string | null {
  const inferred = new Set(input.securities.filter((s) => s.listingDateInferred).map((s) => s.code));
  if (inferred.size === 0) return null;
  const { cutoff, effectiveDate } = input.result;
  const decisions = new Map(input.result.decisions.map((d) => [d.code, d]));
  const pending = new Map(input.result.pending.map((p) => [p.code, p]));
  const items: string[] = [];
  for (const x of input.metrics) {
    if (!inferred.has(x.code)) continue;
    const tests = testsStartingAtListing(x, cutoff, effectiveDate);
    const acted = actedOn(decisions.get(x.code), pending.get(x.code));
    if (tests.length > 0 && acted !== null) items.push(`${x.code} listed ${x.attrs.listingDate}: ${tests.join(', ')} -> ${acted}`);
  }
  if (items.length === 0) return null;
  const shown = items.slice(0, 10).join('; ') + (items.length > 10 ? `; and ${items.length - 10} more` : '');
  return `${items.length} decision(s) rest on a listing date inferred from the first daily record (HKEX's list gives none, and the real date can only be earlier): ${shown}; `
    + 'load a securities CSV with listing_date (or a changes row) for these codes, then screen again';
}

/** The tests of one security that start at its listing date and are not yet passed by it. */
function testsStartingAtListing(x: SecurityMetrics, cutoff: IsoDate, effectiveDate: IsoDate): string[] {
  const tests: string[] = [];
  if (x.average.restartedOn === null && x.average.windowStart === x.attrs.listingDate) tests.push('the §3 average starts there');
  if (x.wvr !== null && (x.wvr.seasonedOn === null || x.wvr.seasonedOn > effectiveDate)) tests.push(`the §7.3 WVR seasoning counts from it (seasoned ${x.wvr.seasonedOn ?? 'past the calendar'})`);
  if (x.aPlusH !== null && x.attrs.stabilisationEnd === null && (x.aPlusH.eligibleFrom === null || x.aPlusH.eligibleFrom > cutoff)) {
    tests.push(`the §7.1.3 stabilisation end counts from it (eligible ${x.aPlusH.eligibleFrom ?? 'past the calendar'})`);
  }
  return tests;
}

/** What the review does with the security, or null when it is off every list and stays off. */
function actedOn(d: SecurityDecision | undefined, p: PendingRow | undefined): string | null {
  const parts: string[] = [];
  if (d && d.hsciOutcome !== 'NOT_ELIGIBLE') parts.push(`HSCI ${d.hsciOutcome}`);
  for (const ch of ['SH', 'SZ'] as const) {
    const s = d?.southbound[ch];
    if (s && (s.before || s.after)) parts.push(`Southbound ${ch} ${s.after ? (s.before ? 'KEEP' : 'ADD') : 'REMOVE'}`);
  }
  if (p) parts.push(`pending ${p.event} ${p.date}`);
  return parts.length > 0 ? parts.join(', ') : null;
}
