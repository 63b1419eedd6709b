import { dateProblem } from '../domain/dates.js';
import { UsageError } from '../domain/errors.js';
import type { IsoDate } from '../domain/types.js';

/**
 * A date option's value, or exit 2 with one sentence saying what is wrong with it: missing, not
 * written YYYY-MM-DD, or a date that does not exist (`--cutoff 2026-02-30`).
 */
export function requireDate(value: unknown, option: string): IsoDate {
  const text = value === undefined || value === null ? '' : String(value);
  if (text === '') throw new UsageError(`--${option} is required (YYYY-MM-DD).`);
  const problem = dateProblem(text);
  if (problem !== null) throw new UsageError(`--${option} ${problem}.`);
  return text;
}

/** An optional date option: absent stays undefined; present must be a real date (as requireDate). */
export function optionalDate(value: unknown, option: string): IsoDate | undefined {
  return value === undefined ? undefined : requireDate(value, option);
}
