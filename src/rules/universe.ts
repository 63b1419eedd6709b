import type { IsoDate, RuleOutcome, SecurityAttributes } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/** §2: in the ranking universe, or the first rule that keeps the security out, with every check. */
export interface UniverseVerdict {
  readonly eligible: boolean;
  readonly rule: string;
  readonly reason: string;
  readonly checks: readonly RuleOutcome[];
}

/**
 * docs/methodology.md §2 (ranking universe), the five conditions in order: Main Board, an eligible type,
 * the HKD counter, listed on or before C and not delisted on or before C, and at least one
 * non-suspended trading day in the averaging window (`tradingDays`, from §3).
 */
export function checkUniverse(
  attrs: SecurityAttributes, cutoff: IsoDate, tradingDays: number, m: Methodology,
): UniverseVerdict {
  const listed = attrs.listingDate <= cutoff && (attrs.delistingDate === null || attrs.delistingDate > cutoff);
  const u = m.universe;
  const checks: RuleOutcome[] = [
    outcome('hsci-universe-board', '§2.1', u.boards.includes(attrs.board), `board ${attrs.board}; the universe takes ${u.boards.join('/')}`),
    outcome('hsci-universe-type', '§2.2', u.types.includes(attrs.type), `type ${attrs.type}; the universe takes ${u.types.join('/')}`),
    outcome('hsci-universe-currency', '§2.3', u.currencies.includes(attrs.currency),
      `${attrs.currency} counter; only the ${u.currencies.join('/')} counter is ranked`),
    outcome('hsci-universe-listed', '§2.4', listed, listedDetail(attrs, cutoff, listed)),
    outcome('hsci-universe-trading', '§2.5', tradingDays > 0,
      `${tradingDays} non-suspended trading day(s) in the averaging window; needs at least 1`),
  ];
  const failed = checks.find((c) => c.outcome === 'fail');
  if (failed) return { eligible: false, rule: failed.rule, reason: `not in the ranking universe: ${failed.detail}`, checks };
  const summary = inUniverse();
  return { eligible: true, rule: summary.rule, reason: summary.detail, checks };
}

/** §2's summary outcome of a security in the ranking universe; its detail is the verdict's reason. */
export function inUniverse(): RuleOutcome {
  return { rule: 'hsci-universe', section: '§2', outcome: 'pass', detail: 'in the ranking universe' };
}

function listedDetail(attrs: SecurityAttributes, cutoff: IsoDate, listed: boolean): string {
  if (attrs.listingDate > cutoff) return `listed on ${attrs.listingDate}, after the cut-off ${cutoff}`;
  if (!listed) return `delisted on ${attrs.delistingDate}, on or before the cut-off ${cutoff}`;
  return `listed on ${attrs.listingDate}, on or before the cut-off ${cutoff}, and not delisted`;
}

function outcome(rule: string, section: string, pass: boolean, detail: string): RuleOutcome {
  return { rule, section, outcome: pass ? 'pass' : 'fail', detail };
}
