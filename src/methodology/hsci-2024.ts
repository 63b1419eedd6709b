import type { Methodology } from './types.js';
import { HSCI_2025 } from './hsci-2025.js';

/**
 * The older reading (docs/methodology.md §3 "Month-end method", §7.1.1 choice): the 12-month average is the
 * mean of month-end market caps, for the HSCI ranking and the Southbound money lines alike.
 * Everything else as `hsci-2025`.
 */
export const HSCI_2024: Methodology = {
  ...HSCI_2025,
  id: 'hsci-2024',
  description: 'HSCI and Southbound rules with month-end averaging of market cap (before the December 2024 review)',
  averaging: { ...HSCI_2025.averaging, method: 'month-end' },
  southbound: { ...HSCI_2025.southbound, averaging: 'month-end' },
};
