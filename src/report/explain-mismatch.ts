import type { Channel, RuleOutcome, SecurityDecision } from '../domain/types.js';
import { formatDistance } from './number-format.js';

/** What the diff says about one mismatched code: why the review predicted otherwise (docs/methodology.md §9). */
export interface MismatchFacts {
  readonly explanation: string;
  readonly predicted: string;
  readonly borderline: boolean;
}

/**
 * Explains a mismatch from the run's decision: the outcome predicted, the one-line summary, then the
 * decisive rule with its figures and signed distance to its line, and whether the name was borderline.
 * `channels` null: an HSCI list; otherwise the Southbound channels the list covers.
 */
export function explainMismatch(
  d: SecurityDecision | undefined, channels: readonly Channel[] | null, code: string, hsciRule?: string,
): MismatchFacts {
  if (!d) {
    return {
      explanation: `${code} was not screened: the store holds no security record for it at this cut-off`,
      predicted: 'NOT_SCREENED', borderline: false,
    };
  }
  if (channels === null) {
    const hsci = d.checks.filter((c) => !c.section.startsWith('§7'));
    const check = hsci.find((c) => c.rule === hsciRule) ?? hsci.find((c) => c.outcome === 'fail') ?? closestCoverageCheck(hsci);
    return { explanation: join([`predicted ${d.hsciOutcome}: ${d.summary}`, describeCheck(check), d.borderline ? 'borderline' : '']), predicted: d.hsciOutcome, borderline: d.borderline };
  }
  const parts = channels.map((ch) => {
    const sb = d.southbound[ch];
    const state = `${ch} ${sb.before ? 'on the list' : 'not on the list'} before, ${sb.after ? `eligible after (${sb.path ?? 'path not recorded'})` : 'not eligible after'}`;
    return `${state}: ${sb.rule}, ${sb.reason}`;
  });
  const rules = new Set(channels.map((ch) => d.southbound[ch].rule));
  const sbChecks = d.checks.filter((c) => c.section.startsWith('§7'));
  const check = d.checks.find((c) => rules.has(c.rule)) ?? sbChecks.find((c) => c.outcome === 'fail') ?? sbChecks.find((c) => c.borderline);
  const predicted = channels.map((ch) => `${ch}:${d.southbound[ch].after ? 'ELIGIBLE' : 'NOT_ELIGIBLE'}`).join(' ');
  return { explanation: join([...parts, describeCheck(check), d.borderline ? 'borderline' : '']), predicted, borderline: d.borderline };
}

/** Of the coverage checks (§6.1 add and delete lines), the one whose line is nearest. */
function closestCoverageCheck(checks: readonly RuleOutcome[]): RuleOutcome | undefined {
  const gap = (c: RuleOutcome) => Math.abs((c.value ?? Infinity) - (c.threshold ?? 0));
  return checks.filter((c) => c.rule.includes('coverage') && c.value !== undefined).sort((a, b) => gap(a) - gap(b))[0];
}

function describeCheck(c: RuleOutcome | undefined): string {
  if (!c) return '';
  return `decisive rule ${c.rule} (${c.section}, ${c.outcome}): ${c.detail}${describeDistance(c)}`;
}

/** The signed distance in the line's unit, where the unit is known: coverage points or HK$ (else the detail says it). */
function describeDistance(c: RuleOutcome): string {
  if (c.value === undefined || c.threshold === undefined) return '';
  const coverage = c.rule.includes('coverage');
  const money = c.threshold >= MONEY_LINE_MIN_HKD;
  return coverage || money ? ` (${formatDistance(c.value, c.threshold)} from the line)` : '';
}

/** Money lines are HK$ amounts in the billions; counts of months or velocities are far below this. */
const MONEY_LINE_MIN_HKD = 1_000_000;

function join(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('; ');
}
