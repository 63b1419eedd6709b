import type { Channel, RuleOutcome, SecurityDecision } from '../domain/types.js';
import { formatDistance } from './number-format.js';

/** What the diff says about one mismatched code: why the review predicted otherwise (docs/methodology.md §9). */
export interface MismatchFacts {
  /** The whole explanation: outcome, summary, each channel's verdict, the deciding check with its distance. */
  readonly explanation: string;
  /** One short line for the table: the outcome and the deciding figure against its line. */
  readonly reason: string;
  /** The id of the deciding rule ('' when the security was not screened). */
  readonly rule: string;
  readonly predicted: string;
  readonly borderline: boolean;
}

/**
 * Explains a mismatch from the run's decision: the outcome predicted, the one-line summary, then the
 * decisive rule with its figures and signed distance to its line, and whether the name was borderline.
 * `channels` null: an HSCI list; otherwise the Southbound channels the list covers, each explained by
 * its own verdict and its own deciding check (an SZ row never cites the SH check).
 */
export function explainMismatch(
  d: SecurityDecision | undefined, channels: readonly Channel[] | null, code: string, hsciRule?: string,
): MismatchFacts {
  if (!d) {
    return {
      explanation: `${code} was not screened: the store holds no security record for it at this cut-off`,
      reason: 'not screened: no security record at this cut-off', rule: '', predicted: 'NOT_SCREENED', borderline: false,
    };
  }
  const borderline = d.borderline ? 'borderline' : '';
  if (channels === null) {
    const hsci = d.checks.filter((c) => !c.section.startsWith('§7'));
    const check = hsci.find((c) => c.rule === hsciRule) ?? hsci.find((c) => c.outcome === 'fail') ?? closestCoverageCheck(hsci);
    return {
      explanation: join([`predicted ${d.hsciOutcome}: ${d.summary}`, describeCheck(check), borderline], '; '),
      reason: join([`predicted ${d.hsciOutcome}`, check ? shortCheck(check) : d.summary], ': '),
      rule: check?.rule ?? '', predicted: d.hsciOutcome, borderline: d.borderline,
    };
  }
  const perChannel = channels.map((ch) => ({ ch, sb: d.southbound[ch], check: channelCheck(d, ch) }));
  const explanation = perChannel.map(({ ch, sb, check }) => {
    const state = `${ch} ${sb.before ? 'on the list' : 'not on the list'} before, ${sb.after ? `eligible after (${sb.path ?? 'path not recorded'})` : 'not eligible after'}`;
    return join([`${state}: ${sb.rule}, ${sb.reason}`, describeCheck(check)], '; ');
  });
  const reason = perChannel.map(({ ch, sb, check }) => `${ch} ${sb.after ? `eligible (${sb.path ?? 'unchanged'})` : 'not eligible'}: ${shortCheck(check)}`);
  return {
    explanation: join([...explanation, borderline], '; '),
    reason: reason.join(' | '),
    rule: [...new Set(perChannel.map((p) => p.check.rule))].join(' '),
    predicted: channels.map((ch) => `${ch}:${d.southbound[ch].after ? 'ELIGIBLE' : 'NOT_ELIGIBLE'}`).join(' '),
    borderline: d.borderline,
  };
}

/**
 * The check that decided channel `ch`: the figure-bearing check of the channel's own rule (a money line,
 * the WVR or A+H tests, an exclusion: shared by both channels, as their figures are), else the channel's
 * own verdict. The per-channel verdict checks the screen records (section §7, detail "SH: ...") are never
 * searched by rule: both channels often share a rule id, and the first found would be SH's.
 */
function channelCheck(d: SecurityDecision, ch: Channel): RuleOutcome {
  const sb = d.southbound[ch];
  const shared = d.checks.find((c) => c.rule === sb.rule && c.section !== CHANNEL_VERDICT_SECTION);
  return shared ?? { rule: sb.rule, section: CHANNEL_VERDICT_SECTION, outcome: sb.after ? 'pass' : 'fail', detail: `${ch}: ${sb.reason}` };
}

/** The section screen-southbound gives each channel's verdict check (src/screen/screen-southbound.ts). */
const CHANNEL_VERDICT_SECTION = '§7';

/** Of the coverage checks (§6.1 add and delete lines), the one whose line is nearest. */
function closestCoverageCheck(checks: readonly RuleOutcome[]): RuleOutcome | undefined {
  const gap = (c: RuleOutcome) => Math.abs((c.value ?? Infinity) - (c.threshold ?? 0));
  return checks.filter((c) => c.rule.includes('coverage') && c.value !== undefined).sort((a, b) => gap(a) - gap(b))[0];
}

function describeCheck(c: RuleOutcome | undefined): string {
  if (!c) return '';
  return `decisive rule ${c.rule} (${c.section}, ${c.outcome}): ${c.detail}${hasKnownLine(c) ? ` (${formatDistance(c.value!, c.threshold!)} from the line)` : ''}`;
}

/** "hsci-coverage-add, coverage 95.6%, 1.6 points past the 94% line": the rule and its figure against the line. */
function shortCheck(c: RuleOutcome): string {
  return `${c.rule}, ${c.detail.replace(/^(SH|SZ): /, '')}`;
}

/** A distance is given only where the unit is known: coverage points or HK$ (else the detail says it). */
function hasKnownLine(c: RuleOutcome): boolean {
  if (c.value === undefined || c.threshold === undefined) return false;
  return c.rule.includes('coverage') || c.threshold >= MONEY_LINE_MIN_HKD;
}

/** Money lines are HK$ amounts in the billions; counts of months or velocities are far below this. */
const MONEY_LINE_MIN_HKD = 1_000_000;

function join(parts: readonly string[], separator: string): string {
  return parts.filter((p) => p !== '').join(separator);
}
