import type { IsoDate, RuleOutcome, SecurityType } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/**
 * docs/methodology.md §7.2: types this tool does not screen for Southbound at all (ETFs and other funds follow
 * their own rules): on a current list they are left alone, never added or removed.
 */
export const SOUTHBOUND_UNSCREENED_TYPES: ReadonlySet<SecurityType> = new Set<SecurityType>(['ETF', 'FUND']);

/** The one screened type: ordinary equity (H share, red chip, WVR, ...). Any other type is excluded (§7.2). */
const SOUTHBOUND_ELIGIBLE_TYPE: SecurityType = 'EQUITY';

export function isSouthboundUnscreened(metrics: SecurityMetrics): boolean {
  return SOUTHBOUND_UNSCREENED_TYPES.has(metrics.attrs.type);
}

/**
 * docs/methodology.md §7.2, the ways out that override every way in, as checks in a fixed order:
 * listed at C, HKD counter, not a secondary listing, an eligible type, A share not under risk alert.
 * Attributes are those in force on C (dated changes applied), so a conversion to primary listing
 * counts from its recorded date.
 */
export function checkSouthboundExclusions(metrics: SecurityMetrics, cutoff: IsoDate): RuleOutcome[] {
  const a = metrics.attrs;
  const delisted = a.delistingDate !== null && a.delistingDate <= cutoff;
  const checks: RuleOutcome[] = [
    delisted
      ? { rule: 'sb-exclusion-delisted', section: '§2', outcome: 'fail', detail: `delisted on ${a.delistingDate}` }
      : { rule: 'sb-exclusion-delisted', section: '§2', outcome: 'pass', detail: 'listed on the cut-off' },
    a.currency === 'HKD'
      ? { rule: 'sb-exclusion-currency', section: '§7.2', outcome: 'pass', detail: 'HKD counter' }
      : { rule: 'sb-exclusion-currency', section: '§7.2', outcome: 'fail', detail: `${a.currency} counter, not the HKD counter` },
    a.secondaryListing
      ? { rule: 'sb-exclusion-secondary', section: '§7.2', outcome: 'fail', detail: 'secondary listing on the cut-off (primary listing elsewhere)' }
      : { rule: 'sb-exclusion-secondary', section: '§7.2', outcome: 'pass', detail: 'primary listing in Hong Kong' },
    a.type === SOUTHBOUND_ELIGIBLE_TYPE
      ? { rule: 'sb-exclusion-type', section: '§7.2', outcome: 'pass', detail: 'ordinary equity' }
      : { rule: 'sb-exclusion-type', section: '§7.2', outcome: 'fail', detail: `${a.type} is not an eligible Southbound type` },
  ];
  if (a.aShareExchange !== null) {
    checks.push(a.aShareRiskAlert
      ? {
        rule: 'sb-exclusion-risk-alert', section: '§7.2', outcome: 'fail',
        detail: 'A share under risk alert (ST/*ST), suspended from listing or in delisting arrangements on the cut-off',
      }
      : { rule: 'sb-exclusion-risk-alert', section: '§7.2', outcome: 'pass', detail: 'A share not under risk alert' });
  }
  return checks;
}
