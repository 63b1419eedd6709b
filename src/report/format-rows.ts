import { stringify } from 'csv-stringify/sync';

export const ROW_FORMATS = ['table', 'json', 'csv'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

type Row = Record<string, unknown>;

/**
 * Formats plain rows for `query` commands: JSON (an array, exactly the rows), CSV (header from the
 * first row's keys) or an aligned text table. Pure: returns the text, writes nothing.
 */
export function formatRows(rows: readonly Row[], format: RowFormat, columns?: readonly string[], width?: number): string {
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  const cells = rows.map((r) => cols.map((c) => cellText(r[c])));
  if (format === 'csv') return stringify([cols as string[], ...cells]);
  if (rows.length === 0) return '(no rows)\n';
  return formatTable(cols, cells, width);
}

/**
 * An aligned text table: numbers right-aligned, everything else left-aligned. Given a `width` (the
 * terminal's), the widest text columns are cut, their cells ending in "...", until each line fits;
 * numbers and short columns are never cut. Without one, nothing is cut.
 */
export function formatTable(header: readonly string[], cells: readonly string[][], width?: number): string {
  const natural = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => cells.length > 0 && cells.every((r) => /^-?[\d,.]+%?$|^$/.test(r[i] ?? '')));
  const widths = width === undefined ? natural : fitWidths(natural, numeric, header, width);
  const line = (r: readonly string[]) =>
    r.map((v, i) => {
      const text = cut(v, widths[i]!);
      return numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
    }).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/** The narrowest a text column is cut to: enough to recognise its values. */
const MIN_CUT_WIDTH = 12;

/** Column widths whose lines (two spaces between columns) fit `width`, taking from the widest text column first. */
function fitWidths(natural: readonly number[], numeric: readonly boolean[], header: readonly string[], width: number): number[] {
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) {
      const floor = Math.max(MIN_CUT_WIDTH, header[i]!.length);
      if (!numeric[i] && widths[i]! > floor && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    }
    if (widest < 0) break;
    widths[widest] = Math.max(Math.max(MIN_CUT_WIDTH, header[widest]!.length), widths[widest]! - (total() - width));
  }
  return widths;
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 3)}...`;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
