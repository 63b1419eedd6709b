import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/connection.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrate.js';
import { runCliCaptured } from '../support/run-cli.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A store as 2026-12-04T1300 left it, holding what the old diff stored: each run again, figures rounded, 1 for 0/0. */
async function oldStore() {
  const dir = mkdtempSync(join(tmpdir(), 'hkc-diffmig-'));
  dirs.push(dir);
  const store = await openStore(join(dir, 'store.db'));
  expect((await migrateTo(store.db, '2026-12-04T1300-fetches')).error).toBeUndefined();
  const { sqlite } = store;
  sqlite.prepare(`INSERT INTO runs (cutoff, kind, methodology, started_at, status, trigger) VALUES ('2026-06-30', 'semi-annual', 'hsci-2025', 'x', 'succeeded', 'cli')`).run();
  const diff = sqlite.prepare(`INSERT INTO diffs (run_id, cutoff, official_file, official_sha256, official_format, created_at, report_json) VALUES (1, '2026-06-30', ?, ?, 'contract-csv', ?, '{}')`);
  const list = sqlite.prepare('INSERT INTO diff_lists (diff_id, list, hits, missed, extra, precision, recall) VALUES (?, ?, ?, ?, ?, ?, ?)');
  // Diffs 1, 2 and 4: the same file compared with the same run on the same lists (one diff run three times); 3: another file.
  for (const [id, file, sha] of [[1, 'a.csv', 'aa'], [2, 'a.csv', 'aa'], [3, 'b.csv', 'bb'], [4, 'a.csv', 'aa']] as const) {
    diff.run(file, sha, `2026-08-2${id}T02:00:00.000Z`);
    list.run(id, 'hsci_remove', 2, 0, 1, 0.6667, 1);
    list.run(id, 'sb_remove_SZ', 0, 2, 0, 1, 0);
  }
  return store;
}

describe('migration 2026-12-04T1400-diff-runs', () => {
  it('keeps the first of each repeated diff, recomputes the figures unrounded, and null where the denominator is 0', async () => {
    const store = await oldStore();
    expect((await migrateToLatest(store.db)).error).toBeUndefined();
    const { sqlite } = store;
    expect(sqlite.prepare('SELECT id, lists_key FROM diffs ORDER BY id').all()).toEqual([
      { id: 1, lists_key: 'hsci_remove,sb_remove_SZ' }, { id: 3, lists_key: 'hsci_remove,sb_remove_SZ' },
    ]);
    expect(sqlite.prepare('SELECT diff_id, list, precision, recall FROM diff_lists ORDER BY diff_id, list').all()).toEqual([
      { diff_id: 1, list: 'hsci_remove', precision: 2 / 3, recall: 1 },
      { diff_id: 1, list: 'sb_remove_SZ', precision: null, recall: 0 },
      { diff_id: 3, list: 'hsci_remove', precision: 2 / 3, recall: 1 },
      { diff_id: 3, list: 'sb_remove_SZ', precision: null, recall: 0 },
    ]);
    // From now on the store itself refuses a second copy of a diff.
    expect(() => sqlite.prepare(`INSERT INTO diffs (run_id, cutoff, official_file, official_sha256, official_format, created_at, lists_key, report_json)
      VALUES (1, '2026-06-30', 'a.csv', 'aa', 'contract-csv', 'y', 'hsci_remove,sb_remove_SZ', '{}')`).run()).toThrow(/UNIQUE/);
    // Deleting a diff still deletes its lists (the rebuilt table keeps the cascade).
    sqlite.prepare('DELETE FROM diffs WHERE id = 3').run();
    expect(sqlite.prepare('SELECT count(*) FROM diff_lists').pluck().get()).toBe(2);
    await store.close();
  });

  it('query accuracy on the migrated store: the latest per review and list, 1 by convention with the note where a denominator is 0', async () => {
    const store = await oldStore();
    const path = store.path;
    await store.close();
    const now = new Date('2026-09-01T00:00:00Z');
    const latest = JSON.parse((await runCliCaptured(path, now, ['query', 'accuracy', '--format', 'json'])).out);
    expect(latest.map((r: any) => [r.list, r.diffId, r.precision, r.recall, r.note])).toEqual([
      ['hsci_remove', 3, 2 / 3, 1, ''],
      ['sb_remove_SZ', 3, 1, 0, 'precision 1 by convention: nothing predicted'],
    ]);
    expect(latest[0].createdAt).toBe('2026-08-23T10:00:00+08:00');
    const all = JSON.parse((await runCliCaptured(path, now, ['query', 'accuracy', '--all', '--format', 'json'])).out);
    expect(all.map((r: any) => `${r.list}:${r.diffId}`)).toEqual(['hsci_remove:1', 'hsci_remove:3', 'sb_remove_SZ:1', 'sb_remove_SZ:3']);
    const table = (await runCliCaptured(path, now, ['query', 'accuracy'])).out;
    expect(table).toMatch(/\n2026-06-30 +hsci-2025 +sb_remove_SZ +0 +2 +0 +1\.0000 +0\.0000 +3 +1 +b\.csv +2026-08-23T10:00:00\+08:00 +precision 1 by convention: nothing predicted\n/);
  });

  it('goes down to the NOT NULL columns (a null figure reads 1, as before) and up again', async () => {
    const store = await oldStore();
    expect((await migrateToLatest(store.db)).error).toBeUndefined();
    expect((await migrateTo(store.db, '2026-12-04T1300-fetches')).error).toBeUndefined();
    expect(store.sqlite.prepare("SELECT precision FROM diff_lists WHERE list = 'sb_remove_SZ' AND diff_id = 1").pluck().get()).toBe(1);
    expect(store.sqlite.prepare("SELECT count(*) FROM pragma_table_info('diffs') WHERE name = 'lists_key'").pluck().get()).toBe(0);
    expect((await migrateToLatest(store.db)).error).toBeUndefined();
    expect(store.sqlite.prepare("SELECT precision FROM diff_lists WHERE list = 'sb_remove_SZ' AND diff_id = 1").pluck().get()).toBeNull();
    await store.close();
  });
});
