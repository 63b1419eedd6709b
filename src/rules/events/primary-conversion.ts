import type { InterimEvent } from '../../domain/types.js';
import { parseAttributeValue } from '../resolve-attributes.js';
import { shiftDays } from '../calendar-math.js';
import type { EventContext } from './event-context.js';

/**
 * docs/methodology.md §7.2 / §8: a dated change of `secondary_listing` to false on a security that was a
 * secondary listing the day before: the secondary-listing exclusion ends on that date, so it
 * can become Southbound-eligible at the next review.
 */
export function findPrimaryConversions(ctx: EventContext): InterimEvent[] {
  const out: InterimEvent[] = [];
  for (const base of ctx.securities) {
    for (const c of ctx.changesOf(base.code)) {
      if (c.field !== 'secondary_listing' || !ctx.inRange(c.date) || parseAttributeValue(c.field, c.value) !== false) continue;
      if (!ctx.attrsAt(base, shiftDays(c.date, -1)).secondaryListing) continue;
      out.push({
        code: base.code, name: ctx.attrsAt(base, c.date).name, event: 'PRIMARY_CONVERSION', date: c.date,
        reason: `converted from a secondary to a primary listing on ${c.date}: no longer excluded from Southbound; eligible at the next review`,
      });
    }
  }
  return out;
}
