import type { IsoDate, RuleOutcome, SecurityType } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/**
 * RULES.md §7.2: types this tool does not screen for Southbound at all (ETFs and other funds follow
 * their own rules): on a current list they are left alone, never added or removed.
 */
export const SOUTHBOUND_UNSCREENED_TYPES: ReadonlySet<SecurityType> = new Set<SecurityType>(['ETF', 'FUND']);

/** The one screened type: ordinary equity (H share, red chip, WVR, ...). Any other type is excluded (§7.2). */
const SOUTHBOUND_ELIGIBLE_TYPE: SecurityType = 'EQUITY';

export function isSouthboundUnscreened(metrics: SecurityMetrics): boolean {
  return SOUTHBOUND_UNSCREENED_TYPES.has(metrics.attrs.type);
}

/**
 * RULES.md §7.2, the ways out that override every way in, as checks in a fixed order:
 * listed at C, HKD counter, not a secondary listing, an eligible type, A share not under risk alert.
 * Attributes are those in force on C (dated changes applied), so a conversion to primary listing
 * counts from its recorded date.
 */
export function checkSouthboundExclusions(metrics: SecurityMetrics, cutoff: IsoDate): RuleOutcome[] {
  const a = metrics.attrs;
  const delisted = a.delistingDate !== null && a.delistingDate <= cutoff;
  const checks: RuleOutcome[] = [
    { rule: 'sb-exclusion-delisted', section: '§2', outcome: delisted ? 'fail' : 'pass', detail: delisted ? `delisted on ${a.delistingDate}` : 'listed on the cut-off' },
    { rule: 'sb-exclusion-currency', section: '§7.2', outcome: a.currency === 'HKD' ? 'pass' : 'fail', detail: a.currency === 'HKD' ? 'HKD counter' : `${a.currency} counter, not the HKD counter` },
    { rule: 'sb-exclusion-secondary', section: '§7.2', outcome: a.secondaryListing ? 'fail' : 'pass', detail: a.secondaryListing ? 'secondary listing on the cut-off (primary listing elsewhere)' : 'primary listing in Hong Kong' },
    {
      rule: 'sb-exclusion-type', section: '§7.2', outcome: a.type === SOUTHBOUND_ELIGIBLE_TYPE ? 'pass' : 'fail',
      detail: a.type === SOUTHBOUND_ELIGIBLE_TYPE ? 'ordinary equity' : `${a.type} is not an eligible Southbound type`,
    },
  ];
  if (a.aShareExchange !== null) {
    checks.push({
      rule: 'sb-exclusion-risk-alert', section: '§7.2', outcome: a.aShareRiskAlert ? 'fail' : 'pass',
      detail: a.aShareRiskAlert ? 'A share under risk alert (ST/*ST), suspended from listing or in delisting arrangements on the cut-off' : 'A share not under risk alert',
    });
  }
  return checks;
}
