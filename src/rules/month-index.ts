import type { IsoDate } from '../domain/types.js';

/**
 * A month as one integer (year x 12 + month - 1), read from the `YYYY-MM-DD` characters without
 * allocating: the per-day loops of the scan call it for every record.
 */
export function monthIndexOf(d: IsoDate): number {
  const year = (d.charCodeAt(0) - 48) * 1000 + (d.charCodeAt(1) - 48) * 100 + (d.charCodeAt(2) - 48) * 10
    + (d.charCodeAt(3) - 48);
  const month = (d.charCodeAt(5) - 48) * 10 + (d.charCodeAt(6) - 48);
  return year * 12 + month - 1;
}

/** `YYYY-MM` of a month index. */
export function monthLabelOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}
