import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readJobLock, REVIEW_LOCK, tryAcquireJobLock, withJobLock, withReviewLock } from '../../src/jobs/job-lock.js';
import { JobError } from '../../src/domain/errors.js';
import { openStore } from '../../src/db/connection.js';
import { cleanTempDirs, makeTempDir } from './schedule-fixture.js';

afterEach(cleanTempDirs);

const T0 = new Date('2026-07-02T01:00:00Z');
const HOUR = 3_600_000;
const lock = (holder: string, now: Date, ttlMs = HOUR) => ({ name: REVIEW_LOCK, holder, now, ttlMs });

describe('withJobLock on a real SQLite file', () => {
  it('runs fn holding the lock, returns its value and releases the lock', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    const out = await withJobLock(store, lock('a', T0), async () => {
      expect(readJobLock(store, REVIEW_LOCK)).toEqual({
        holder: 'a', acquiredAt: '2026-07-02T01:00:00.000Z', expiresAt: '2026-07-02T02:00:00.000Z',
      });
      return 42;
    });
    expect(out).toEqual({ acquired: true, value: 42 });
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();
    await store.close();
  });

  it('refuses a second holder while the lock is held, from another connection too', async () => {
    const path = join(makeTempDir(), 'lock.db');
    const a = await openStore(path);
    const b = await openStore(path);
    let inner: unknown;
    await withJobLock(a, lock('a', T0), async () => {
      inner = await withJobLock(b, lock('b', new Date(T0.getTime() + HOUR - 1)), async () => 'ran');
    });
    expect(inner).toEqual({ acquired: false, holder: 'a', expiresAt: '2026-07-02T02:00:00.000Z' });
    // Released by a: b can take it now.
    expect(await withJobLock(b, lock('b', T0), async () => 'ran')).toEqual({ acquired: true, value: 'ran' });
    await a.close();
    await b.close();
  });

  it('takes over a stale lock (expired: its holder was killed), at and after the expiry', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    expect(tryAcquireJobLock(store, lock('dead', T0))).toBe(true); // never released
    const justBefore = new Date(T0.getTime() + HOUR - 1);
    expect(tryAcquireJobLock(store, lock('b', justBefore))).toBe(false);
    const atExpiry = new Date(T0.getTime() + HOUR);
    expect(await withJobLock(store, lock('c', atExpiry), async () => readJobLock(store, REVIEW_LOCK)?.holder))
      .toEqual({ acquired: true, value: 'c' });
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();
    await store.close();
  });

  it('releases the lock when fn throws', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    await expect(withJobLock(store, lock('a', T0), async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(readJobLock(store, REVIEW_LOCK)).toBeNull();
    await store.close();
  });

  it('does not release a lock that another holder took over after this one expired', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    await withJobLock(store, lock('slow', T0, 1000), async () => {
      expect(tryAcquireJobLock(store, lock('next', new Date(T0.getTime() + 1000)))).toBe(true);
    });
    expect(readJobLock(store, REVIEW_LOCK)?.holder).toBe('next');
    await store.close();
  });

  it('keeps different lock names apart', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    await withJobLock(store, lock('a', T0), async () => {
      expect(await withJobLock(store, { ...lock('b', T0), name: 'ingest' }, async () => 1)).toEqual({ acquired: true, value: 1 });
    });
    await store.close();
  });
});

describe('withReviewLock (the call `screen` makes)', () => {
  it('returns the value when free and throws a JobError naming the holder when held', async () => {
    const store = await openStore(join(makeTempDir(), 'lock.db'));
    expect(await withReviewLock(store, 'screen', T0, async () => 'result')).toBe('result');
    expect(tryAcquireJobLock(store, lock('schedule@host:7:abc', T0))).toBe(true);
    const err = await withReviewLock(store, 'screen', T0, async () => 'never').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobError);
    expect((err as Error).message).toBe(
      'another review run holds the review lock (schedule@host:7:abc, until 2026-07-02T02:00:00.000Z); try again when it has finished.',
    );
    await store.close();
  });
});
