import { normalizeStockCode } from '../domain/codes.js';
import type { InputIssue } from '../domain/errors.js';
import type { IsoDate, StockCode } from '../domain/types.js';
import { parseCell, parseHeaderDate, readRowHead, splitTail, toVisibleText } from './parse-dayquot-text.js';

/**
 * One counter of the Main Board QUOTATIONS section of an HKEX daily quotations report.
 * Prices are in the counter's `currency`; null where the report prints `-` (no trade) or `N/A`.
 */
export interface DayquotRow {
  readonly code: StockCode;
  readonly name: string;
  /** As printed (`HKD`, `CNY`, `USD`). */
  readonly currency: string;
  /** The `*` (20 most active) and `#` (suspend/halt from today) markers printed by the code, in order. */
  readonly markers: string;
  readonly suspended: boolean;
  readonly halted: boolean;
  readonly previousClose: number | null;
  /** The closing line; on a day without trades the report repeats the previous close here. */
  readonly close: number | null;
  readonly ask: number | null;
  readonly bid: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly sharesTraded: number | null;
  /** The TURNOVER column, in the counter's currency. */
  readonly turnover: number | null;
  /** `turnover` when the counter is HKD; null for a non-HKD counter (the report gives no rate). */
  readonly turnoverHkd: number | null;
  /** 1-based line of the row's first line in the file. */
  readonly line: number;
}

export interface DailyQuotations {
  /** From the report's `DATE:` header, never from the file name; null when the header gives none. */
  readonly date: IsoDate | null;
  /** A `NO TRADING` report (a public holiday): not an error, no rows. */
  readonly holiday: boolean;
  readonly rows: DayquotRow[];
  readonly issues: InputIssue[];
}

const SECTION_START = /<a\s+name\s*=\s*["']?quotations["']?\s*>/i;
const ANY_ANCHOR = /<a\s+name\s*=/i;
const SECTION_END = /^\s*-{5,}/;
const HEADER_LINE = /^\s*(CODE\s+NAME OF STOCK|CLOSING\s+BID|\d+\/\d{6}$|THE STOCK EXCHANGE|\(A WHOLLY-OWNED|EXCHANGE SQUARE|MAIN BOARD|DAILY QUOTATIONS|QUOTATIONS$)/;
const CURRENCY = /^[A-Z]{3}$/;
const STOPPED_WORDS = new Set(['SUSPENDED', 'HALTED']);
const LINE1_FIELDS = ['previous close', 'ask', 'high', 'shares traded'] as const;
const LINE2_FIELDS = ['closing', 'bid', 'low', 'turnover'] as const;

/** A first line waiting for its second; `ok` false when a figure on it was bad (the row is then dropped). */
interface PendingRow { head: DayquotRow; ok: boolean }

type Figure = number | null;

/**
 * Builds a row with every field in one fixed order. Object spreads here made V8 spend most of a
 * 2,000-row parse copying properties; one literal shape keeps it monomorphic and fast.
 */
function makeRow(
  code: StockCode, name: string, currency: string, markers: string, line: number, suspended: boolean, halted: boolean,
  line1: readonly [Figure, Figure, Figure, Figure], line2: readonly [Figure, Figure, Figure, Figure],
): DayquotRow {
  return {
    code, name, currency, markers, suspended, halted,
    previousClose: line1[0], close: line2[0], ask: line1[1], bid: line2[1], high: line1[2], low: line2[2],
    sharesTraded: line1[3], turnover: line2[3], turnoverHkd: currency === 'HKD' ? line2[3] : null, line,
  };
}

const NO_FIGURES = [null, null, null, null] as const;

/**
 * Parses the HKEX daily quotations report `dYYMMDDe.htm` (read as latin1) into the rows of its
 * Main Board QUOTATIONS section. Pure: every malformed line becomes an issue with file, line and field.
 */
export function parseDailyQuotations(text: string, file: string): DailyQuotations {
  const lines = text.split(/\r?\n/);
  const rows: DayquotRow[] = [];
  const issues: InputIssue[] = [];
  const seen = new Map<StockCode, number>();
  let date: IsoDate | null = null;
  let noTrading = false;
  let state = 'before' as 'before' | 'in' | 'after';
  let pending: PendingRow | null = null;
  const issue = (line: number, field: string | undefined, reason: string) =>
    issues.push(field === undefined ? { file, line, reason } : { file, line, field, reason });
  const keep = (row: DayquotRow) => {
    const first = seen.get(row.code);
    if (first !== undefined) return issue(row.line, 'code', `code ${row.code} appears again (first at line ${first}); the first row is kept`);
    seen.set(row.code, row.line);
    rows.push(row);
  };
  const dropPending = () => {
    if (pending) issue(pending.head.line, 'closing', `code ${pending.head.code} has no second line (closing, bid, low, turnover)`);
    pending = null;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const visible = toVisibleText(raw);
    if (state === 'before') {
      if (date === null && visible.includes('DATE:')) {
        const header = parseHeaderDate(visible);
        if (header?.date !== undefined) date = header.date;
        else if (header?.reason !== undefined) issue(lineNo, 'date', header.reason);
      }
      if (/NO TRADING/i.test(visible)) noTrading = true;
      if (SECTION_START.test(raw)) state = 'in';
      return;
    }
    if (state === 'after') return;
    if (SECTION_END.test(visible) || ANY_ANCHOR.test(raw)) {
      dropPending();
      state = 'after';
      return;
    }
    if (visible === '' || HEADER_LINE.test(visible)) return;
    const tail = splitTail(visible, 4);
    const onlyFour = tail !== null && tail[0] === '';
    if (pending && onlyFour && /^\s/.test(visible)) {
      const cells = readCells(tail[1], LINE2_FIELDS, lineNo, issue);
      const { head: h, ok } = pending;
      pending = null;
      if (!cells || !ok) return;
      const line1 = [h.previousClose, h.ask, h.high, h.sharesTraded] as const;
      keep(makeRow(h.code, h.name, h.currency, h.markers, h.line, false, false, line1, cells));
      return;
    }
    const rowHead = readRowHead(visible);
    if (!rowHead) {
      dropPending();
      issue(lineNo, onlyFour ? 'closing' : 'row', onlyFour
        ? 'a second line (closing, bid, low, turnover) with no first line before it'
        : `cannot read this line of the QUOTATIONS section: "${visible.trim()}"`);
      return;
    }
    dropPending();
    const code = normalizeStockCode(rowHead.digits)!;
    const stopped = splitTail(rowHead.rest, 3);
    if (stopped && stopped[0] !== '' && CURRENCY.test(stopped[1][0]!) && stopped[1][1] === 'TRADING' && STOPPED_WORDS.has(stopped[1][2]!)) {
      const halted = stopped[1][2] === 'HALTED';
      keep(makeRow(code, stopped[0], stopped[1][0]!, rowHead.markers, lineNo, !halted, halted, NO_FIGURES, NO_FIGURES));
      return;
    }
    const priced = splitTail(rowHead.rest, 5);
    if (!priced || priced[0] === '' || !CURRENCY.test(priced[1][0]!)) {
      issue(lineNo, 'row', `cannot read the row of code ${code}: expected name, currency and four figures, or TRADING SUSPENDED / HALTED`);
      return;
    }
    const [currency, ...figures] = priced[1] as [string, ...string[]];
    const cells = readCells(figures, LINE1_FIELDS, lineNo, issue);
    pending = { head: makeRow(code, priced[0], currency, rowHead.markers, lineNo, false, false, cells ?? NO_FIGURES, NO_FIGURES), ok: cells !== null };
  });

  if (state === 'in') dropPending();
  const holiday = state === 'before' && noTrading;
  if (!holiday && state === 'before') issues.push({ file, reason: 'no QUOTATIONS section found (is this an HKEX daily quotations report?)' });
  if (!holiday && date === null && !issues.some((i) => i.field === 'date')) {
    issues.push({ file, field: 'date', reason: 'no "DATE: DD MON YYYY" header found' });
  }
  return { date, holiday, rows: holiday ? [] : rows, issues };
}

/** Reads four report cells; reports each bad one and returns null if any is bad. */
function readCells(
  tokens: readonly string[], fields: readonly string[], line: number,
  issue: (line: number, field: string, reason: string) => void,
): [number | null, number | null, number | null, number | null] | null {
  let ok = true;
  const values = tokens.map((t, i) => {
    const cell = parseCell(t);
    if (cell.ok) return cell.value;
    ok = false;
    issue(line, fields[i]!, `"${t}" is not a number, "-" or "N/A"`);
    return null;
  });
  return ok ? (values as [number | null, number | null, number | null, number | null]) : null;
}
