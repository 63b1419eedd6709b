import { SaxesParser, type SaxesTagPlain } from 'saxes';

/** A cell's value: text (shared, inline or formula strings), a number, a boolean; null when empty. */
export type XlsxValue = string | number | boolean | null;

/** One sheet row: `line` is the row number shown in Excel (`r`), cells by column (A = 0). */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly XlsxValue[];
}

/** The element's name without its namespace prefix (`x:row` -> `row`): HKEX's files prefix every element. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const value = tag.attributes[name];
  return typeof value === 'string' ? value : undefined;
}

/** A parser that reports malformed XML as an XlsxError-style message (thrown as a plain Error with a sentence). */
function parserFor(part: string): SaxesParser {
  const parser = new SaxesParser();
  parser.on('error', (err) => {
    throw new Error(`the workbook's ${part} is not well-formed XML (${err.message})`);
  });
  return parser;
}

/**
 * The shared strings of xl/sharedStrings.xml, in order. A rich-text string is the concatenation of its
 * runs' `<t>`; phonetic guides (`<rPh>`) are not part of the text.
 */
export function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  const parser = parserFor('shared strings');
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    const name = local(tag.name);
    if (name === 'si') current = [];
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && phonetic === 0) inText = true;
  });
  parser.on('text', (text) => { if (inText && current) current.push(text); });
  parser.on('cdata', (text) => { if (inText && current) current.push(text); });
  parser.on('closetag', (tag) => {
    const name = local(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current) { strings.push(current.join('')); current = null; }
  });
  parser.write(xml).close();
  return strings;
}

/** `AB12` -> 27 (0-based column); -1 when the reference has no letters. */
export function columnOfRef(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  return i === 0 ? -1 : col - 1;
}

/**
 * The rows of one worksheet's XML that hold at least one non-empty cell. The `<dimension>` is not
 * read (it is often wrong); rows and columns come from `r` attributes, else from their order.
 */
export function readSheetXml(xml: string, shared: readonly string[]): SheetRow[] {
  const rows: SheetRow[] = [];
  const parser = parserFor('worksheet');
  let cells: XlsxValue[] | null = null;
  let rowNumber = 0;
  let nextCol = 0;
  let cellType = '';
  let cellCol = 0;
  let text: string[] | null = null;
  let collect = false;
  let phonetic = 0;
  parser.on('opentag', (tag) => {
    switch (local(tag.name)) {
      case 'row': {
        const r = Number(attr(tag, 'r'));
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = [];
        nextCol = 0;
        break;
      }
      case 'c': {
        const ref = attr(tag, 'r');
        const col = ref ? columnOfRef(ref) : -1;
        cellCol = col >= 0 ? col : nextCol;
        nextCol = cellCol + 1;
        cellType = attr(tag, 't') ?? 'n';
        text = [];
        break;
      }
      case 'v': collect = true; break;
      case 'rPh': phonetic++; break;
      case 't': if (cellType === 'inlineStr' && phonetic === 0) collect = true; break;
    }
  });
  const onText = (t: string) => { if (collect && text) text.push(t); };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v': case 't': collect = false; break;
      case 'rPh': phonetic--; break;
      case 'c':
        if (cells && text) {
          const value = cellValue(cellType, text.join(''), shared);
          if (value !== null) cells[cellCol] = value;
        }
        text = null;
        break;
      case 'row':
        if (cells && cells.some((v) => v !== null && v !== undefined && v !== '')) {
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          rows.push({ line: rowNumber, cells });
        }
        cells = null;
        break;
    }
  });
  parser.write(xml).close();
  return rows;
}

function cellValue(type: string, raw: string, shared: readonly string[]): XlsxValue {
  switch (type) {
    case 's': {
      const index = Number(raw);
      return Number.isInteger(index) && index >= 0 && index < shared.length ? shared[index]! : null;
    }
    case 'str': case 'inlineStr': return raw;
    case 'b': return raw.trim() === '1';
    case 'e': return raw; // an error value such as #N/A, kept as its text
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      return Number.isFinite(n) ? n : raw;
    }
  }
}
