import type { Board, Currency, SecurityType } from '../domain/types.js';

/**
 * How HKEX's List of Securities is read into board, type and currency (docs/ingest.md "The HKEX list
 * of securities"). Pure. Written down here, once; a `changes` row overrides any of it from its date.
 */

/** Category / Sub-Category -> type. The sub-category decides within Equity and Exchange Traded Products. */
const TYPE_BY_CATEGORY: ReadonlyArray<readonly [RegExp, RegExp | null, SecurityType]> = [
  [/^Equity$/i, /^Equity Securities/i, 'EQUITY'],
  [/^Equity$/i, /^Investment Compan/i, 'INVESTMENT_CO'],
  [/^Equity$/i, /Special Purpose Acquisition|SPAC/i, 'SPAC'],
  [/^Equity$/i, /Preference/i, 'PREFERENCE'],
  [/^Equity$/i, /Stapled/i, 'STAPLED'],
  [/^Equity$/i, /^(Depositary Receipts|Trading Only Securities)$/i, 'OTHER'],
  [/^Real Estate Investment Trusts$/i, null, 'REIT'],
  [/^Exchange Traded Products$/i, /^(Exchange Traded Funds|Leveraged and Inverse)/i, 'ETF'],
  [/^Exchange Traded Products$/i, /Unit Trusts|Mutual Funds/i, 'FUND'],
  [/^Debt Securities$/i, null, 'DEBT'],
  [/^(Derivative Warrants|Inline Warrants|Callable Bull\/Bear Contracts|Equity Warrants)/i, null, 'WARRANT'],
];

/** The type of a Category / Sub-Category pair, or null when the pair is not one HKEX has been seen to use. */
export function typeOfCategory(category: string, subCategory: string): SecurityType | null {
  for (const [cat, sub, type] of TYPE_BY_CATEGORY) {
    if (cat.test(category) && (sub === null || sub.test(subCategory))) return type;
  }
  return null;
}

/** GEM when the category or sub-category says "(GEM)"; every other security trades on the Main Board. */
export function boardOfCategory(category: string, subCategory: string): Board {
  return /\(GEM\)/i.test(category) || /\(GEM\)/i.test(subCategory) ? 'GEM' : 'MAIN';
}

/** HKEX's RMB counters use codes 80000-89999 (and their names end in -R). */
export const RMB_CODE_RANGE = { from: 80_000, to: 89_999 } as const;

/** What the marker at the end of a stock short name says (`XIAOMI-W`, `BABA-SW`, `HUAZHU-S`, `TENCENT-R`). */
export interface NameMarkers {
  readonly wvr: boolean;
  readonly secondaryListing: boolean;
  readonly stapled: boolean;
  readonly currency: Currency | null;
}

/**
 * HKEX's markers, read from the letters after the last hyphen when they are all marker letters:
 * W = weighted voting rights; S = secondary listing (SS alone = share stapled units); R = the RMB
 * counter; U = the USD counter; B, P (biotech, specialist technology) say nothing here. Other endings
 * (`WAH YAN-NEW`, `GLOBAL BIO-CHEM`) are part of the name.
 */
export function markersOfName(name: string): NameMarkers {
  const m = /-([A-Z]{1,4})$/.exec(name.trim());
  const letters = m && /^(SS|S?W?)[BP]?[RU]?$|^[BP]?S?W?[RU]?$/.test(m[1]!) ? m[1]! : '';
  const stapled = letters.startsWith('SS');
  return {
    wvr: letters.includes('W'),
    secondaryListing: !stapled && letters.includes('S'),
    stapled,
    currency: letters.endsWith('R') ? 'CNY' : letters.endsWith('U') ? 'USD' : null,
  };
}

/** The trading currency: the RMB counter by its code range or its -R marker, the USD counter by -U, else HKD. */
export function currencyOf(code: string, markers: NameMarkers): Currency {
  const n = Number(code);
  if (n >= RMB_CODE_RANGE.from && n <= RMB_CODE_RANGE.to) return 'CNY';
  return markers.currency ?? 'HKD';
}
