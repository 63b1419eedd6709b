import type { Board, Currency, IsoDate, RuleOutcome, SecurityAttributes, SecurityType } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { keepLast } from './keep-last.js';

/** §2: in the ranking universe, or the first rule that keeps the security out, with every check. */
export interface UniverseVerdict {
  readonly eligible: boolean;
  readonly rule: string;
  readonly reason: string;
  readonly checks: readonly RuleOutcome[];
}

/**
 * RULES.md §2 (ranking universe), the five conditions in order: Main Board, an eligible type,
 * the HKD counter, listed on or before C and not delisted on or before C, and at least one
 * non-suspended trading day in the averaging window (`tradingDays`, from §3).
 */
export function checkUniverse(
  attrs: SecurityAttributes, cutoff: IsoDate, tradingDays: number, m: Methodology,
): UniverseVerdict {
  const listed = attrs.listingDate <= cutoff && (attrs.delistingDate === null || attrs.delistingDate > cutoff);
  const shared = sharedOutcomesOf(m);
  const checks: RuleOutcome[] = [
    shared.board(attrs.board),
    shared.type(attrs.type),
    shared.currency(attrs.currency),
    outcome('hsci-universe-listed', '§2.4', listed, listedDetail(attrs, cutoff, listed)),
    outcome('hsci-universe-trading', '§2.5', tradingDays > 0,
      `${tradingDays} non-suspended trading day(s) in the averaging window; needs at least 1`),
  ];
  const failed = checks.find((c) => c.outcome === 'fail');
  return failed
    ? { eligible: false, rule: failed.rule, reason: `not in the ranking universe: ${failed.detail}`, checks }
    : { eligible: true, rule: IN_UNIVERSE.rule, reason: IN_UNIVERSE.detail, checks };
}

/** §2's summary outcome of a security in the ranking universe; its detail is the verdict's reason. */
export const IN_UNIVERSE: RuleOutcome = Object.freeze({ rule: 'hsci-universe', section: '§2', outcome: 'pass', detail: 'in the ranking universe' });

/**
 * The board, type and currency outcomes depend only on the value and the methodology: one frozen
 * outcome per distinct value, shared by every security of a review, instead of ~2,700 equal copies.
 */
const sharedOutcomesOf = keepLast((m: Methodology) => {
  const boards = m.universe.boards.join('/');
  const types = m.universe.types.join('/');
  const currencies = m.universe.currencies.join('/');
  return {
    board: perValue((board: Board) => outcome('hsci-universe-board', '§2.1', m.universe.boards.includes(board),
      `board ${board}; the universe takes ${boards}`)),
    type: perValue((type: SecurityType) => outcome('hsci-universe-type', '§2.2', m.universe.types.includes(type),
      `type ${type}; the universe takes ${types}`)),
    currency: perValue((currency: Currency) => outcome('hsci-universe-currency', '§2.3', m.universe.currencies.includes(currency),
      `${currency} counter; only the ${currencies} counter is ranked`)),
  };
});

function perValue<V extends string>(make: (value: V) => RuleOutcome): (value: V) => RuleOutcome {
  const made = new Map<V, RuleOutcome>();
  return (value) => {
    let o = made.get(value);
    if (o === undefined) {
      o = Object.freeze(make(value));
      made.set(value, o);
    }
    return o;
  };
}

function listedDetail(attrs: SecurityAttributes, cutoff: IsoDate, listed: boolean): string {
  if (attrs.listingDate > cutoff) return `listed on ${attrs.listingDate}, after the cut-off ${cutoff}`;
  if (!listed) return `delisted on ${attrs.delistingDate}, on or before the cut-off ${cutoff}`;
  return `listed on ${attrs.listingDate}, on or before the cut-off ${cutoff}, and not delisted`;
}

function outcome(rule: string, section: string, pass: boolean, detail: string): RuleOutcome {
  return { rule, section, outcome: pass ? 'pass' : 'fail', detail };
}
