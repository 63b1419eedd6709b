export { monthIndexOf } from '../domain/dates.js';

/** `YYYY-MM` of a month index (domain/dates.ts monthIndexOf: year x 12 + month - 1). */
export function monthLabelOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}
