import type { Channel, InterimEvent } from '../../domain/types.js';
import { judgeAPlusH } from '../a-plus-h.js';
import { isSouthboundExcludedOn, type EventContext } from './event-context.js';

/**
 * docs/methodology.md §7.1.3 / §8: the H share of a new A+H listing becomes Southbound-eligible on the first
 * trading day after its stabilisation end and its A share's 10th trading day; SZ always, SH only
 * with an SSE A share. Left out when §7.2 would keep it out on that day: delisted, not the HKD
 * counter, not ordinary equity, a secondary listing, or an A share under risk alert.
 */
export function findAPlusHListings(ctx: EventContext): InterimEvent[] {
  const out: InterimEvent[] = [];
  for (const base of ctx.securities) {
    const facts = judgeAPlusH(ctx.attrsAt(base, ctx.to), ctx.calendar, ctx.m);
    if (facts === null || !ctx.inRange(facts.eligibleFrom)) continue;
    const attrs = ctx.attrsAt(base, facts.eligibleFrom);
    if (isSouthboundExcludedOn(attrs, facts.eligibleFrom)) continue;
    const channels: Channel[] = facts.exchange === 'SSE' ? ['SH', 'SZ'] : ['SZ'];
    const stab = facts.stabilisationRecorded
      ? `stabilisation ended ${facts.stabilisationEnd}`
      : `stabilisation assumed ended ${facts.stabilisationEnd} (listing + ${ctx.m.southbound.aPlusH.stabilisationDays} days)`;
    const aShare = facts.aShareSeasonedOn === null
      ? 'A share already listed'
      : `A share (${facts.exchange}) reached its ${ctx.m.southbound.aPlusH.aShareSeasoningTradingDays}th trading day on ${facts.aShareSeasonedOn}`;
    out.push({
      code: attrs.code, name: attrs.name, event: 'A_PLUS_H_STABILISATION', date: facts.eligibleFrom,
      reason: `new A+H listing: ${stab}; ${aShare}; Southbound-eligible on ${channels.join(' and ')}`,
    });
  }
  return out;
}
