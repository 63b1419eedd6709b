import { Bad, parseBoolean, parseCode, parseDate, parseMoneyHkd, parseOptionalCount, parseOptionalDecimal } from './fields.js';
import type { ColumnIndex } from './csv-rows.js';
import type { TradingDayCheck } from './trading-days.js';
import type { RowIssue } from './types.js';

/** `daily` columns (docs/contract.md "Input files"). */
export const DAILY_COLUMNS = {
  required: ['date', 'code', 'market_cap_hkd', 'turnover_hkd', 'suspended'],
  optional: ['close', 'volume'],
} as const;

/** One parsed daily row; reused between rows by the loader (no per-row allocation). */
export interface DailyRow {
  /** The date, the same string object for every row of the same date (the parser caches it per cell). */
  date: string;
  code: string;
  /** The code as a number (`00700` -> 700). */
  codeNumber: number;
  marketCapHkd: number;
  turnoverHkd: number;
  suspended: boolean;
  close: number | null;
  volume: number | null;
}

export function createDailyRow(): DailyRow {
  return { date: '', code: '', codeNumber: 0, marketCapHkd: 0, turnoverHkd: 0, suspended: false, close: null, volume: null };
}

/**
 * Parses daily rows: pure, given the store's trading calendar and known codes. Date answers are
 * cached per distinct cell (a daily file repeats a few hundred dates a million times).
 */
export class DailyRowParser {
  private readonly dates = new Map<string, string | Bad>();
  private readonly codes = new Map<string, { code: string; number: number } | Bad>();
  private readonly at: { date: number; code: number; cap: number; turnover: number; suspended: number; close: number; volume: number };

  constructor(
    index: ColumnIndex, private readonly calendar: TradingDayCheck, private readonly knownCodes: ReadonlySet<string>,
    private readonly readDate: (cell: string) => string | Bad = parseDate,
  ) {
    this.at = {
      date: index.date!, code: index.code!, cap: index.market_cap_hkd!, turnover: index.turnover_hkd!,
      suspended: index.suspended!, close: index.close ?? -1, volume: index.volume ?? -1,
    };
  }

  /** Fills `out` from `fields`; returns null when the row is good, else its issue. */
  parse(fields: readonly string[], line: number, out: DailyRow): RowIssue | null {
    const at = this.at;
    const date = this.parseTradingDate(fields[at.date]!);
    if (date instanceof Bad) return { line, field: 'date', reason: date.reason };
    const code = this.parseKnownCode(fields[at.code]!);
    if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
    const cap = parseMoneyHkd(fields[at.cap]!);
    if (cap instanceof Bad) return { line, field: 'market_cap_hkd', reason: cap.reason };
    const turnover = parseMoneyHkd(fields[at.turnover]!);
    if (turnover instanceof Bad) return { line, field: 'turnover_hkd', reason: turnover.reason };
    const suspended = parseBoolean(fields[at.suspended]!);
    if (suspended instanceof Bad) return { line, field: 'suspended', reason: suspended.reason };
    const close = at.close === -1 ? null : parseOptionalDecimal(fields[at.close]!);
    if (close instanceof Bad) return { line, field: 'close', reason: close.reason };
    const volume = at.volume === -1 ? null : parseOptionalCount(fields[at.volume]!);
    if (volume instanceof Bad) return { line, field: 'volume', reason: volume.reason };
    out.date = date;
    out.code = code.code;
    out.codeNumber = code.number;
    out.marketCapHkd = cap;
    out.turnoverHkd = turnover;
    out.suspended = suspended;
    out.close = close;
    out.volume = volume;
    return null;
  }

  private parseTradingDate(cell: string): string | Bad {
    const cached = this.dates.get(cell);
    if (cached !== undefined) return cached;
    const date = this.readDate(cell);
    let answer: string | Bad;
    if (date instanceof Bad) answer = date;
    else {
      const reason = this.calendar.reasonNotTrading(date);
      // A day the data may prove open is accepted here; the loader settles it once the file is read.
      answer = reason === null || this.calendar.mayBeProvenOpen(date) ? date : new Bad(reason);
    }
    // Bounded: a hostile file of distinct garbage dates must not grow the cache without limit.
    if (this.dates.size < 100_000) this.dates.set(cell, answer);
    return answer;
  }

  /** A known code from a cell, cached per distinct cell (a file repeats a few thousand codes). */
  private parseKnownCode(cell: string): { code: string; number: number } | Bad {
    const cached = this.codes.get(cell);
    if (cached !== undefined) return cached;
    const code = parseCode(cell);
    const answer = code instanceof Bad ? code
      : this.knownCodes.has(code) ? { code, number: Number(code) }
      : new Bad(`${code} is not a known security (load it with \`ingest securities\` first)`);
    if (this.codes.size < 100_000) this.codes.set(cell, answer);
    return answer;
  }
}
