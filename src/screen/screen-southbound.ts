import { CHANNELS, type Channel, type IsoDate, type RuleOutcome, type Segment, type SouthboundPath } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { describeCoverage, describeMoney } from './format-figures.js';
import { checkSouthboundExclusions, isSouthboundUnscreened } from './southbound-exclusions.js';
import { checkWvr, checkMoneyLines, type MoneyLine } from './southbound-checks.js';
import { decidingMoneyLines } from './deciding-lines.js';

export type PendingEvent = 'A_PLUS_H_STABILISATION' | 'WVR_SEASONED';

/** One channel's verdict on one security (docs/methodology.md §7.4): before, after, and why. */
export interface SouthboundChannelVerdict {
  readonly before: boolean;
  readonly after: boolean;
  readonly path: SouthboundPath | null;
  readonly rule: string;
  readonly reason: string;
  readonly borderline: boolean;
  /** Unscreened types (ETFs, funds) are left as they are. */
  readonly unscreened: boolean;
  readonly pending: { readonly event: PendingEvent; readonly date: IsoDate } | null;
}

export interface SouthboundScreen {
  readonly channels: Record<Channel, SouthboundChannelVerdict>;
  readonly checks: RuleOutcome[];
  /** Money lines (§9) this security sits near and that decide a channel, for the borderline list. */
  readonly nearLines: MoneyLine[];
}

export interface SouthboundInput {
  readonly metrics: SecurityMetrics;
  /** Segment after the HSCI review, null when not a constituent after it. */
  readonly segmentAfter: Segment | null;
  /** The cumulative coverage among the constituents behind that segment (§6.1.6, §6.2), when known. */
  readonly segmentCoverage?: number | null;
  readonly before: Readonly<Record<Channel, boolean>>;
  readonly cutoff: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly methodology: Methodology;
}

interface PathResult { readonly path: SouthboundPath | null; readonly rule: string; readonly reason: string }

/**
 * docs/methodology.md §7.1.1 the HSCI path on one channel (the retention buffer depends on the channel's list). A LargeCap
 * or MidCap constituent's reason gives its distance to the MidCap line (§9) when its coverage is known.
 */
export function findHsciPath(
  sbAvgHkd: number | null, segment: Segment | null, before: boolean, isAPlusH: boolean, m: Methodology, segmentCoverage: number | null = null,
): PathResult {
  if (segment === null) return { path: null, rule: 'sb-path-hsci', reason: 'not an HSCI constituent after the review' };
  const line = segmentCoverage === null ? '' : ` (${describeCoverage(segmentCoverage, m.coverage.midCap).replace(/^coverage/, 'constituent coverage')})`;
  if (segment === 'LARGE') return { path: 'HSCI_LARGE', rule: 'sb-path-hsci', reason: `HSCI LargeCap constituent after the review${line}` };
  if (segment === 'MID') return { path: 'HSCI_MID', rule: 'sb-path-hsci', reason: `HSCI MidCap constituent after the review${line}` };
  const s = m.southbound;
  if (sbAvgHkd === null) return { path: null, rule: 'sb-smallcap-in', reason: 'HSCI SmallCap with no average market cap' };
  if (sbAvgHkd >= s.smallCapInHkd) return { path: 'HSCI_SMALL', rule: 'sb-smallcap-in', reason: `HSCI SmallCap, ${describeMoney('average', sbAvgHkd, s.smallCapInHkd)}` };
  if (before && !isAPlusH && sbAvgHkd >= s.smallCapKeepHkd) {
    return { path: 'HSCI_SMALL_RETAINED', rule: 'sb-smallcap-keep', reason: `HSCI SmallCap already eligible, ${describeMoney('average', sbAvgHkd, s.smallCapKeepHkd)}` };
  }
  if (before && !isAPlusH) return { path: null, rule: 'sb-smallcap-keep', reason: `HSCI SmallCap, ${describeMoney('average', sbAvgHkd, s.smallCapKeepHkd)}` };
  const note = before ? ' (A+H: the retention buffer does not apply)' : '';
  return { path: null, rule: 'sb-smallcap-in', reason: `HSCI SmallCap, ${describeMoney('average', sbAvgHkd, s.smallCapInHkd)}${note}` };
}

/** docs/methodology.md §7: per channel SH / SZ, eligibility after the review with the path in or the rule out. */
export function screenSouthbound(input: SouthboundInput): SouthboundScreen {
  const { metrics, cutoff, methodology: m } = input;
  const unscreened = isSouthboundUnscreened(metrics);
  const exclusions = unscreened ? [] : checkSouthboundExclusions(metrics, cutoff);
  const excluded = exclusions.find((c) => c.outcome === 'fail') ?? null;
  const isAPlusH = metrics.aPlusH !== null;
  const wvrApplies = !unscreened && metrics.attrs.wvr && !isAPlusH && CHANNELS.some((ch) => !input.before[ch]);
  const wvr = wvrApplies ? checkWvr(metrics, input.effectiveDate, m) : null;
  const money = unscreened ? { checks: [], nearLines: [] } : checkMoneyLines(metrics, input.segmentAfter, input.before, wvr !== null, m);
  const checks: RuleOutcome[] = exclusions; // a fresh array from checkSouthboundExclusions: extended in place
  checks.push(...money.checks);
  if (wvr !== null) checks.push(...wvr.checks);
  if (metrics.aPlusH !== null && !unscreened) checks.push(checkAPlusH(metrics, cutoff));
  const channels = {} as Record<Channel, SouthboundChannelVerdict>;
  for (const ch of CHANNELS) {
    const before = input.before[ch];
    let v: Omit<SouthboundChannelVerdict, 'before' | 'borderline' | 'unscreened'>;
    if (unscreened) v = { after: before, path: null, rule: 'sb-unscreened', reason: `${metrics.attrs.type}: not screened by this tool, left as it is`, pending: null };
    else if (excluded) v = { after: false, path: null, rule: excluded.rule, reason: excluded.detail, pending: null };
    else v = decideChannel(input, ch, before, wvr);
    const borderline = decidingMoneyLines(money.nearLines, [{ ...v, before, unscreened }], metrics, input.effectiveDate).length > 0;
    channels[ch] = { after: v.after, path: v.path, rule: v.rule, reason: v.reason, pending: v.pending, before, borderline, unscreened };
    checks.push({ rule: v.rule, section: '§7', outcome: unscreened ? 'n/a' : v.after ? 'pass' : 'fail', detail: `${ch}: ${v.after ? `eligible (${v.path ?? 'unchanged'})` : 'not eligible'}: ${v.reason}` });
  }
  // Only the lines that decide a channel are close calls (issue 16).
  return { channels, checks, nearLines: decidingMoneyLines(money.nearLines, CHANNELS.map((ch) => channels[ch]), metrics, input.effectiveDate) };
}

function decideChannel(input: SouthboundInput, ch: Channel, before: boolean, wvr: ReturnType<typeof checkWvr> | null): Omit<SouthboundChannelVerdict, 'before' | 'borderline' | 'unscreened'> {
  const { metrics, methodology: m, cutoff } = input;
  const isAPlusH = metrics.aPlusH !== null;
  const hsci = findHsciPath(metrics.southboundAvgMarketCapHkd, input.segmentAfter, before, isAPlusH, m, input.segmentCoverage ?? null);
  if (hsci.path !== null) {
    // §7.3: a WVR company not yet eligible on this channel needs seasoning and the two 183-day tests too.
    if (wvr === null || before) return { after: true, path: hsci.path, rule: hsci.rule, reason: hsci.reason, pending: null };
    if (wvr.pass) return { after: true, path: hsci.path, rule: hsci.rule, reason: `${hsci.reason}; ${wvr.summary}`, pending: null };
    const pending = wvr.pendingOn !== null ? { event: 'WVR_SEASONED' as const, date: wvr.pendingOn } : null;
    return { after: false, path: null, rule: wvr.failedRule, reason: `${hsci.reason}; ${wvr.summary}`, pending };
  }
  const aPlusH = metrics.aPlusH;
  if (aPlusH !== null) {
    // §7.1.2: SZ when the A share is on SSE or SZSE; SH only when it is on SSE.
    if (ch === 'SZ' || aPlusH.exchange === 'SSE') {
      const from = aPlusH.eligibleFrom;
      if (from !== null && from <= cutoff) {
        return { after: true, path: 'A_PLUS_H', rule: 'sb-path-a-plus-h', reason: `A+H, A share on ${aPlusH.exchange} (${hsci.reason})`, pending: null };
      }
      const reason = from === null
        ? `new A+H listing whose eligibility date is past the trading calendar (${hsci.reason})`
        : `new A+H listing, eligible from ${from} after its stabilisation period, after the cut-off (${hsci.reason})`;
      return { after: false, path: null, rule: 'sb-a-plus-h-new', reason, pending: from !== null ? { event: 'A_PLUS_H_STABILISATION', date: from } : null };
    }
    return { after: false, path: null, rule: hsci.rule, reason: `${hsci.reason}; A share on ${aPlusH.exchange}: the A+H path opens SZ only`, pending: null };
  }
  return { after: false, path: null, rule: hsci.rule, reason: hsci.reason, pending: null };
}

function checkAPlusH(metrics: SecurityMetrics, cutoff: IsoDate): RuleOutcome {
  const a = metrics.aPlusH!;
  const ok = a.eligibleFrom !== null && a.eligibleFrom <= cutoff;
  return {
    rule: 'sb-path-a-plus-h', section: '§7.1.2', outcome: ok ? 'pass' : 'fail',
    detail: `A share on ${a.exchange} (${a.exchange === 'SSE' ? 'SH and SZ' : 'SZ only'}); ${a.eligibleFrom === null ? 'eligibility date unknown' : `eligible from ${a.eligibleFrom}`}`,
  };
}
