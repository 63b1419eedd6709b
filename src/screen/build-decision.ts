import { CHANNELS, type Channel, type SecurityDecision } from '../domain/types.js';
import type { HsciPlacement } from './decide-hsci-review.js';
import type { SouthboundScreen } from './screen-southbound.js';

/** Sort by stock code ascending (docs/contract.md: lists are sorted by stock code). */
export function byCode(a: { readonly code: string }, b: { readonly code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * docs/methodology.md §9: one security's decision with every fact behind it: the per-security checks from rules/
 * (universe, average, liquidity, suspension, ...) followed by the screen's own (coverage, segment,
 * Southbound per channel), in the order applied.
 */
export function buildDecision(p: HsciPlacement, sb: SouthboundScreen): SecurityDecision {
  const southbound = {} as Record<Channel, SecurityDecision['southbound'][Channel]>;
  for (const ch of CHANNELS) {
    const v = sb.channels[ch];
    southbound[ch] = { before: v.before, after: v.after, path: v.path, rule: v.rule, reason: v.reason };
  }
  // The screen re-states some per-security rules as it applies them; the rules' own outcome is kept once.
  const restated = new Set(p.metrics.checks.map((c) => c.rule));
  const checks = [
    ...p.metrics.checks,
    ...p.verdict.checks.filter((c) => !restated.has(c.rule)),
    ...(p.segmentCheck ? [p.segmentCheck] : []),
    ...sb.checks,
  ];
  const borderline = p.verdict.borderline || sb.nearLines.length > 0;
  // A check near its line is flagged borderline only when that line decides the outcome (issue 16), so the
  // check lines and the decision's borderline list never disagree.
  const deciding = new Set([...(p.verdict.borderline ? [p.verdict.rule] : []), ...sb.nearLines.map((l) => l.line)]);
  const flagged = checks.map((c) => (c.borderline && !deciding.has(c.rule) ? { ...c, borderline: false } : c));
  return {
    code: p.metrics.code,
    name: p.metrics.name,
    inUniverse: p.metrics.universe.eligible,
    rank: p.entry?.rank ?? null,
    avgMarketCapHkd: p.avgMarketCapHkd,
    coverage: p.entry?.coverage ?? null,
    wasConstituent: p.wasConstituent,
    isConstituent: p.isConstituent,
    segmentBefore: p.segmentBefore,
    segmentAfter: p.segmentAfter,
    hsciOutcome: p.verdict.outcome,
    southbound,
    summary: summarize(p, sb),
    borderline,
    checks: flagged,
  };
}

function summarize(p: HsciPlacement, sb: SouthboundScreen): string {
  const seg = p.segmentAfter ? ` (${p.segmentAfter})` : '';
  const parts = [`HSCI ${p.verdict.outcome}${seg}: ${p.verdict.reason}`];
  for (const ch of CHANNELS) {
    const v = sb.channels[ch];
    if (v.unscreened) continue;
    if (v.after !== v.before) parts.push(`${ch} ${v.after ? `add via ${v.path}` : 'remove'}: ${v.reason}`);
    // The same condition as the review's pending list (screen-review.ts), so summary and list agree.
    if (!v.after && v.pending) parts.push(`${ch} pending ${v.pending.event} on ${v.pending.date}`);
  }
  return parts.join('; ');
}
