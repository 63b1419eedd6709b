import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { openStore } from '../../src/db/connection.js';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readSeedCalendar, seedCalendar } from '../../src/jobs/seed-calendar.js';
import { addDaily, cleanTempDirs, makeTempDir, openMarket } from './schedule-fixture.js';

afterEach(cleanTempDirs);

function context() {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {},
    now: () => new Date('2030-01-01T00:00:00Z'), // the real clock stand-in; --now overrides it
    isTTY: false,
  };
  return { ctx, out, err };
}

describe('hkconnect schedule --once through runCli', () => {
  it('with --now after the cut-off and incomplete data: logs the wait and exits 0', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'store.db');
    const store = await openMarket(db);
    addDaily(store, '2026-06-29', 10);
    addDaily(store, '2026-06-30', 4);
    await store.close();
    const { ctx, out, err } = context();
    const code = await runCli(['schedule', '--once', '--now', '2026-07-02T09:00', '--db', db, '--reports', join(dir, 'r')], ctx);
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toBe('2026-07-02T09:00:00+08:00 semi-annual review 2026-06-30: waiting for data for 2026-06-30\n');
  });

  it('with --now on the cut-off day itself: the June review is not due yet', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'store.db');
    await (await openMarket(db)).close();
    const { ctx, out } = context();
    const code = await runCli(['schedule', '--once', '--now', '2026-06-30T18:00:00+08:00', '--db', db], ctx);
    expect(code).toBe(0);
    expect(out.join('')).toBe('2026-06-30T18:00:00+08:00 quarterly review 2026-03-31: no trading day on or before 2026-03-31 in the calendar\n');
  });

  it('with complete data: runs the real review once, writes its dated reports, and the next pass has nothing to do', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'store.db');
    const reports = join(dir, 'reports');
    const store = await openMarket(db);
    seedCalendar(store, readSeedCalendar()); // the real review needs the calendar through the effective date
    addDaily(store, '2026-06-29', 10);
    addDaily(store, '2026-06-30', 10);
    await store.close();
    const first = context();
    const code = await runCli(['schedule', '--once', '--now', '2026-07-02T09:00', '--db', db, '--reports', reports], first.ctx);
    expect(first.err.join('')).toBe('');
    expect(code).toBe(0);
    const names = ['json', 'csv', 'html'].map((e) => `review-2026-06-30-run1.${e}`);
    expect(first.out.join('')).toBe([
      '2026-07-02T09:00:00+08:00 starting semi-annual review 2026-06-30',
      '2026-07-02T09:00:00+08:00 run 1 succeeded: semi-annual review 2026-06-30',
      `2026-07-02T09:00:00+08:00 run 1 reports: ${names.map((n) => join(reports, n)).join(', ')}`,
      '',
    ].join('\n'));
    expect(readdirSync(reports).sort()).toEqual([...names].sort());
    const json = JSON.parse(readFileSync(join(reports, names[0]!), 'utf8'));
    expect([json.cutoff, json.kind, json.methodology]).toEqual(['2026-06-30', 'semi-annual', 'hsci-2025']);
    expect(readFileSync(join(reports, names[2]!), 'utf8')).toMatch(/^<!DOCTYPE html>/i);

    const second = context();
    expect(await runCli(['schedule', '--once', '--now', '2026-07-02T09:30', '--db', db, '--reports', reports], second.ctx)).toBe(0);
    expect(second.out.join('')).toBe('2026-07-02T09:30:00+08:00 nothing to do: semi-annual review 2026-06-30 done in run 1\n');
    const runs = context();
    await runCli(['query', 'runs', '--format', 'json', '--db', db], runs.ctx);
    expect(JSON.parse(runs.out.join(''))).toMatchObject([
      { id: 1, cutoff: '2026-06-30', kind: 'semi-annual', startedAt: '2026-07-02T09:00:00+08:00', status: 'succeeded', trigger: 'schedule' },
    ]);
  });

  it('a run whose reports cannot be written exits 1 with one sentence; the run itself stands', async () => {
    const dir = makeTempDir();
    const db = join(dir, 'store.db');
    const store = await openMarket(db);
    seedCalendar(store, readSeedCalendar());
    addDaily(store, '2026-06-29', 10);
    addDaily(store, '2026-06-30', 10);
    await store.close();
    writeFileSync(join(dir, 'taken'), 'a file where the reports directory should be\n');
    const { ctx, out, err } = context();
    expect(await runCli(['schedule', '--once', '--now', '2026-07-02T09:00', '--db', db, '--reports', join(dir, 'taken')], ctx)).toBe(1);
    expect(out.join('')).toMatch(/run 1 succeeded: semi-annual review 2026-06-30\n.* run 1 error: reports directory .*taken cannot be created: /);
    expect(err.join('')).toMatch(/^hkconnect: run 1: reports directory .*taken cannot be created: .+\n$/);
    const runs = context();
    await runCli(['query', 'runs', '--format', 'json', '--db', db], runs.ctx);
    expect(JSON.parse(runs.out.join(''))).toMatchObject([{ id: 1, cutoff: '2026-06-30', status: 'succeeded', trigger: 'schedule' }]);
  });

  it.each([
    [['--now', 'next tuesday'], '--now "next tuesday" is not a valid date-time; write e.g. 2026-07-02T09:00 (Hong Kong time).'],
    [['--now', '2026-02-30T09:00'], '--now "2026-02-30T09:00" is not a valid date-time; write e.g. 2026-07-02T09:00 (Hong Kong time).'],
    [['--cron', 'every minute'], '--cron "every minute" is not a valid cron expression.'],
    [['--complete-fraction', '0'], '--complete-fraction must be above 0 and at most 1, not 0.'],
    [['--methodology', 'hsci-1999'], 'Unknown methodology "hsci-1999"; known: hsci-2025, hsci-2024.'],
  ])('bad usage %j exits 2 with one sentence', async (args, message) => {
    const db = join(makeTempDir(), 'store.db');
    const { ctx, out, err } = context();
    expect(await runCli(['schedule', '--once', '--db', db, ...args], ctx)).toBe(2);
    expect(err.join('')).toBe(`hkconnect: ${message}\n`);
    expect(out).toEqual([]);
  });
});

describe('hkconnect query runs', () => {
  it('prints the runs by id with the contract fields (JSON exact, CSV header)', async () => {
    const db = join(makeTempDir(), 'store.db');
    const store = await openStore(db);
    const ins = store.sqlite.prepare(
      `INSERT INTO runs (cutoff, kind, methodology, started_at, finished_at, status, trigger, error)
       VALUES (?, ?, 'hsci-2025', ?, ?, ?, ?, ?)`,
    );
    ins.run('2026-06-30', 'semi-annual', '2026-07-02T01:00:00.000Z', '2026-07-02T01:00:05.000Z', 'failed', 'schedule', 'boom');
    ins.run('2026-06-30', 'semi-annual', '2026-07-02T01:30:00.000Z', '2026-07-02T01:30:04.000Z', 'succeeded', 'schedule', null);
    ins.run('2026-07-15', 'preview', '2026-07-16T02:00:00.000Z', null, 'running', 'cli', null);
    await store.close();

    const json = context();
    expect(await runCli(['query', 'runs', '--format', 'json', '--db', db], json.ctx)).toBe(0);
    expect(JSON.parse(json.out.join(''))).toEqual([
      // Stored in UTC, shown in Hong Kong time, as every instant the CLI prints.
      { id: 1, cutoff: '2026-06-30', kind: 'semi-annual', startedAt: '2026-07-02T09:00:00+08:00', finishedAt: '2026-07-02T09:00:05+08:00', status: 'failed', trigger: 'schedule' },
      { id: 2, cutoff: '2026-06-30', kind: 'semi-annual', startedAt: '2026-07-02T09:30:00+08:00', finishedAt: '2026-07-02T09:30:04+08:00', status: 'succeeded', trigger: 'schedule' },
      { id: 3, cutoff: '2026-07-15', kind: 'preview', startedAt: '2026-07-16T10:00:00+08:00', finishedAt: null, status: 'running', trigger: 'cli' },
    ]);

    const csv = context();
    expect(await runCli(['query', 'runs', '--format', 'csv', '--db', db], csv.ctx)).toBe(0);
    const lines = csv.out.join('').trimEnd().split('\n');
    expect(lines[0]).toBe('id,cutoff,kind,startedAt,finishedAt,status,trigger');
    expect(lines[3]).toBe('3,2026-07-15,preview,2026-07-16T10:00:00+08:00,,running,cli');
  });

  it('prints an empty JSON array on a store without runs', async () => {
    const db = join(makeTempDir(), 'store.db');
    const { ctx, out } = context();
    expect(await runCli(['db', 'migrate', '--db', db], context().ctx)).toBe(0);
    expect(await runCli(['query', 'runs', '--format', 'json', '--db', db], ctx)).toBe(0);
    expect(out.join('')).toBe('[]\n');
  });
});
