import { CHANNELS, type Channel, type RuleOutcome, type SecurityDecision } from '../domain/types.js';
import type { HsciPlacement } from './decide-hsci-review.js';
import type { SouthboundScreen } from './screen-southbound.js';

/** Sort by stock code ascending (CONTRACT.md: lists are sorted by stock code). */
export function byCode(a: { readonly code: string }, b: { readonly code: string }): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/**
 * RULES.md §9: one security's decision with every fact behind it: the per-security checks from rules/
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
  // Indexed loops here and in hasRule: these run ~2,700 times a review, mostly before the JIT has
  // optimized them, and an unoptimized for-of allocates an iterator result per element.
  const own = p.verdict.checks;
  const checks = p.metrics.checks.slice();
  for (let i = 0; i < own.length; i++) if (!hasRule(p.metrics.checks, own[i]!.rule)) checks.push(own[i]!);
  if (p.segmentCheck) checks.push(p.segmentCheck);
  for (let i = 0; i < sb.checks.length; i++) checks.push(sb.checks[i]!);
  const borderline = p.verdict.borderline || sb.nearLines.length > 0;
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
    checks,
  };
}

/** A linear search: a security has a dozen checks, fewer than a Set would pay for itself. */
function hasRule(checks: readonly RuleOutcome[], rule: string): boolean {
  for (let i = 0; i < checks.length; i++) if (checks[i]!.rule === rule) return true;
  return false;
}

function summarize(p: HsciPlacement, sb: SouthboundScreen): string {
  const seg = p.segmentAfter ? ` (${p.segmentAfter})` : '';
  const parts = [`HSCI ${p.verdict.outcome}${seg}: ${p.verdict.reason}`];
  for (const ch of CHANNELS) {
    const v = sb.channels[ch];
    if (v.unscreened) continue;
    if (v.after !== v.before) parts.push(`${ch} ${v.after ? `add via ${v.path}` : 'remove'}: ${v.reason}`);
    else if (v.pending) parts.push(`${ch} pending ${v.pending.event} on ${v.pending.date}`);
  }
  return parts.join('; ');
}
