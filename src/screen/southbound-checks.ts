import { CHANNELS, type Channel, type IsoDate, type RuleOutcome, type Segment } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { describeMoney, formatHkd } from './format-figures.js';

/** A money line of docs/methodology.md §9 a security sits near (within the borderline margin). */
export interface MoneyLine {
  readonly line: string;
  readonly value: number;
  readonly threshold: number;
  readonly distance: string;
}

/** docs/methodology.md §9: within the money margin (default 10%) of a line. */
export function isNearMoneyLine(valueHkd: number, lineHkd: number, m: Methodology): boolean {
  return Math.abs(valueHkd - lineHkd) <= m.borderline.moneyFraction * lineHkd;
}

function moneyCheck(rule: string, section: string, label: string, valueHkd: number | null, lineHkd: number, m: Methodology): { check: RuleOutcome; near: MoneyLine | null } {
  if (valueHkd === null) return { check: { rule, section, outcome: 'fail', detail: `${label}: no value` }, near: null };
  const detail = describeMoney(label, valueHkd, lineHkd);
  const near = isNearMoneyLine(valueHkd, lineHkd, m);
  return {
    check: { rule, section, outcome: valueHkd >= lineHkd ? 'pass' : 'fail', detail, value: valueHkd, threshold: lineHkd, distance: valueHkd - lineHkd, borderline: near },
    near: near ? { line: rule, value: valueHkd, threshold: lineHkd, distance: detail.replace(/^[^,]+, /, '') } : null,
  };
}

/**
 * docs/methodology.md §7.1.1 money lines of a SmallCap constituent: the HK$5bn way in and, when it is already on a
 * channel and not A+H, the HK$4bn retention buffer; §7.3 the WVR 183-day lines when they apply.
 */
export function checkMoneyLines(
  metrics: SecurityMetrics, segment: Segment | null, before: Readonly<Record<Channel, boolean>>, wvrApplies: boolean, m: Methodology,
): { checks: RuleOutcome[]; nearLines: MoneyLine[] } {
  const out: Array<{ check: RuleOutcome; near: MoneyLine | null }> = [];
  const avg = metrics.southboundAvgMarketCapHkd;
  if (segment === 'SMALL') {
    out.push(moneyCheck('sb-smallcap-in', '§7.1.1', 'Southbound average', avg, m.southbound.smallCapInHkd, m));
    if (metrics.aPlusH === null && CHANNELS.some((ch) => before[ch])) {
      out.push(moneyCheck('sb-smallcap-keep', '§7.1.1', 'Southbound average', avg, m.southbound.smallCapKeepHkd, m));
    }
  }
  if (wvrApplies && metrics.wvr !== null) {
    const w = m.southbound.wvr;
    out.push(moneyCheck('sb-wvr-183d-cap', '§7.3', `${w.windowDays}-day average`, metrics.wvr.avgMarketCapHkd, w.avgMarketCapHkd, m));
    out.push(moneyCheck('sb-wvr-183d-turnover', '§7.3', `${w.windowDays}-day turnover`, metrics.wvr.turnoverHkd, w.turnoverHkd, m));
  }
  return { checks: out.map((o) => o.check), nearLines: out.flatMap((o) => (o.near ? [o.near] : [])) };
}

/** The outcome of the §7.3 WVR gate for a WVR company not yet eligible on a channel. */
export interface WvrGate {
  readonly pass: boolean;
  readonly failedRule: string;
  readonly summary: string;
  /** Passes both 183-day tests but is seasoned only after E: the day it becomes eligible. */
  readonly pendingOn: IsoDate | null;
  readonly checks: RuleOutcome[];
}

/** docs/methodology.md §7.3: seasoning by E (6 months + 20 trading days) and the two 183-day tests. */
export function checkWvr(metrics: SecurityMetrics, effectiveDate: IsoDate, m: Methodology): WvrGate {
  const w = metrics.wvr;
  const p = m.southbound.wvr;
  if (w === null) {
    return { pass: false, failedRule: 'sb-wvr-183d-cap', summary: 'WVR company without its 183-day facts', pendingOn: null, checks: [] };
  }
  const seasoned = w.seasonedOn !== null && w.seasonedOn <= effectiveDate;
  const seasoning: RuleOutcome = {
    rule: 'sb-wvr-seasoning', section: '§7.3', outcome: seasoned ? 'pass' : 'fail',
    detail: `seasoned (${p.seasoningMonths} months + ${p.seasoningTradingDays} trading days) on ${w.seasonedOn ?? 'a day past the calendar'}, ${seasoned ? 'on or before' : 'after'} the effective date ${effectiveDate}`,
  };
  const cap = w.avgMarketCapHkd !== null && w.passesCap;
  const turnover = w.passesTurnover;
  const figures = `WVR ${p.windowDays}-day average ${w.avgMarketCapHkd === null ? 'n/a' : formatHkd(w.avgMarketCapHkd)}, turnover ${formatHkd(w.turnoverHkd)}`;
  if (cap && turnover && seasoned) return { pass: true, failedRule: '', summary: `${figures}: WVR tests passed, seasoned by the effective date ${effectiveDate}`, pendingOn: null, checks: [seasoning] };
  if (!cap) {
    const d = w.avgMarketCapHkd === null ? 'no average' : describeMoney(`${p.windowDays}-day average`, w.avgMarketCapHkd, p.avgMarketCapHkd);
    return { pass: false, failedRule: 'sb-wvr-183d-cap', summary: `WVR ${d}`, pendingOn: null, checks: [seasoning] };
  }
  if (!turnover) {
    return { pass: false, failedRule: 'sb-wvr-183d-turnover', summary: `WVR ${describeMoney(`${p.windowDays}-day turnover`, w.turnoverHkd, p.turnoverHkd)}`, pendingOn: null, checks: [seasoning] };
  }
  return {
    pass: false, failedRule: 'sb-wvr-seasoning',
    summary: `${figures}: WVR tests passed but seasoned only on ${w.seasonedOn ?? 'a day past the calendar'}, after the effective date ${effectiveDate}`,
    pendingOn: w.seasonedOn, checks: [seasoning],
  };
}
