import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Store } from '../db/connection.js';
import { JobError } from '../domain/errors.js';

/** The one lock name every review run takes, from `screen` and from the scheduler alike (issue 6). */
export const REVIEW_LOCK = 'review';

/** A default time-to-live: longer than any review takes, short enough that a killed process's lock clears. */
export const DEFAULT_LOCK_TTL_MS = 6 * 60 * 60 * 1000;

export interface JobLockOptions {
  /** The lock's name, e.g. `REVIEW_LOCK`. */
  readonly name: string;
  /** Who takes it; unique per process and attempt (see `makeLockHolder`). */
  readonly holder: string;
  /** The instant of acquisition (the injected clock). */
  readonly now: Date;
  /** How long the lock holds before another process may take it over as stale. */
  readonly ttlMs: number;
}

/** Either the lock was taken and `fn` ran (its value), or someone else holds it. */
export type LockOutcome<T> =
  | { readonly acquired: true; readonly value: T }
  | { readonly acquired: false; readonly holder: string; readonly expiresAt: string };

/** A holder id naming the host, the process and the attempt, so a lock row tells who took it. */
export function makeLockHolder(label: string): string {
  return `${label}@${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Runs `fn` while holding the named lock in the `job_locks` table, and releases it in `finally`.
 * Taking it is one atomic statement: the row is inserted, or an existing row is overwritten only
 * when it has expired (a crashed or killed holder), so two processes can never both hold it.
 * Instants are stored as UTC ISO strings, which compare correctly as text.
 */
export async function withJobLock<T>(store: Store, options: JobLockOptions, fn: () => Promise<T>): Promise<LockOutcome<T>> {
  if (!tryAcquireJobLock(store, options)) {
    const row = readJobLock(store, options.name);
    return { acquired: false, holder: row?.holder ?? 'unknown', expiresAt: row?.expiresAt ?? '' };
  }
  try {
    return { acquired: true, value: await fn() };
  } finally {
    releaseJobLock(store, options.name, options.holder);
  }
}

/**
 * Runs `fn` under the review lock, as `screen` does (holder `screen@host:pid:...`); when another
 * run (a scheduled one, another screen) holds it, throws a JobError (exit 1) naming the holder.
 */
export async function withReviewLock<T>(store: Store, label: string, now: Date, fn: () => Promise<T>): Promise<T> {
  const holder = makeLockHolder(label);
  const outcome = await withJobLock(store, { name: REVIEW_LOCK, holder, now, ttlMs: DEFAULT_LOCK_TTL_MS }, fn);
  if (outcome.acquired) return outcome.value;
  throw new JobError(`another review run holds the review lock (${outcome.holder}, until ${outcome.expiresAt}); try again when it has finished.`);
}

/** Takes the lock when it is free or expired; true when this holder now has it. */
export function tryAcquireJobLock(store: Store, options: JobLockOptions): boolean {
  const acquiredAt = options.now.toISOString();
  const expiresAt = new Date(options.now.getTime() + options.ttlMs).toISOString();
  const info = store.sqlite
    .prepare(
      `INSERT INTO job_locks (name, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET
         holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
       WHERE job_locks.expires_at <= excluded.acquired_at`,
    )
    .run(options.name, options.holder, acquiredAt, expiresAt);
  return info.changes === 1;
}

/** Releases the lock if (and only if) this holder still has it: a lock taken over as stale stays with its new holder. */
export function releaseJobLock(store: Store, name: string, holder: string): void {
  store.sqlite.prepare('DELETE FROM job_locks WHERE name = ? AND holder = ?').run(name, holder);
}

/** The lock row as it stands, or null when nobody holds it. */
export function readJobLock(store: Store, name: string): { holder: string; acquiredAt: string; expiresAt: string } | null {
  const row = store.sqlite
    .prepare('SELECT holder, acquired_at AS acquiredAt, expires_at AS expiresAt FROM job_locks WHERE name = ?')
    .get(name) as { holder: string; acquiredAt: string; expiresAt: string } | undefined;
  return row ?? null;
}
