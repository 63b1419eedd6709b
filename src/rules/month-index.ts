export { monthIndexOf } from '../domain/dates.js';

/** `YYYY-MM` of a month index (domain/dates.ts monthIndexOf). */
export function monthLabelOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${month < 10 ? '0' : ''}${month}`;
}
