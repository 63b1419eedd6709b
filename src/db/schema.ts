import type { Generated } from 'kysely';

/** Kysely table types; columns snake_case as in migrations/, mapped to camelCase by the repositories. */
export interface CalendarTable { date: string; is_trading_day: number; source: 'seed' | 'dayquot' | 'data' | 'user'; note: string | null }

export interface SecuritiesTable {
  code: string; name: string; board: string; type: string; currency: string;
  listing_date: string; delisting_date: string | null;
  wvr: number; secondary_listing: number; free_float: number | null;
  a_share_code: string | null; a_share_exchange: string | null; a_share_listing_date: string | null;
  stabilisation_end: string | null; sfc_high_concentration: number; a_share_risk_alert: number; synthetic: number;
  /** 1 when the listing date was inferred (HKEX's list gives none; migration 2026-12-04T1200-files). */
  listing_date_inferred: Generated<number>;
}

export interface AttributeChangesTable { code: string; date: string; field: string; value: string }

/** One daily record per (code, date): the system of record (migration 2026-12-04T1000). */
export interface DailyTable {
  code: string; date: string; market_cap_hkd: number; turnover_hkd: number; suspended: number;
  close: number | null; volume: number | null;
}

export interface SharesIssuedTable { code: string; date: string; shares_issued: number }

export interface ListSnapshotsTable { list: 'HSCI' | 'SB_SH' | 'SB_SZ'; as_of: string; source: string | null; loaded_at: string }
export interface HsciMembersTable { as_of: string; code: string; segment: string }
export interface SouthboundMembersTable { as_of: string; channel: string; code: string; name: string | null }

export interface OfficialChangesTable {
  cutoff: string; list: string; channel: string; code: string; name: string | null; source: string | null;
}

export interface RunsTable {
  id: Generated<number>; cutoff: string; kind: string; effective_date: string | null; methodology: string;
  started_at: string; finished_at: string | null; status: 'running' | 'succeeded' | 'failed';
  trigger: 'cli' | 'schedule'; inputs_fingerprint: string | null; error: string | null;
  /** NULL since migration 2026-11-22T2000-run-results-deflated, which moved every result into result_deflated. */
  result_json: string | null;
  /** Raw DEFLATE of the result JSON (runs.ts encodeRunResult / decodeRunResult). */
  result_deflated: Buffer | null;
}
export interface RunChangesTable { run_id: number; list: string; channel: string; code: string }

export interface LoadsTable {
  id: Generated<number>; kind: string; file: string; sha256: string; loaded_at: string;
  rows_read: number; rows_stored: number; rows_rejected: number;
}

/** One download of a public source (migration 2026-12-04T1300-fetches; src/db/repositories/fetches.ts). */
export interface FetchesTable {
  id: Generated<number>; source: string; target: string; url: string; fetched_at: string; http_status: number | null;
  bytes: number; sha256: string | null; rows: number | null; as_of: string | null;
  outcome: 'loaded' | 'unchanged' | 'fetched' | 'refused' | 'failed'; reason: string | null; file: string | null; attempts: number;
}

/** Each HKEX list of securities loaded (migration 2026-12-04T1200-files), by the date it is as of. */
export interface SecurityListsTable { as_of: string; source: string; loaded_at: string; securities: number }

export interface JobLocksTable { name: string; holder: string; acquired_at: string; expires_at: string }

export interface Database {
  calendar: CalendarTable;
  securities: SecuritiesTable;
  attribute_changes: AttributeChangesTable;
  daily: DailyTable;
  shares_issued: SharesIssuedTable;
  list_snapshots: ListSnapshotsTable;
  hsci_members: HsciMembersTable;
  southbound_members: SouthboundMembersTable;
  official_changes: OfficialChangesTable;
  runs: RunsTable;
  run_changes: RunChangesTable;
  loads: LoadsTable;
  job_locks: JobLocksTable;
  fetches: FetchesTable;

  security_lists: SecurityListsTable;
}
