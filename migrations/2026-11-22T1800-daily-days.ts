import { sql, type Kysely } from 'kysely';

/**
 * Daily records stored one row per trading day (issue 7), no longer one row per (code, date).
 *
 * Why: SQLite spends ~1.6 µs per inserted row at best on this machine (a bare rowid table, one
 * prepared INSERT), so 1.3 M rows can never load at 400 k rows/s one row each; and handing 640 k
 * window rows to JavaScript one at a time costs more than the whole review. A day of the market is
 * the unit every loader writes (a daily file, an HKEX report) and every review reads (a window of
 * days), so it is stored as one row of columns, in ascending code order:
 *
 * - `codes`: 5 characters per code, concatenated (`0000100005...`);
 * - `market_caps`, `turnovers`, `closes`, `volumes`: 8 bytes per record, an IEEE 754 double,
 *   little-endian (amounts are whole HK$ below 2^53, so exact); NaN where a close or volume is not given;
 * - `suspended`: one `0`/`1` character per record.
 *
 * The view `daily` unpacks the rows again as (code, date, market_cap_hkd, turnover_hkd, suspended,
 * close, volume) in plain SQL, so ad hoc queries against the store read the same columns as before.
 * A row's codes are checked against `securities` by the loaders (a foreign key cannot point into a
 * packed column).
 */
const DATE_CHECK = `CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;

/** SQL for byte `k` (0 = least significant) of the hex text `h` of a little-endian double. */
const byteOf = (h: string, k: number) =>
  `((instr('0123456789ABCDEF', substr(${h}, ${2 * k + 1}, 1)) - 1) * 16 + instr('0123456789ABCDEF', substr(${h}, ${2 * k + 2}, 1)) - 1)`;

/** SQL decoding the hex text `h` of a little-endian IEEE 754 double (NaN -> NULL). */
function doubleOf(h: string): string {
  const exponent = `((${byteOf(h, 7)} % 128) * 16 + ${byteOf(h, 6)} / 16)`;
  const mantissa = `((${byteOf(h, 6)} % 16) * 281474976710656 + ${byteOf(h, 5)} * 1099511627776 + ${byteOf(h, 4)} * 4294967296`
    + ` + ${byteOf(h, 3)} * 16777216 + ${byteOf(h, 2)} * 65536 + ${byteOf(h, 1)} * 256 + ${byteOf(h, 0)})`;
  const sign = `(CASE WHEN ${byteOf(h, 7)} >= 128 THEN -1 ELSE 1 END)`;
  return `(CASE WHEN ${exponent} = 2047 THEN NULL WHEN ${exponent} = 0 THEN ${sign} * ${mantissa} * pow(2, -1074)`
    + ` ELSE ${sign} * (1 + ${mantissa} / 4503599627370496.0) * pow(2, ${exponent} - 1023) END)`;
}

const DAILY_VIEW = `CREATE VIEW daily AS
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < (SELECT max(rows) FROM daily_days))
  SELECT code, date,
         CAST(${doubleOf('hc')} AS INTEGER) AS market_cap_hkd,
         CAST(${doubleOf('ht')} AS INTEGER) AS turnover_hkd,
         suspended,
         ${doubleOf('hp')} AS close,
         CAST(${doubleOf('hv')} AS INTEGER) AS volume
    FROM (SELECT substr(d.codes, 5 * n.i + 1, 5) AS code, d.date AS date,
                 hex(substr(d.market_caps, 8 * n.i + 1, 8)) AS hc, hex(substr(d.turnovers, 8 * n.i + 1, 8)) AS ht,
                 CAST(substr(d.suspended, n.i + 1, 1) AS INTEGER) AS suspended,
                 hex(substr(d.closes, 8 * n.i + 1, 8)) AS hp, hex(substr(d.volumes, 8 * n.i + 1, 8)) AS hv
            FROM daily_days d JOIN n ON n.i < d.rows)`;

const CREATE_DAILY_DAYS = `CREATE TABLE daily_days (
     date TEXT PRIMARY KEY ${DATE_CHECK},
     rows INTEGER NOT NULL CHECK (rows > 0),
     codes TEXT NOT NULL CHECK (length(codes) = 5 * rows),
     market_caps BLOB NOT NULL CHECK (typeof(market_caps) = 'blob' AND length(market_caps) = 8 * rows),
     turnovers BLOB NOT NULL CHECK (typeof(turnovers) = 'blob' AND length(turnovers) = 8 * rows),
     suspended TEXT NOT NULL CHECK (length(suspended) = rows),
     closes BLOB NOT NULL CHECK (typeof(closes) = 'blob' AND length(closes) = 8 * rows),
     volumes BLOB NOT NULL CHECK (typeof(volumes) = 'blob' AND length(volumes) = 8 * rows)
   )`;

interface OldRow { code: string; market_cap_hkd: number; turnover_hkd: number; suspended: number; close: number | null; volume: number | null }

/** Doubles as little-endian bytes (written here, not imported: a landed migration must not change with the code). */
function doubles(values: ReadonlyArray<number | null>): Buffer {
  const buf = Buffer.alloc(values.length * 8);
  values.forEach((v, i) => buf.writeDoubleLE(v ?? Number.NaN, i * 8));
  return buf;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(CREATE_DAILY_DAYS).execute(db);
  const dates = (await sql<{ date: string }>`SELECT DISTINCT date FROM daily ORDER BY date`.execute(db)).rows.map((r) => r.date);
  for (const date of dates) {
    const rows = (await sql<OldRow>`SELECT code, market_cap_hkd, turnover_hkd, suspended, close, volume FROM daily WHERE date = ${date} ORDER BY code`
      .execute(db)).rows;
    await sql`INSERT INTO daily_days (date, rows, codes, market_caps, turnovers, suspended, closes, volumes) VALUES (
      ${date}, ${rows.length}, ${rows.map((r) => r.code).join('')}, ${doubles(rows.map((r) => r.market_cap_hkd))},
      ${doubles(rows.map((r) => r.turnover_hkd))}, ${rows.map((r) => String(r.suspended)).join('')},
      ${doubles(rows.map((r) => r.close))}, ${doubles(rows.map((r) => r.volume))})`.execute(db);
  }
  await sql.raw('DROP INDEX daily_by_date').execute(db);
  await sql.raw('DROP TABLE daily').execute(db);
  await sql.raw(DAILY_VIEW).execute(db);
}

const DOWN: string[] = [
  `CREATE TABLE daily_rows (
     code TEXT NOT NULL REFERENCES securities(code) ON DELETE CASCADE,
     date TEXT NOT NULL ${DATE_CHECK},
     market_cap_hkd INTEGER NOT NULL CHECK (market_cap_hkd >= 0),
     turnover_hkd INTEGER NOT NULL CHECK (turnover_hkd >= 0),
     suspended INTEGER NOT NULL CHECK (suspended IN (0, 1)),
     close REAL CHECK (close IS NULL OR close >= 0),
     volume INTEGER CHECK (volume IS NULL OR volume >= 0),
     PRIMARY KEY (code, date)
   ) WITHOUT ROWID`,
  `INSERT INTO daily_rows SELECT code, date, market_cap_hkd, turnover_hkd, suspended, close, volume FROM daily`,
  `DROP VIEW daily`,
  `DROP TABLE daily_days`,
  `ALTER TABLE daily_rows RENAME TO daily`,
  `CREATE INDEX daily_by_date ON daily (date)`,
];

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const s of DOWN) await sql.raw(s).execute(db);
}
