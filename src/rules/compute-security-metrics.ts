import { shiftDays, shiftMonths } from './calendar-math.js';
import type { TradingCalendar } from '../domain/calendar.js';
import type { AttributeChange, DailySeries, IsoDate, SecurityAttributes } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from './security-metrics.js';
import { resolveAttributesAt, parseAttributeValue } from './resolve-attributes.js';
import { scanSeries } from './scan-series.js';
import { checkUniverse } from './universe.js';
import { averageMarketCapOf, describeAverage } from './average-market-cap.js';
import { describeSuspension, judgeSuspension } from './suspension.js';
import { describeLiquidity, judgeLiquidity } from './liquidity.js';
import { describeWvr, judgeWvr } from './wvr.js';
import { describeAPlusH, judgeAPlusH } from './a-plus-h.js';

/** What the per-security rules need about one security at one cut-off. */
export interface SecurityMetricsInput {
  /** Base attributes (the securities table row). */
  readonly attrs: SecurityAttributes;
  /** All dated changes of this security. */
  readonly changes: readonly AttributeChange[];
  /** Records from at least C - (windowMonths + prolongedSuspensionMonths + 1) months to C inclusive, ascending. */
  readonly series: DailySeries;
  readonly calendar: TradingCalendar;
  readonly cutoff: IsoDate;
  readonly effectiveDate: IsoDate;
  readonly methodology: Methodology;
}

/**
 * The facts of docs/methodology.md §2-§5 and §7.1.3/§7.3 about one security at cut-off C, with every rule
 * outcome in the order applied. One pass over the series (scanSeries) gathers the daily facts.
 */
export function computeSecurityMetrics(input: SecurityMetricsInput): SecurityMetrics {
  const { series, calendar, cutoff, effectiveDate, methodology: m } = input;
  const attrs = resolveAttributesAt(input.attrs, input.changes, cutoff);
  const { wvrWindowStart, windowStartExclusive, wvrStartExclusive } = windowDatesOf(cutoff, m);
  const scan = scanSeries({
    series, calendar, cutoff,
    listingDate: attrs.listingDate,
    delistingDate: attrs.delistingDate,
    windowStartExclusive,
    wvrStartExclusive,
    prolongedSuspensionMonths: m.averaging.prolongedSuspensionMonths,
    ...freeFloatTimeline(input, m.liquidity.defaultFreeFloat),
  });
  const universe = checkUniverse(attrs, cutoff, scan.days, m);
  const suspension = judgeSuspension(scan, cutoff, m);
  const liquidity = judgeLiquidity(scan, cutoff, m);
  const wvr = attrs.wvr ? judgeWvr(scan, attrs.listingDate, wvrWindowStart, calendar, m) : null;
  const aPlusH = judgeAPlusH(attrs, calendar, m);
  const checks = [
    ...universe.checks,
    describeAverage(scan, m.averaging.method, cutoff),
    ...describeSuspension(suspension, cutoff, m),
    describeLiquidity(liquidity, m),
    ...(wvr ? describeWvr(wvr, cutoff, effectiveDate, m) : []),
    ...(aPlusH ? [describeAPlusH(aPlusH, cutoff, m)] : []),
  ];
  const warnings = scan.dataGapDays > 0
    ? [`${attrs.code}: ${scan.dataGapDays} trading day(s) without a daily record in the averaging window (first ${scan.firstGapDate}); left out of the average and liquidity`]
    : [];
  return {
    code: attrs.code,
    name: attrs.name,
    attrs,
    universe: { eligible: universe.eligible, rule: universe.rule, reason: universe.reason },
    average: {
      avgMarketCapHkd: averageMarketCapOf(scan, m.averaging.method),
      method: m.averaging.method,
      windowStart: scan.firstDay,
      windowEnd: cutoff,
      daysUsed: scan.days,
      dataGapDays: scan.dataGapDays,
      restartedOn: scan.restartedOn,
    },
    southboundAvgMarketCapHkd: averageMarketCapOf(scan, m.southbound.averaging),
    liquidity,
    suspension,
    wvr,
    aPlusH: aPlusH ? { exchange: aPlusH.exchange, eligibleFrom: aPlusH.eligibleFrom } : null,
    capOnCutoffHkd: scan.capOnCutoffHkd,
    checks,
    warnings,
  };
}

interface WindowDates { readonly wvrWindowStart: IsoDate; readonly windowStartExclusive: IsoDate; readonly wvrStartExclusive: IsoDate }

/** The window bounds of a review: §3's W = (C - windowMonths, C] and §7.3's 183 days ending on C. */
function windowDatesOf(cutoff: IsoDate, m: Methodology): WindowDates {
  const wvrWindowStart = shiftDays(cutoff, -m.southbound.wvr.windowDays + 1);
  return { wvrWindowStart, windowStartExclusive: shiftMonths(cutoff, -m.averaging.windowMonths), wvrStartExclusive: shiftDays(wvrWindowStart, -1) };
}

/**
 * The free float on the series' first day and its later dated changes (§5: velocity uses the ratio
 * as it stood each day; none given means the default).
 */
function freeFloatTimeline(input: SecurityMetricsInput, fallback: number) {
  const changes = input.changes
    .filter((c) => c.field === 'free_float' && c.code === input.attrs.code)
    .map((c) => ({ date: c.date, value: (parseAttributeValue('free_float', c.value) as number | null) ?? fallback }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  if (changes.length === 0) return { freeFloat: input.attrs.freeFloat ?? fallback, freeFloatChanges: [] };
  // The series' first day (C when it has none); only asked for here, where a change may precede it.
  const firstDay = input.series.dates[0] ?? input.cutoff;
  const before = changes.filter((c) => c.date <= firstDay);
  const start = before.length > 0 ? before[before.length - 1]!.value : (input.attrs.freeFloat ?? fallback);
  return { freeFloat: start, freeFloatChanges: changes.filter((c) => c.date > firstDay) };
}
