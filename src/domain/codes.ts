import type { StockCode } from './types.js';

/**
 * The ticker styles accepted wherever a code is read (files and CLI arguments): `700`, `00700`,
 * `700.HK`, `0700.HK` (Yahoo, Refinitiv), `700 HK`, `700 HK Equity` (Bloomberg); the suffix in any case.
 */
const TICKER_RE = /^(\d{1,5})(?:\.HK|\s+HK(?:\s+EQUITY)?)?$/i;

/**
 * Normalises a stock code to 5 digits (`700` -> `00700`, `0700.HK` -> `00700`, `700 HK Equity` -> `00700`;
 * docs/contract.md "Running it"). Returns null for anything else.
 */
export function normalizeStockCode(input: string): StockCode | null {
  const m = TICKER_RE.exec(input.trim());
  return m ? m[1]!.padStart(5, '0') : null;
}
