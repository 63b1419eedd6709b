import type { IsoDate } from '../domain/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';

/**
 * Warnings for every computation of a review that needed a day beyond the trading calendar (issue 16):
 * the effective date, a WVR company's seasoning date, a new A+H listing's eligibility date. Without
 * them such a review silently dropped its pending items. Pure: the calendar's last day, E as computed
 * (a plain Monday when the calendar does not reach it) and the per-security facts in.
 */
export function calendarReachWarnings(
  calendarLast: IsoDate | undefined, effectiveDate: IsoDate, metrics: readonly SecurityMetrics[],
): string[] {
  const end = calendarLast === undefined ? 'the trading calendar is empty' : `the trading calendar ends ${calendarLast}`;
  const fix = 'extend seeds/hk-holidays.csv (or load HKEX daily reports) and run hkconnect db seed';
  const warnings: string[] = [];
  if (calendarLast === undefined || effectiveDate > calendarLast) {
    warnings.push(`${end}: the effective date ${effectiveDate} is the rule's Monday, not checked against holidays; ${fix}`);
  }
  const wvr = metrics.filter((x) => x.wvr !== null && x.wvr.seasonedOn === null).map((x) => x.code);
  if (wvr.length > 0) {
    warnings.push(`${end}: the WVR seasoning date of ${listCodes(wvr)} lies beyond it, so no WVR_SEASONED item can be dated; ${fix}`);
  }
  const aPlusH = metrics.filter((x) => x.aPlusH !== null && x.aPlusH.eligibleFrom === null).map((x) => x.code);
  if (aPlusH.length > 0) {
    warnings.push(`${end}: the A+H eligibility date of ${listCodes(aPlusH)} lies beyond it, so no A_PLUS_H_STABILISATION item can be dated; ${fix}`);
  }
  return warnings;
}

/** Codes in a sentence: all of a few, the first ten and a count of many. */
function listCodes(codes: readonly string[]): string {
  const shown = codes.slice(0, 10).join(', ');
  return codes.length > 10 ? `${shown} and ${codes.length - 10} more` : shown;
}
