import type { DailyRecord, IsoDate } from '../domain/types.js';
import type { DayquotRow } from './parse-dayquot.js';

/**
 * What to store for one row of a daily quotations report: the pure decision behind `ingest dayquot`
 * (docs/dayquot.md lists every choice). The loader fetches the facts; this never touches the store.
 */

/** What the store knows about the row's code on the report date. */
export interface DayquotFacts {
  /** The code's currency in `securities`; undefined when the code is not in `securities`. */
  readonly securityCurrency: string | undefined;
  /** Shares issued in force on the report date (the latest `shares_issued` row dated on or before it). */
  readonly sharesIssued: number | undefined;
  /** The latest stored market cap before the report date (asked only for a suspended row). */
  readonly lastMarketCapHkd: () => number | undefined;
}

export type DayquotPlan =
  | { readonly kind: 'store'; readonly record: DailyRecord }
  | { readonly kind: 'unknown-code' }
  | { readonly kind: 'issue'; readonly field: string; readonly reason: string };

/** Decides what one report row becomes in `daily` on `date`. */
export function planDayquotRow(row: DayquotRow, date: IsoDate, facts: DayquotFacts): DayquotPlan {
  if (facts.securityCurrency === undefined) return { kind: 'unknown-code' };
  if (facts.securityCurrency !== row.currency) {
    return issue('currency', `code ${row.code} is ${row.currency} in the report but ${facts.securityCurrency} in securities`);
  }
  if (row.suspended || row.halted) {
    // A suspended day is never used in averages (docs/methodology.md §3); it carries the last known cap for display.
    return store(date, row.code, facts.lastMarketCapHkd() ?? 0, 0, true, null, null);
  }
  const close = row.close ?? row.previousClose;
  const volume = row.sharesTraded ?? 0;
  if (row.currency !== 'HKD') {
    // A non-HKD counter is never ranked (docs/methodology.md §2.3) and the report gives no exchange rate:
    // keep its close and volume (in its own currency), with no HK$ money.
    return store(date, row.code, 0, 0, false, close, volume);
  }
  if (close === null) return issue('closing', `code ${row.code} has no closing price (N/A) and no previous close`);
  if (facts.sharesIssued === undefined) {
    return issue('shares_issued', `no shares issued on record for code ${row.code} on or before ${date}; load a shares file first`);
  }
  const marketCapHkd = multiplyPriceByShares(close, facts.sharesIssued);
  const turnoverHkd = Math.round(row.turnoverHkd ?? 0);
  if (!Number.isSafeInteger(marketCapHkd) || !Number.isSafeInteger(turnoverHkd)) {
    return issue('closing', `code ${row.code}: market cap ${close} x ${facts.sharesIssued} is too large to hold exactly`);
  }
  return store(date, row.code, marketCapHkd, turnoverHkd, false, close, volume);
}

/**
 * price x shares rounded half up to whole HK$, computed exactly in decimal (no 4.705 x 100 = 470.49999...).
 */
export function multiplyPriceByShares(price: number, shares: number): number {
  const text = Number.isInteger(price) ? String(price) : trimDecimal(price);
  const [whole, fraction = ''] = text.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const product = BigInt(`${whole}${fraction}`) * BigInt(shares);
  return Number((product * 2n + scale) / (2n * scale));
}

/** The shortest decimal for a price, avoiding exponent notation for tiny values. */
function trimDecimal(price: number): string {
  const s = String(price);
  return s.includes('e') ? price.toFixed(12).replace(/0+$/, '') : s;
}

/** One literal shape (no object spreads: they dominated a 2,000-row load's profile). */
function store(
  date: IsoDate, code: string, marketCapHkd: number, turnoverHkd: number, suspended: boolean, close: number | null, volume: number | null,
): DayquotPlan {
  const record: DailyRecord = { date, code, marketCapHkd, turnoverHkd, suspended, close, volume };
  return { kind: 'store', record };
}

function issue(field: string, reason: string): DayquotPlan {
  return { kind: 'issue', field, reason };
}
