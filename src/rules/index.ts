/** The per-security rules (docs/methodology.md §1-§5, §7, §8): pure functions of one security's facts. */
export type { SecurityMetrics } from './security-metrics.js';
export { computeSecurityMetrics, type SecurityMetricsInput } from './compute-security-metrics.js';
export { resolveAttributesAt, parseAttributeValue } from './resolve-attributes.js';
export { reviewKindOf, effectiveDateFor } from './review-dates.js';
export {
  listInterimEvents, eventsSeriesStart, type InterimEventsInput, type HsciSnapshot,
} from './list-interim-events.js';
