import { sql, type Kysely } from 'kysely';

/**
 * The initial store (issue 2). Constraints live in the schema so that no loader bug can write
 * a negative cap, an unknown enumeration or an orphan daily row.
 */
const ISO = (col: string) => `CHECK (${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
const ISO_OR_NULL = (col: string) => `CHECK (${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')`;
const CODE = (col: string) => `CHECK (${col} GLOB '[0-9][0-9][0-9][0-9][0-9]')`;
const BOOL = (col: string) => `CHECK (${col} IN (0, 1))`;

const statements: string[] = [
  `CREATE TABLE calendar (
     date TEXT PRIMARY KEY ${ISO('date')},
     is_trading_day INTEGER NOT NULL ${BOOL('is_trading_day')},
     source TEXT NOT NULL CHECK (source IN ('seed', 'dayquot', 'data', 'user')),
     note TEXT
   ) WITHOUT ROWID`,
  `CREATE TABLE securities (
     code TEXT PRIMARY KEY ${CODE('code')},
     name TEXT NOT NULL,
     board TEXT NOT NULL CHECK (board IN ('MAIN', 'GEM')),
     type TEXT NOT NULL CHECK (type IN ('EQUITY','REIT','STAPLED','ETF','FUND','INVESTMENT_CO','SPAC','PREFERENCE','DEBT','WARRANT','OTHER')),
     currency TEXT NOT NULL CHECK (currency IN ('HKD', 'CNY', 'USD')),
     listing_date TEXT NOT NULL ${ISO('listing_date')},
     delisting_date TEXT ${ISO_OR_NULL('delisting_date')},
     wvr INTEGER NOT NULL DEFAULT 0 ${BOOL('wvr')},
     secondary_listing INTEGER NOT NULL DEFAULT 0 ${BOOL('secondary_listing')},
     free_float REAL CHECK (free_float IS NULL OR (free_float > 0 AND free_float <= 1)),
     a_share_code TEXT,
     a_share_exchange TEXT CHECK (a_share_exchange IS NULL OR a_share_exchange IN ('SSE', 'SZSE')),
     a_share_listing_date TEXT ${ISO_OR_NULL('a_share_listing_date')},
     stabilisation_end TEXT ${ISO_OR_NULL('stabilisation_end')},
     sfc_high_concentration INTEGER NOT NULL DEFAULT 0 ${BOOL('sfc_high_concentration')},
     a_share_risk_alert INTEGER NOT NULL DEFAULT 0 ${BOOL('a_share_risk_alert')},
     synthetic INTEGER NOT NULL DEFAULT 0 ${BOOL('synthetic')}
   ) WITHOUT ROWID`,
  `CREATE TABLE attribute_changes (
     code TEXT NOT NULL REFERENCES securities(code) ON DELETE CASCADE,
     date TEXT NOT NULL ${ISO('date')},
     field TEXT NOT NULL CHECK (field IN ('name','board','type','currency','delisting_date','wvr','secondary_listing','free_float','a_share_code','a_share_exchange','a_share_listing_date','stabilisation_end','sfc_high_concentration','a_share_risk_alert')),
     value TEXT NOT NULL,
     PRIMARY KEY (code, field, date)
   ) WITHOUT ROWID`,
  `CREATE TABLE daily (
     code TEXT NOT NULL REFERENCES securities(code) ON DELETE CASCADE,
     date TEXT NOT NULL ${ISO('date')},
     market_cap_hkd INTEGER NOT NULL CHECK (market_cap_hkd >= 0),
     turnover_hkd INTEGER NOT NULL CHECK (turnover_hkd >= 0),
     suspended INTEGER NOT NULL ${BOOL('suspended')},
     close REAL CHECK (close IS NULL OR close >= 0),
     volume INTEGER CHECK (volume IS NULL OR volume >= 0),
     PRIMARY KEY (code, date)
   ) WITHOUT ROWID`,
  `CREATE INDEX daily_by_date ON daily (date)`,
  `CREATE TABLE shares_issued (
     code TEXT NOT NULL REFERENCES securities(code) ON DELETE CASCADE,
     date TEXT NOT NULL ${ISO('date')},
     shares_issued INTEGER NOT NULL CHECK (shares_issued > 0),
     PRIMARY KEY (code, date)
   ) WITHOUT ROWID`,
  // List snapshots: a list is in force from its as_of date until the next snapshot of the same list.
  // No foreign key to securities: official lists name codes the store may not hold.
  `CREATE TABLE list_snapshots (
     list TEXT NOT NULL CHECK (list IN ('HSCI', 'SB_SH', 'SB_SZ')),
     as_of TEXT NOT NULL ${ISO('as_of')},
     source TEXT,
     loaded_at TEXT NOT NULL,
     PRIMARY KEY (list, as_of)
   ) WITHOUT ROWID`,
  `CREATE TABLE hsci_members (
     as_of TEXT NOT NULL ${ISO('as_of')},
     code TEXT NOT NULL ${CODE('code')},
     segment TEXT NOT NULL CHECK (segment IN ('LARGE', 'MID', 'SMALL')),
     PRIMARY KEY (as_of, code)
   ) WITHOUT ROWID`,
  `CREATE TABLE southbound_members (
     as_of TEXT NOT NULL ${ISO('as_of')},
     channel TEXT NOT NULL CHECK (channel IN ('SH', 'SZ')),
     code TEXT NOT NULL ${CODE('code')},
     name TEXT,
     PRIMARY KEY (as_of, channel, code)
   ) WITHOUT ROWID`,
  // Official announcements; channel '' when the list has none (hsci lists, or sb lists given without one).
  `CREATE TABLE official_changes (
     cutoff TEXT NOT NULL ${ISO('cutoff')},
     list TEXT NOT NULL CHECK (list IN ('hsci_add', 'hsci_remove', 'sb_add', 'sb_remove')),
     channel TEXT NOT NULL DEFAULT '' CHECK (channel IN ('', 'SH', 'SZ')),
     code TEXT NOT NULL ${CODE('code')},
     name TEXT,
     source TEXT,
     PRIMARY KEY (cutoff, list, channel, code)
   ) WITHOUT ROWID`,
  `CREATE TABLE runs (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     cutoff TEXT NOT NULL ${ISO('cutoff')},
     kind TEXT NOT NULL CHECK (kind IN ('semi-annual', 'quarterly', 'preview')),
     effective_date TEXT ${ISO_OR_NULL('effective_date')},
     methodology TEXT NOT NULL,
     started_at TEXT NOT NULL,
     finished_at TEXT,
     status TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
     trigger TEXT NOT NULL CHECK (trigger IN ('cli', 'schedule')),
     inputs_fingerprint TEXT,
     error TEXT,
     result_json TEXT
   )`,
  `CREATE INDEX runs_by_cutoff ON runs (cutoff, status)`,
  `CREATE TABLE run_changes (
     run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     list TEXT NOT NULL CHECK (list IN ('hsci_add', 'hsci_remove', 'sb_add', 'sb_remove')),
     channel TEXT NOT NULL DEFAULT '' CHECK (channel IN ('', 'SH', 'SZ')),
     code TEXT NOT NULL ${CODE('code')},
     PRIMARY KEY (run_id, list, channel, code)
   ) WITHOUT ROWID`,
  // A record of each file loaded (path, content hash), for the inputs fingerprint and the audit trail.
  `CREATE TABLE loads (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     kind TEXT NOT NULL,
     file TEXT NOT NULL,
     sha256 TEXT NOT NULL,
     loaded_at TEXT NOT NULL,
     rows_read INTEGER NOT NULL CHECK (rows_read >= 0),
     rows_stored INTEGER NOT NULL CHECK (rows_stored >= 0),
     rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0)
   )`,
  // One row per named lock; a CLI run and a scheduled run take the same lock (issue 6).
  `CREATE TABLE job_locks (
     name TEXT PRIMARY KEY,
     holder TEXT NOT NULL,
     acquired_at TEXT NOT NULL,
     expires_at TEXT NOT NULL
   ) WITHOUT ROWID`,
];

const tables = [
  'job_locks', 'loads', 'run_changes', 'runs', 'official_changes', 'southbound_members', 'hsci_members',
  'list_snapshots', 'shares_issued', 'daily', 'attribute_changes', 'securities', 'calendar',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of tables) await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
}
