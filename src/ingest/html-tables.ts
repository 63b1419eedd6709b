import { Parser } from 'htmlparser2';

/** One table row of an HTML page: its cells' text and the 1-based line its `<tr>` starts on. */
export interface HtmlRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** The page's text between the previous table (or the start) and this row's table: captions such as 调入名单. */
  readonly before: string;
}

/** The page's text (entities decoded, whitespace collapsed) and every table row, in page order (pure). */
export function readHtmlTables(html: string): { text: string; rows: HtmlRow[] } {
  const rows: HtmlRow[] = [];
  const text: string[] = [];
  let sinceTable: string[] = [];
  let before = '';
  let depth = 0;
  let row: { line: number; cells: string[] } | null = null;
  let cell: string[] | null = null;
  let skip = 0;
  const lineAt = lineIndex(html);
  const parser = new Parser({
    onopentag(name) {
      if (name === 'script' || name === 'style') skip++;
      else if (name === 'table') { if (depth++ === 0) { before = sinceTable.join(' '); sinceTable = []; } }
      else if (name === 'tr' && depth > 0) row = { line: lineAt(parser.startIndex), cells: [] };
      else if ((name === 'td' || name === 'th') && row) cell = [];
      else if (name === 'br' && cell) cell.push(' ');
    },
    ontext(t) {
      if (skip > 0) return;
      text.push(t);
      if (cell) cell.push(t);
      else if (depth === 0) sinceTable.push(t);
    },
    onclosetag(name) {
      if (name === 'script' || name === 'style') skip--;
      else if ((name === 'td' || name === 'th') && row && cell) { row.cells.push(collapse(cell.join(''))); cell = null; }
      else if (name === 'tr' && row) { if (row.cells.some((c) => c !== '')) rows.push({ ...row, before: collapse(before) }); row = null; }
      else if (name === 'table' && depth > 0) depth--;
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return { text: collapse(text.join(' ')), rows };
}

function collapse(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/** Maps a character offset to its 1-based line. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
}
