import { endianness } from 'node:os';
import type { Hash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { TradingCalendar } from '../domain/calendar.js';
import type { DailyRecord, DailySeries, IsoDate, StockCode } from '../domain/types.js';

/**
 * The `daily_days` table (migration 2026-11-22T1800): one row per trading day holding that day's
 * records as columns in code order: codes as 5 characters each, suspended flags as one `0`/`1`
 * character each, and the numbers (market cap, turnover, close, volume) as little-endian doubles,
 * 8 bytes each (NaN where not given), so a column reads straight into a Float64Array.
 * Everything that reads or writes daily records goes through this module.
 */
export const CODE_WIDTH = 5;
const DOUBLE_BYTES = 8;

if (endianness() !== 'LE') throw new Error('hkconnect stores daily numbers as little-endian doubles and needs a little-endian machine');

/** One day's records, columnar, in a growable buffer; null close / volume are NaN. */
export class DayColumns {
  length = 0;
  code: Int32Array;
  cap: Float64Array;
  turnover: Float64Array;
  suspended: Uint8Array;
  close: Float64Array;
  volume: Float64Array;

  constructor(capacity = 64) {
    this.code = new Int32Array(capacity);
    this.cap = new Float64Array(capacity);
    this.turnover = new Float64Array(capacity);
    this.suspended = new Uint8Array(capacity);
    this.close = new Float64Array(capacity);
    this.volume = new Float64Array(capacity);
  }

  /** Appends one record (`code` as its number: `00700` -> 700; `close`/`volume` null when not given). */
  push(code: number, cap: number, turnover: number, suspended: boolean, close: number | null, volume: number | null): void {
    if (this.length === this.code.length) this.grow();
    const i = this.length++;
    this.code[i] = code;
    this.set(i, cap, turnover, suspended, close, volume);
  }

  /** Replaces the values of record `i` (its code stays). */
  set(i: number, cap: number, turnover: number, suspended: boolean, close: number | null, volume: number | null): void {
    this.cap[i] = cap;
    this.turnover[i] = turnover;
    this.suspended[i] = suspended ? 1 : 0;
    this.close[i] = close ?? Number.NaN;
    this.volume[i] = volume ?? Number.NaN;
  }

  /** Appends record `i` of `from`. */
  copyFrom(from: DayColumns, i: number): void {
    if (this.length === this.code.length) this.grow();
    const j = this.length++;
    this.code[j] = from.code[i]!;
    this.cap[j] = from.cap[i]!;
    this.turnover[j] = from.turnover[i]!;
    this.suspended[j] = from.suspended[i]!;
    this.close[j] = from.close[i]!;
    this.volume[j] = from.volume[i]!;
  }

  /** The position of `code`, or -1 (binary search; the columns must be in code order). */
  indexOf(code: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.code[mid]!;
      if (c === code) return mid;
      if (c < code) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  /** These columns in ascending code order (itself when already ordered). Codes must be distinct. */
  sorted(): DayColumns {
    let ordered = true;
    for (let i = 1; i < this.length && ordered; i += 1) ordered = this.code[i - 1]! < this.code[i]!;
    if (ordered) return this;
    const order = Array.from({ length: this.length }, (_, i) => i).sort((a, b) => this.code[a]! - this.code[b]!);
    const out = new DayColumns(this.length);
    for (const i of order) out.copyFrom(this, i);
    return out;
  }

  record(i: number, date: IsoDate): DailyRecord {
    const close = this.close[i]!;
    const volume = this.volume[i]!;
    return {
      date, code: codeText(this.code[i]!), marketCapHkd: this.cap[i]!, turnoverHkd: this.turnover[i]!,
      suspended: this.suspended[i] === 1, close: Number.isNaN(close) ? null : close, volume: Number.isNaN(volume) ? null : volume,
    };
  }

  private grow(): void {
    const size = Math.max(64, this.code.length * 2);
    const g = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.code = g(this.code, Int32Array);
    this.cap = g(this.cap, Float64Array);
    this.turnover = g(this.turnover, Float64Array);
    this.suspended = g(this.suspended, Uint8Array);
    this.close = g(this.close, Float64Array);
    this.volume = g(this.volume, Float64Array);
  }
}

/** Merges `incoming` over `existing` (both in code order): a record of `incoming` replaces the same code's. */
export function mergeDays(existing: DayColumns, incoming: DayColumns): DayColumns {
  const out = new DayColumns(existing.length + incoming.length);
  let i = 0;
  let j = 0;
  while (i < existing.length || j < incoming.length) {
    const a = i < existing.length ? existing.code[i]! : Number.POSITIVE_INFINITY;
    const b = j < incoming.length ? incoming.code[j]! : Number.POSITIVE_INFINITY;
    if (b <= a) {
      out.copyFrom(incoming, j++);
      if (a === b) i++;
    } else out.copyFrom(existing, i++);
  }
  return out;
}

/** One stored `daily_days` row. */
interface StoredDay {
  date: string;
  rows: number;
  codes: string;
  market_caps: Buffer;
  turnovers: Buffer;
  suspended: string;
  closes: Buffer;
  volumes: Buffer;
}

/** `700` -> `00700`. */
export function codeText(code: number): StockCode {
  return String(code).padStart(CODE_WIDTH, '0');
}

/** The number of the 5-digit code at position `i` of a packed codes column. */
function codeAt(codes: string, i: number): number {
  let v = 0;
  for (let k = i * CODE_WIDTH; k < (i + 1) * CODE_WIDTH; k += 1) v = v * 10 + (codes.charCodeAt(k) - 48);
  return v;
}

/** The first `n` values of `a` as bytes (a view when the array is exactly that long, else a copy). */
function bytesOf(a: Float64Array, n: number): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, n * DOUBLE_BYTES);
}

/** A stored column as doubles: a view of the blob when it is 8-byte aligned, else a copy. */
function doublesOf(blob: Buffer): Float64Array {
  const n = blob.length / DOUBLE_BYTES;
  if (blob.byteOffset % DOUBLE_BYTES === 0) return new Float64Array(blob.buffer, blob.byteOffset, n);
  return new Float64Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.length));
}

/** The packed codes column of the last day encoded, reused while consecutive days list the same codes. */
interface CodesCache { numbers: Int32Array; text: string }

function packCodes(day: DayColumns, cache: { last: CodesCache | null }): string {
  const n = day.length;
  const last = cache.last;
  if (last && last.numbers.length === n) {
    let same = true;
    for (let i = 0; i < n && same; i += 1) same = last.numbers[i] === day.code[i];
    if (same) return last.text;
  }
  const codes = Buffer.allocUnsafe(n * CODE_WIDTH);
  for (let i = 0; i < n; i += 1) {
    let v = day.code[i]!;
    for (let k = (i + 1) * CODE_WIDTH - 1; k >= i * CODE_WIDTH; k -= 1) {
      codes[k] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
  }
  cache.last = { numbers: day.code.slice(0, n), text: codes.toString('latin1') };
  return cache.last.text;
}

function encodeDay(date: IsoDate, day: DayColumns, cache: { last: CodesCache | null }): StoredDay {
  const n = day.length;
  const suspended = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i += 1) suspended[i] = 48 + day.suspended[i]!;
  return {
    date, rows: n, codes: packCodes(day, cache), market_caps: bytesOf(day.cap, n), turnovers: bytesOf(day.turnover, n),
    suspended: suspended.toString('latin1'), closes: bytesOf(day.close, n), volumes: bytesOf(day.volume, n),
  };
}

function decodeDay(row: StoredDay): DayColumns {
  const n = row.rows;
  const day = new DayColumns(n);
  for (let i = 0; i < n; i += 1) day.code[i] = codeAt(row.codes, i);
  day.cap.set(doublesOf(row.market_caps));
  day.turnover.set(doublesOf(row.turnovers));
  day.close.set(doublesOf(row.closes));
  day.volume.set(doublesOf(row.volumes));
  for (let i = 0; i < n; i += 1) day.suspended[i] = row.suspended.charCodeAt(i) - 48;
  day.length = n;
  return day;
}

/** Prepared statements over `daily_days` for one connection. */
export class DailyDays {
  private readonly selectDay: BetterSqlite3.Statement;
  private readonly replaceDay: BetterSqlite3.Statement;
  private readonly deleteDay: BetterSqlite3.Statement;
  private readonly countDay: BetterSqlite3.Statement;
  private readonly codesCache: { last: CodesCache | null } = { last: null };

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.selectDay = sqlite.prepare('SELECT * FROM daily_days WHERE date = ?');
    this.replaceDay = sqlite.prepare(`INSERT OR REPLACE INTO daily_days (date, rows, codes, market_caps, turnovers, suspended, closes, volumes)
      VALUES (@date, @rows, @codes, @market_caps, @turnovers, @suspended, @closes, @volumes)`);
    this.deleteDay = sqlite.prepare('DELETE FROM daily_days WHERE date = ?');
    this.countDay = sqlite.prepare('SELECT rows FROM daily_days WHERE date = ?').pluck();
  }

  /** The records of `date` in code order, or null when it has none. */
  read(date: IsoDate): DayColumns | null {
    const row = this.selectDay.get(date) as StoredDay | undefined;
    return row ? decodeDay(row) : null;
  }

  /** Replaces the records of `date` with `day` (in code order, codes distinct); an empty day deletes the row. */
  write(date: IsoDate, day: DayColumns): void {
    if (day.length === 0) this.deleteDay.run(date);
    else this.replaceDay.run(encodeDay(date, day, this.codesCache));
  }

  /** Stores `incoming` (any order, codes distinct) over what `date` holds: a record for the same code replaces the stored one. */
  upsert(date: IsoDate, incoming: DayColumns): void {
    const sorted = incoming.sorted();
    const existing = this.read(date);
    this.write(date, existing ? mergeDays(existing, sorted) : sorted);
  }

  /** Takes the records of `codes` out of `date`. */
  remove(date: IsoDate, codes: ReadonlySet<number>): void {
    const existing = this.read(date);
    if (!existing) return;
    const kept = new DayColumns(existing.length);
    for (let i = 0; i < existing.length; i += 1) if (!codes.has(existing.code[i]!)) kept.copyFrom(existing, i);
    this.write(date, kept);
  }

  /** How many records `date` holds. */
  countOn(date: IsoDate): number {
    return (this.countDay.get(date) as number | undefined) ?? 0;
  }

  /** The record count of the nearest date with records before `date`, else after it, else 0. */
  countOnNearest(date: IsoDate): number {
    const before = this.sqlite.prepare('SELECT rows FROM daily_days WHERE date < ? ORDER BY date DESC LIMIT 1').pluck().get(date);
    if (before !== undefined) return before as number;
    return (this.sqlite.prepare('SELECT rows FROM daily_days WHERE date > ? ORDER BY date LIMIT 1').pluck().get(date) as number | undefined) ?? 0;
  }

  /** The latest date with records, or null for an empty store. */
  lastDate(): IsoDate | null {
    return (this.sqlite.prepare('SELECT max(date) FROM daily_days').pluck().get() as string | null) ?? null;
  }

  /** Each code's latest market cap on a date before `date` (only codes in `wanted`; walks back day by day until all are found). */
  lastCapsBefore(date: IsoDate, wanted: ReadonlySet<number>): Map<number, number> {
    const found = new Map<number, number>();
    const stmt = this.sqlite.prepare('SELECT date, rows, codes, market_caps FROM daily_days WHERE date < ? ORDER BY date DESC').raw(true);
    for (const [, rows, codes, caps] of stmt.iterate(date) as Iterable<[string, number, string, Buffer]>) {
      for (let i = 0; i < rows; i += 1) {
        const code = codeAt(codes, i);
        if (wanted.has(code) && !found.has(code)) found.set(code, caps.readDoubleLE(i * DOUBLE_BYTES));
      }
      if (found.size === wanted.size) break;
    }
    return found;
  }
}

/** The records of one security by date, inside [from, to] where given. */
export function readHistory(
  sqlite: BetterSqlite3.Database, code: StockCode, range: { from?: IsoDate | undefined; to?: IsoDate | undefined } = {},
): DailyRecord[] {
  const stmt = sqlite.prepare('SELECT * FROM daily_days WHERE date >= ? AND date <= ? ORDER BY date');
  const wanted = Number(code);
  const out: DailyRecord[] = [];
  for (const row of stmt.iterate(range.from ?? '0000-00-00', range.to ?? '9999-99-99') as Iterable<StoredDay>) {
    const i = findCode(row.codes, row.rows, wanted);
    if (i < 0) continue;
    const close = row.closes.readDoubleLE(i * DOUBLE_BYTES);
    const volume = row.volumes.readDoubleLE(i * DOUBLE_BYTES);
    out.push({
      date: row.date, code, marketCapHkd: row.market_caps.readDoubleLE(i * DOUBLE_BYTES),
      turnoverHkd: row.turnovers.readDoubleLE(i * DOUBLE_BYTES), suspended: row.suspended.charCodeAt(i) === 49,
      close: Number.isNaN(close) ? null : close, volume: Number.isNaN(volume) ? null : volume,
    });
  }
  return out;
}

/** The position of `code` in a packed codes column of `rows` codes, or -1. */
function findCode(codes: string, rows: number, code: number): number {
  let lo = 0;
  let hi = rows - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = codeAt(codes, mid);
    if (c === code) return mid;
    if (c < code) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

type WindowRow = [string, number, string, Buffer, Buffer, string];

export interface WindowReadOptions {
  /** Fed every day row read, as stored (date, codes, caps, turnovers, flags): the inputs fingerprint. */
  readonly hash?: Hash;
  /** Gives each series its `calendarSlots` on this calendar (computed once per day, not per record). */
  readonly calendar?: TradingCalendar;
}

/**
 * The daily series of `codes` (all codes when null) over the dates (fromExclusive, toInclusive], in
 * date order, columnar: one ordered read of the window's day rows, transposed here into one flat
 * array per column, of which each security's series is a slice (a handful of allocations instead of
 * four per security). A day's codes column is decoded once per distinct column (consecutive days
 * mostly list the same codes).
 */
export function readWindowSeries(
  sqlite: BetterSqlite3.Database, codes: readonly StockCode[] | null, fromExclusive: IsoDate, toInclusive: IsoDate,
  options: WindowReadOptions = {},
): Map<StockCode, DailySeries> {
  const days = sqlite.prepare('SELECT date, rows, codes, market_caps, turnovers, suspended FROM daily_days WHERE date > ? AND date <= ? ORDER BY date')
    .raw(true).all(fromExclusive, toInclusive) as WindowRow[];
  const { hash, calendar } = options;
  if (hash) {
    for (const [date, , packed, caps, turnovers, flags] of days) {
      hash.update(date).update(packed).update(caps).update(turnovers).update(flags);
    }
  }
  // Each hot loop below lives in its own small function: one long function with several loops gets
  // optimized at the first loop and thrown back to the interpreter at the next (measured: 4 deopts).
  const slotOf = new Int32Array(10 ** CODE_WIDTH).fill(-1);
  const slotCodes: StockCode[] = [];
  const addSlot = (code: number) => {
    if (slotOf[code] === -1) {
      slotOf[code] = slotCodes.length;
      slotCodes.push(codeText(code));
    }
  };
  if (codes) for (const c of codes) addSlot(Number(c));
  // Per day: the slot of each position (-1: not wanted), shared between days with the same codes column.
  const layouts = new Map<string, Int32Array>();
  const dayLayouts: Int32Array[] = [];
  for (const [, rows, packed] of days) {
    let layout = layouts.get(packed);
    if (!layout) {
      layout = layoutOf(packed, rows, slotOf, codes ? null : addSlot);
      layouts.set(packed, layout);
    }
    dayLayouts.push(layout);
  }
  const slots = slotCodes.length;
  const start = new Int32Array(slots + 1);
  for (const layout of dayLayouts) countSlots(layout, start);
  for (let s = 0; s < slots; s += 1) start[s + 1]! += start[s]!;
  const total = start[slots]!;
  const cap = new Float64Array(total);
  const turnover = new Float64Array(total);
  const suspended = new Uint8Array(total);
  const dayOf = new Int32Array(total);
  const calendarSlot = new Int32Array(calendar ? total : 0);
  const next = start.slice(0, slots);
  for (let d = 0; d < days.length; d += 1) {
    const row = days[d]!;
    transposeDay(
      dayLayouts[d]!, doublesOf(row[3]), doublesOf(row[4]), row[5], d, calendar ? calendar.slotOf(row[0]) : -1,
      next, dayOf, cap, turnover, suspended, calendar ? calendarSlot : null,
    );
  }
  const dates = days.map((row) => row[0]);
  const out = new Map<StockCode, DailySeries>();
  for (let s = 0; s < slots; s += 1) {
    const a = start[s]!;
    const b = start[s + 1]!;
    if (a === b) continue;
    out.set(slotCodes[s]!, new WindowSeries(
      dates, dayOf.subarray(a, b), cap.subarray(a, b), turnover.subarray(a, b), suspended.subarray(a, b),
      calendar ? { calendar, at: calendarSlot.subarray(a, b) } : undefined,
    ));
  }
  return out;
}

/**
 * Series `a` followed by series `b` (b's records all later than a's): for a window read in two date
 * ranges. Calendar slots are kept when both halves have them on the same calendar.
 */
export function concatSeries(a: DailySeries, b: DailySeries): DailySeries {
  const join = <T extends Float64Array | Uint8Array | Int32Array>(x: T, y: T, make: (n: number) => T): T => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  const slots = a.calendarSlots && b.calendarSlots && a.calendarSlots.calendar === b.calendarSlots.calendar
    ? { calendar: a.calendarSlots.calendar, at: join(a.calendarSlots.at, b.calendarSlots.at, (n) => new Int32Array(n)) }
    : undefined;
  const dates = [...a.dates, ...b.dates];
  // A WindowSeries like every other series of a read: one object shape for the rules' hot loop.
  return new WindowSeries(
    dates, Int32Array.from(dates, (_, i) => i), join(a.marketCapHkd, b.marketCapHkd, (n) => new Float64Array(n)),
    join(a.turnoverHkd, b.turnoverHkd, (n) => new Float64Array(n)), join(a.suspended, b.suspended, (n) => new Uint8Array(n)), slots,
  );
}

/** The slot of each position of a packed codes column (-1: not wanted); `addSlot` wants every code. */
function layoutOf(packed: string, rows: number, slotOf: Int32Array, addSlot: ((code: number) => void) | null): Int32Array {
  const layout = new Int32Array(rows);
  // codeAt, by hand (CODE_WIDTH = 5 digits): this loop runs ~280 k times a screen.
  for (let i = 0, k = 0; i < rows; i += 1, k += CODE_WIDTH) {
    const code = (packed.charCodeAt(k) - 48) * 10000 + (packed.charCodeAt(k + 1) - 48) * 1000
      + (packed.charCodeAt(k + 2) - 48) * 100 + (packed.charCodeAt(k + 3) - 48) * 10 + (packed.charCodeAt(k + 4) - 48);
    if (addSlot) addSlot(code);
    layout[i] = slotOf[code]!;
  }
  return layout;
}

/** Adds one day's records to the per-slot counts (start[slot + 1]). */
function countSlots(layout: Int32Array, start: Int32Array): void {
  for (let i = 0; i < layout.length; i += 1) {
    const slot = layout[i]!;
    if (slot >= 0) start[slot + 1]! += 1;
  }
}

/** Writes day `d`'s wanted records at each slot's next position in the flat columns. */
function transposeDay(
  layout: Int32Array, caps: Float64Array, turnovers: Float64Array, flags: string, d: number, daySlot: number,
  next: Int32Array, dayOf: Int32Array, cap: Float64Array, turnover: Float64Array, suspended: Uint8Array,
  calendarSlot: Int32Array | null,
): void {
  for (let i = 0; i < layout.length; i += 1) {
    const slot = layout[i]!;
    if (slot < 0) continue;
    const k = next[slot]!++;
    dayOf[k] = d;
    cap[k] = caps[i]!;
    turnover[k] = turnovers[i]!;
    suspended[k] = flags.charCodeAt(i) - 48;
    if (calendarSlot) calendarSlot[k] = daySlot;
  }
}

/**
 * One security's slice of a window read. Its dates are an array of strings only when asked for: the
 * review's rules read the calendar slots instead, and 640 k date strings a screen are not free.
 */
class WindowSeries implements DailySeries {
  private materialized: IsoDate[] | null = null;

  constructor(
    private readonly windowDates: readonly IsoDate[],
    private readonly dayOf: Int32Array,
    readonly marketCapHkd: Float64Array,
    readonly turnoverHkd: Float64Array,
    readonly suspended: Uint8Array,
    readonly calendarSlots: DailySeries['calendarSlots'],
  ) {}

  get dates(): readonly IsoDate[] {
    if (this.materialized === null) this.materialized = Array.from(this.dayOf, (d) => this.windowDates[d]!);
    return this.materialized;
  }
}
