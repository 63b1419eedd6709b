import type { Store } from '../db/connection.js';
import type { InputIssue } from '../domain/errors.js';
import type { Channel, IsoDate } from '../domain/types.js';
import type { CapJump } from './day-over-day.js';

/** What `hkconnect ingest` passes to every kind's loader. */
export interface IngestOptions {
  /** Reject the whole file (store nothing from it) on the first bad row. */
  readonly strict: boolean;
  /** `--as-of DATE`: the date a list snapshot (hsci, southbound) is in force from. */
  readonly asOf?: IsoDate;
  /** `--cutoff DATE`: the review an official announcement belongs to. */
  readonly cutoff?: IsoDate;
  /** `--channel SH|SZ`: the channel of a southbound list that does not name one per row. */
  readonly channel?: Channel;
  /**
   * `--open-days DATE,...` (daily): days the bundled calendar marks closed on which the market was in
   * fact open; they are recorded open (calendar source `user`) in the file's transaction before its rows.
   */
  readonly openDays?: readonly IsoDate[];
  /** `--date-format`: how the file writes its dates (YYYY-MM-DD when not given; never guessed). */
  readonly dateFormat?: string;
  /**
   * Plausibility (daily, dayquot): a day-over-day market cap move beyond this factor is a warning in the
   * load's summary. Default: the default methodology's `dataQuality.maxDayOverDayFactor`.
   */
  readonly maxDayOverDayFactor?: number;
  /** Called as bytes are read (never throttled here: the caller throttles). */
  readonly progress?: (bytesRead: number, totalBytes: number) => void;
  /** The instant recorded as `loaded_at` (the job passes its clock in); default: now. */
  readonly now?: Date;
}

/** The outcome of loading one file. */
export interface LoadSummary {
  readonly kind: string;
  readonly file: string;
  /** `loaded`: committed (possibly with skipped rows); `rejected`: nothing from the file was stored. */
  readonly status: 'loaded' | 'rejected';
  readonly rowsRead: number;
  readonly rowsStored: number;
  readonly rowsRejected: number;
  /** The first issues found (at most MAX_KEPT_ISSUES), in file order. */
  readonly issues: readonly InputIssue[];
  /** How many issues were found in all (may exceed `issues.length`). */
  readonly issueCount: number;
  /** Why the whole file was rejected (wrong header, strict failure, missing file, ...). */
  readonly fileIssue?: InputIssue;
  /**
   * Plausibility warnings (daily, dayquot): day-over-day market cap moves beyond `maxFactor` that touch a
   * row of this file, by code then date. Warnings, not rejections: the rows are stored (a big rights
   * issue is real). `first` keeps at most MAX_KEPT_ISSUES of the `count`.
   */
  readonly capJumps?: CapJumpWarnings;
  /** Counts worth a word that are not issues (dayquot: "N rows for codes not in securities"). */
  readonly notes?: readonly string[];
}

/** The day-over-day warnings of one load. */
export interface CapJumpWarnings {
  readonly maxFactor: number;
  readonly count: number;
  readonly first: readonly CapJump[];
}

/** One input kind: `hkconnect ingest KIND FILE...`. */
export interface IngestKind {
  /** One line for `--help`. */
  readonly describe: string;
  load(store: Store, file: string, options: IngestOptions): Promise<LoadSummary>;
  /** Loads all the files of one command together when they make one list between them (Hang Seng exports); one summary per file, in order. */
  loadMany?(store: Store, files: readonly string[], options: IngestOptions, progressFor?: (file: string) => IngestOptions['progress']): Promise<LoadSummary[]>;
}

/** A problem with one row or file, before the file name is attached. */
export interface RowIssue {
  /** The file, when a load reads several (a wide daily layout); else the load's own file. */
  readonly file?: string;
  readonly line?: number;
  readonly field?: string;
  readonly reason: string;
}
