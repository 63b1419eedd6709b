import { sql, type Kysely } from 'kysely';
import { up as packIntoDays } from './2026-11-22T1800-daily-days.js';

/**
 * Daily records are a plain table again (issue 15): one row per (code, date), the system of record,
 * queryable with plain SQL, with its foreign key and CHECKs back. 2026-11-22T1800 had packed each
 * trading day into one `daily_days` row of little-endian doubles behind a decoding view, for a load
 * rate target since withdrawn; an analyst's query on the view took seconds to minutes.
 *
 * Layout: WITHOUT ROWID keyed (date, code), so one window across all codes (a review, a 12-month
 * average per code) is one contiguous range of the key; and an index on (code, date), so one code
 * across years is one range of the index (a year is ~250 lookups, about a millisecond). Keyed the
 * other way round, (code, date) with an index on date, SQLite answers a whole-market window through
 * the date index, one key lookup per row: 4.4 s for a 12-month average per code against 0.25-0.33 s
 * this way (measured on the sample market, 1.27 M rows, python3's sqlite3).
 *
 * `up` unpacks every `daily_days` row into the table (decoded here, one INSERT ... SELECT from a JSON
 * array per day: the view's SQL decoding takes minutes on a full market) and drops the view and
 * `daily_days`. `down` packs them again with 2026-11-22T1800's own `up`, which reads this very table.
 */
const CREATE_DAILY = `CREATE TABLE daily (
     code TEXT NOT NULL REFERENCES securities(code) ON DELETE CASCADE,
     date TEXT NOT NULL CHECK (date IS date(date)),
     market_cap_hkd INTEGER NOT NULL CHECK (typeof(market_cap_hkd) = 'integer' AND market_cap_hkd >= 0),
     turnover_hkd INTEGER NOT NULL CHECK (typeof(turnover_hkd) = 'integer' AND turnover_hkd >= 0),
     suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
     close REAL CHECK (close IS NULL OR close >= 0),
     volume INTEGER CHECK (volume IS NULL OR (typeof(volume) = 'integer' AND volume >= 0)),
     PRIMARY KEY (date, code)
   ) WITHOUT ROWID`;

interface PackedDay {
  date: string;
  rows: number;
  codes: string;
  market_caps: Buffer;
  turnovers: Buffer;
  suspended: string;
  closes: Buffer;
  volumes: Buffer;
}

/** Record `i` of a packed day as a JSON-ready row (NaN, "not given", becomes null). */
function unpack(day: PackedDay, i: number): Array<string | number | null> {
  const number = (blob: Buffer) => {
    const v = blob.readDoubleLE(i * 8);
    return Number.isNaN(v) ? null : v;
  };
  return [
    day.codes.slice(i * 5, i * 5 + 5), day.date, number(day.market_caps), number(day.turnovers),
    Number(day.suspended[i]), number(day.closes), number(day.volumes),
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw('DROP VIEW daily').execute(db);
  await sql.raw(CREATE_DAILY).execute(db);
  const dates = (await sql<{ date: string }>`SELECT date FROM daily_days ORDER BY date`.execute(db)).rows;
  for (const { date } of dates) {
    const day = (await sql<PackedDay>`SELECT * FROM daily_days WHERE date = ${date}`.execute(db)).rows[0]!;
    const rows = Array.from({ length: day.rows }, (_, i) => unpack(day, i));
    await sql`INSERT INTO daily (code, date, market_cap_hkd, turnover_hkd, suspended, close, volume)
      SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6
        FROM json_each(${JSON.stringify(rows)})`.execute(db);
  }
  await sql.raw('DROP TABLE daily_days').execute(db);
  await sql.raw('CREATE INDEX daily_by_code ON daily (code, date)').execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // 2026-11-22T1800's up drops the index the initial schema had; it finds it under its old name.
  await sql.raw('DROP INDEX daily_by_code').execute(db);
  await sql.raw('CREATE INDEX daily_by_date ON daily (date)').execute(db);
  await packIntoDays(db);
}
