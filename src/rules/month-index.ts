export { monthIndexOf } from '../domain/dates.js';

/**
 * `YYYY-MM` of a month index (domain/dates.ts monthIndexOf). Each label is made once and kept: a
 * review asks for the same dozen months for each of its ~2,700 securities.
 */
export function monthLabelOf(index: number): string {
  let label = labels.get(index);
  if (label === undefined) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    label = `${year}-${month < 10 ? '0' : ''}${month}`;
    labels.set(index, label);
  }
  return label;
}

const labels = new Map<number, string>();
