import { createHash, type Hash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import type { InputIssue } from '../domain/errors.js';
import { getMethodology } from '../methodology/index.js';
import type { CapJump } from './day-over-day.js';
import type { StoredCaps } from './stored-caps.js';
import type { CapJumpWarnings, IngestOptions, LoadSummary, RowIssue } from './types.js';

/** At most this many issues are kept per file; the rest are only counted (a 1.3 M-row file of bad rows stays small). */
export const MAX_KEPT_ISSUES = 1000;

/** Thrown to stop a load: the whole file is rejected and nothing from it is stored. */
export class FileRejected extends Error {
  constructor(readonly issue: RowIssue) {
    super(issue.reason);
  }
}

/**
 * One load of one file, inside its transaction: counts rows, collects issues, enforces `--strict`,
 * and feeds the file's bytes to the content hash recorded in `loads`.
 */
export class LoadRun {
  rowsRead = 0;
  rowsStored = 0;
  rowsRejected = 0;
  issueCount = 0;
  readonly issues: InputIssue[] = [];
  /** Plausibility warnings, set once the load's rows are stored (checkCapJumps). */
  capJumps: CapJumpWarnings | undefined;
  readonly totalBytes: number;
  private readonly hash: Hash = createHash('sha256');
  private hashed = false;

  constructor(readonly store: Store, readonly kind: string, readonly file: string, readonly options: IngestOptions) {
    this.totalBytes = statSync(file).size;
  }

  /** Records a bad row (counted as rejected). In strict mode this rejects the whole file at once. */
  reject(issue: RowIssue): void {
    this.rowsRejected++;
    if (this.options.strict) throw new FileRejected(issue);
    this.note(issue);
  }

  /** Rejects the whole file (wrong header, empty file, ...), whatever the mode. */
  failFile(issue: RowIssue): never {
    throw new FileRejected(issue);
  }

  /**
   * Plausibility at ingest: warns of every day-over-day market cap move beyond the methodology's factor
   * among the caps this load stored (and the store's records next to them). Stores and rejects nothing.
   */
  checkCapJumps(caps: StoredCaps, removed?: ReadonlySet<string>): void {
    const maxFactor = this.options.maxDayOverDayFactor ?? getMethodology().dataQuality.maxDayOverDayFactor;
    const jumps: CapJump[] = caps.findJumps(this.store.sqlite, maxFactor, removed);
    this.capJumps = { maxFactor, count: jumps.length, first: jumps.slice(0, MAX_KEPT_ISSUES) };
  }

  /** Feeds bytes read from the file to its content hash (readers call it for every chunk). */
  hashBytes(chunk: Buffer): void {
    this.hashed = true;
    this.hash.update(chunk);
  }

  /** Reads the whole file (for small formats such as JSON or HTML), refusing files over maxBytes. */
  async readWholeFile(maxBytes: number): Promise<Buffer> {
    if (this.totalBytes > maxBytes) this.failFile({ reason: `the file is ${this.totalBytes} bytes, more than the ${maxBytes} this kind accepts` });
    const chunks: Buffer[] = [];
    let bytes = 0;
    for await (const chunk of createReadStream(this.file)) {
      const buf = chunk as Buffer;
      chunks.push(buf);
      bytes += buf.length;
      this.hashBytes(buf);
      this.options.progress?.(bytes, this.totalBytes);
    }
    return Buffer.concat(chunks);
  }

  /** The file's sha256, hashing it now if the loader read it some other way. */
  async digest(): Promise<string> {
    if (!this.hashed) for await (const chunk of createReadStream(this.file)) this.hash.update(chunk as Buffer);
    return this.hash.digest('hex');
  }

  private note(issue: RowIssue): void {
    this.issueCount++;
    if (this.issues.length < MAX_KEPT_ISSUES) this.issues.push({ file: this.file, ...issue });
  }
}

/**
 * Runs one file's load in ONE transaction (BEGIN IMMEDIATE ... COMMIT): either everything the
 * load accepted is stored together with its `loads` record, or (strict failure, bad header, a crash,
 * a kill) nothing is. Never commits in batches, so an interrupted load leaves the store as it was.
 * Returns the summary; never throws for bad input (only for a broken store).
 */
export async function runFileLoad(
  store: Store, kind: string, file: string, options: IngestOptions, body: (run: LoadRun) => Promise<void>,
): Promise<LoadSummary> {
  const missing = checkReadableFile(file);
  if (missing) return rejectedSummary(kind, file, { file, reason: missing }, 0, 0, []);
  const run = new LoadRun(store, kind, file, options);
  const { sqlite } = store;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    await body(run);
    const sha256 = await run.digest();
    recordLoad(store, run, sha256, (options.now ?? new Date()).toISOString());
    sqlite.exec('COMMIT');
  } catch (err) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    if (!(err instanceof FileRejected)) throw err;
    return rejectedSummary(kind, file, { file, ...err.issue }, run.rowsRead, run.rowsRejected, run.issues, run.issueCount);
  }
  return {
    kind, file, status: 'loaded', rowsRead: run.rowsRead, rowsStored: run.rowsStored, rowsRejected: run.rowsRejected,
    issues: run.issues, issueCount: run.issueCount, ...(run.capJumps ? { capJumps: run.capJumps } : {}),
  };
}

function recordLoad(store: Store, run: LoadRun, sha256: string, loadedAt: string): void {
  store.sqlite
    .prepare(`INSERT INTO loads (kind, file, sha256, loaded_at, rows_read, rows_stored, rows_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(run.kind, run.file, sha256, loadedAt, run.rowsRead, run.rowsStored, run.rowsRejected);
}

function rejectedSummary(
  kind: string, file: string, fileIssue: InputIssue, rowsRead: number, rowsRejected: number,
  issues: readonly InputIssue[], issueCount = issues.length,
): LoadSummary {
  return { kind, file, status: 'rejected', rowsRead, rowsStored: 0, rowsRejected, issues, issueCount, fileIssue };
}

/** A reason when `file` cannot be loaded at all (missing, a directory), else null. */
function checkReadableFile(file: string): string | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? null : 'is not a regular file';
  } catch {
    return 'no such file';
  }
}
