import type { InterimEvent } from '../../domain/types.js';
import { formatHkd, formatPercent } from '../format-figures.js';
import { isScreenedKind, recordIndexOf, type EventContext } from './event-context.js';

/**
 * docs/methodology.md §6.2 fast entry (an interim event, §8): an IPO whose market cap at the close of its
 * first trading day F is at least the cap of the constituent ranked ceil(topFraction x N) among
 * the N HSCI constituents trading (not suspended) on F (choice: a tie counts as within), added after the
 * close of its `afterTradingDays`-th trading day: the event is dated the next trading day.
 * An IPO without a record on F, or a day without constituent data, yields no event.
 */
export function findFastEntries(ctx: EventContext): InterimEvent[] {
  const { calendar, m } = ctx;
  const out: InterimEvent[] = [];
  for (const base of ctx.securities) {
    const first = calendar.onOrAfter(base.listingDate);
    if (first === null) continue;
    const last = calendar.addTradingDays(first, m.fastEntry.afterTradingDays - 1);
    const date = last === null ? null : calendar.after(last);
    if (!ctx.inRange(date)) continue;
    const attrs = ctx.attrsAt(base, first);
    const constituents = ctx.constituentsAt(first);
    if (!isScreenedKind(attrs, m) || constituents.has(attrs.code)) continue;
    const ipoCap = capOn(ctx, attrs.code, first);
    if (ipoCap === null) continue;
    const caps = [...constituents].map((c) => capOn(ctx, c, first)).filter((c): c is number => c !== null).sort((a, b) => b - a);
    if (caps.length === 0) continue;
    const lineRank = Math.max(1, Math.ceil(m.fastEntry.topFraction * caps.length));
    const lineCap = caps[lineRank - 1]!;
    if (ipoCap < lineCap) continue;
    const rank = caps.filter((c) => c > ipoCap).length + 1;
    out.push({
      code: attrs.code, name: attrs.name, event: 'FAST_ENTRY', date,
      reason: `fast entry: first-day market cap ${formatHkd(ipoCap)} on ${first} would rank ${rank} of ${caps.length} HSCI constituents (top ${formatPercent(m.fastEntry.topFraction, 0)}: rank ${lineRank}, ${formatHkd(lineCap)}); added after the close of its ${m.fastEntry.afterTradingDays}th trading day ${last}`,
    });
  }
  return out;
}

function capOn(ctx: EventContext, code: string, date: string): number | null {
  const s = ctx.seriesOf(code);
  if (!s) return null;
  const i = recordIndexOf(s, date);
  if (i < 0 || s.suspended[i] === 1 || !(s.marketCapHkd[i]! > 0)) return null;
  return s.marketCapHkd[i]!;
}
