import { normalizeStockCode } from '../domain/codes.js';
import type { InputIssue } from '../domain/errors.js';
import type { IsoDate, StockCode } from '../domain/types.js';
import { parseCell, parseHeaderDate, toVisibleText } from './parse-dayquot-text.js';

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
const ROW_HEAD = /^\s*([*#](?:\s*[*#])*)?\s*(\d{1,5})\s*([*#](?:\s*[*#])*)?\s+(\S.*)$/;
const NOT_TRADING = /^(.*\S)\s+([A-Z]{3})\s+TRADING\s+(SUSPENDED|HALTED)$/;
const PRICED = /^(.*\S)\s+([A-Z]{3})\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)$/;
const LINE1_FIELDS = ['previous close', 'ask', 'high', 'shares traded'] as const;
const LINE2_FIELDS = ['closing', 'bid', 'low', 'turnover'] as const;

interface PendingRow { head: Omit<DayquotRow, 'close' | 'bid' | 'low' | 'turnover' | 'turnoverHkd'>; ok: boolean }

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
        if (header && 'date' in header) date = header.date;
        else if (header) issue(lineNo, 'date', header.reason);
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
    if (visible.trim() === '' || HEADER_LINE.test(visible)) return;
    const tokens = visible.trim().split(/\s+/);
    if (pending && tokens.length === 4 && /^\s/.test(visible)) {
      const cells = readCells(tokens, LINE2_FIELDS, lineNo, issue);
      const { head, ok } = pending;
      pending = null;
      if (!cells || !ok) return;
      const [close, bid, low, turnover] = cells;
      keep({ ...head, close, bid, low, turnover, turnoverHkd: head.currency === 'HKD' ? turnover : null });
      return;
    }
    const row = ROW_HEAD.exec(visible);
    if (!row) {
      dropPending();
      issue(lineNo, tokens.length === 4 ? 'closing' : 'row', tokens.length === 4
        ? 'a second line (closing, bid, low, turnover) with no first line before it'
        : `cannot read this line of the QUOTATIONS section: "${visible.trim()}"`);
      return;
    }
    dropPending();
    const code = normalizeStockCode(row[2]!)!;
    const markers = `${row[1] ?? ''}${row[3] ?? ''}`.replace(/\s+/g, '');
    const rest = row[4]!;
    const stopped = NOT_TRADING.exec(rest);
    const base = { code, markers, line: lineNo, ask: null, high: null, previousClose: null, sharesTraded: null };
    if (stopped) {
      const halted = stopped[3] === 'HALTED';
      keep({ ...base, name: stopped[1]!, currency: stopped[2]!, suspended: !halted, halted,
        close: null, bid: null, low: null, turnover: null, turnoverHkd: null });
      return;
    }
    const priced = PRICED.exec(rest);
    if (!priced) {
      issue(lineNo, 'row', `cannot read the row of code ${code}: expected name, currency and four figures, or TRADING SUSPENDED / HALTED`);
      return;
    }
    const cells = readCells(priced.slice(3, 7), LINE1_FIELDS, lineNo, issue);
    const [previousClose, ask, high, sharesTraded] = cells ?? [null, null, null, null];
    pending = {
      head: { ...base, name: priced[1]!, currency: priced[2]!, suspended: false, halted: false, previousClose, ask, high, sharesTraded },
      ok: cells !== null,
    };
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
