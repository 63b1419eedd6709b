import { normalizeStockCode } from '../../../domain/codes.js';
import { optionalDate, requireDate } from '../../date-option.js';
import { UsageError } from '../../../domain/errors.js';
import type { IsoDate, StockCode } from '../../../domain/types.js';

/** A `YYYY-MM-DD` option value, or a UsageError naming the option (exit 2). */
export function parseDateOption(name: string, value: unknown): IsoDate {
  return requireDate(value, name);
}

/** An optional date option: undefined stays undefined. */
export function parseOptionalDateOption(name: string, value: unknown): IsoDate | undefined {
  return optionalDate(value, name);
}

/** A stock code with or without leading zeros (`700` -> `00700`), or a UsageError. */
export function parseCodeArgument(value: unknown): StockCode {
  const code = normalizeStockCode(String(value ?? ''));
  if (code === null) throw new UsageError(`"${String(value)}" is not a stock code (1 to 5 digits).`);
  return code;
}
