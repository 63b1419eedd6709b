import type { Channel, RuleOutcome, SecurityDecision } from '../domain/types.js';
import { formatDistance } from './number-format.js';

/** What the diff says about one mismatched code: why the review predicted otherwise (RULES.md §9). */
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
export function explainMismatch(d: SecurityDecision | undefined, channels: readonly Channel[] | null, code: string): MismatchFacts {
  if (!d) {
    return {
      explanation: `${code} was not screened: the store holds no security record for it at this cut-off`,
      predicted: 'NOT_SCREENED', borderline: false,
    };
  }
  if (channels === null) {
    const check = pickDecisiveCheck(d.checks.filter((c) => !c.section.startsWith('§7')));
    return { explanation: join([`predicted ${d.hsciOutcome}: ${d.summary}`, describeCheck(check), d.borderline ? 'borderline' : '']), predicted: d.hsciOutcome, borderline: d.borderline };
  }
  const parts = channels.map((ch) => {
    const sb = d.southbound[ch];
    const state = `${ch} ${sb.before ? 'on the list' : 'not on the list'} before, ${sb.after ? `eligible after (${sb.path ?? 'path not recorded'})` : 'not eligible after'}`;
    return `${state}: ${sb.rule}, ${sb.reason}`;
  });
  const check = pickDecisiveCheck(d.checks.filter((c) => c.section.startsWith('§7') || channels.some((ch) => c.rule === d.southbound[ch].rule)));
  const predicted = channels.map((ch) => `${ch}:${d.southbound[ch].after ? 'ELIGIBLE' : 'NOT_ELIGIBLE'}`).join(' ');
  return { explanation: join([...parts, describeCheck(check), d.borderline ? 'borderline' : '']), predicted, borderline: d.borderline };
}

/** A borderline check decides most mismatches; else the first failed rule; else the first rule with a line. */
function pickDecisiveCheck(checks: readonly RuleOutcome[]): RuleOutcome | undefined {
  return checks.find((c) => c.borderline)
    ?? checks.find((c) => c.outcome === 'fail')
    ?? checks.find((c) => c.threshold !== undefined);
}

function describeCheck(c: RuleOutcome | undefined): string {
  if (!c) return '';
  const distance = c.value !== undefined && c.threshold !== undefined ? ` (${formatDistance(c.value, c.threshold)} from the line)` : '';
  return `decisive rule ${c.rule} (${c.section}, ${c.outcome}): ${c.detail}${distance}`;
}

function join(parts: readonly string[]): string {
  return parts.filter((p) => p !== '').join('; ');
}
