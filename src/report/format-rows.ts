import { stringify } from 'csv-stringify/sync';

export const ROW_FORMATS = ['table', 'json', 'csv'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

type Row = Record<string, unknown>;

/**
 * Formats plain rows for `query` commands: JSON (an array, exactly the rows), CSV (header from the
 * first row's keys) or an aligned text table. Pure: returns the text, writes nothing.
 */
export function formatRows(rows: readonly Row[], format: RowFormat, columns?: readonly string[]): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const cells = rows.map((r) => cols.map((c) => cellText(r[c])));
  if (format === 'csv') return stringify([cols as string[], ...cells]);
  if (rows.length === 0) return '(no rows)\n';
  return formatTable(cols, cells);
}

/** An aligned text table: numbers right-aligned, everything else left-aligned. */
export function formatTable(header: readonly string[], cells: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => cells.length > 0 && cells.every((r) => /^-?[\d,.]+%?$|^$/.test(r[i] ?? '')));
  const line = (r: readonly string[]) =>
    r.map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
