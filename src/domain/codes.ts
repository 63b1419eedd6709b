import type { StockCode } from './types.js';

/**
 * Normalises a stock code to 5 digits (`700` -> `00700`, docs/contract.md "Running it").
 * Returns null for anything that is not 1 to 5 digits.
 */
export function normalizeStockCode(input: string): StockCode | null {
  const trimmed = input.trim();
  if (!/^\d{1,5}$/.test(trimmed)) return null;
  return trimmed.padStart(5, '0');
}
