import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../support/run-cli.js';
import { buildScenarioStore } from './scenario-market.js';

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hkc-cli-'));
  dbPath = join(dir, 'store.db');
  const store = await buildScenarioStore(dbPath);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCliCaptured(dbPath, new Date('2026-08-20T02:00:00Z'), args);

describe('hkconnect screen', () => {
  it('prints the contract JSON with --format json', async () => {
    const { code, out, err } = await cli('screen', '--cutoff', '2026-06-30', '--format', 'json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    for (const key of ['cutoff', 'effectiveDate', 'kind', 'methodology', 'hsci', 'southbound', 'pending', 'warnings']) expect(json).toHaveProperty(key);
    expect(Object.keys(json.hsci)).toEqual(expect.arrayContaining(['add', 'remove', 'constituents']));
    expect(Object.keys(json.southbound).sort()).toEqual(['SH', 'SZ']);
    for (const ch of ['SH', 'SZ']) expect(Object.keys(json.southbound[ch]).sort()).toEqual(['add', 'remove']);
    expect(Object.keys(json.hsci.add[0])).toEqual(expect.arrayContaining(['code', 'name', 'segment', 'avgMarketCapHkd', 'coverage', 'reason']));
    expect(Object.keys(json.hsci.remove[0])).toEqual(expect.arrayContaining(['code', 'name', 'avgMarketCapHkd', 'coverage', 'reason']));
    expect(Object.keys(json.hsci.constituents[0]).sort()).toEqual(['code', 'segment']);
    expect(Object.keys(json.southbound.SH.add[0])).toEqual(expect.arrayContaining(['code', 'path', 'reason']));
    expect(Object.keys(json.southbound.SH.remove[0])).toEqual(expect.arrayContaining(['code', 'reason']));
    expect(Object.keys(json.pending[0])).toEqual(expect.arrayContaining(['code', 'event', 'date']));
    expect(json).toMatchObject({ cutoff: '2026-06-30', effectiveDate: '2026-09-07', kind: 'semi-annual', methodology: 'hsci-2025' });
    expect(json.hsci.add.map((r: { code: string }) => r.code)).toEqual(['00003', '00009']);
    expect(Number.isInteger(json.hsci.add[0].avgMarketCapHkd)).toBe(true);
  });

  it('records the run with trigger cli', async () => {
    const { out } = await cli('query', 'runs', '--format', 'json');
    const runs = JSON.parse(out) as Array<{ cutoff: string; trigger: string; status: string }>;
    expect(runs.some((r) => r.cutoff === '2026-06-30' && r.trigger === 'cli' && r.status === 'succeeded')).toBe(true);
  });

  it('writes the file with --out and says where', async () => {
    const file = join(dir, 'review.md');
    const { code, out } = await cli('screen', '--cutoff', '2026-06-30', '--format', 'md', '--out', file);
    expect(code).toBe(0);
    expect(out.trim().split('\n')).toHaveLength(1);
    expect(out).toContain(file);
    expect(readFileSync(file, 'utf8')).toContain('00003');
  });

  it.each([
    [['screen', '--cutoff', '2026-02-30'], 2, '--cutoff 2026-02-30 does not exist: February 2026 has 28 days'],
    [['screen', '--cutoff', '2026-06-30', '--effective', 'soon'], 2, 'not a date'],
    [['screen', '--cutoff', '2026-06-30', '--methodology', 'nope'], 2, 'Unknown methodology'],
    [['screen', '--cutoff', '2026-07-31'], 1, "no daily data for 2026-07-31, the cut-off's trading day"],
  ])('%j exits %i with one sentence', async (args, exit, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(exit);
    expect(err).toContain(message);
    expect(err.trim().split('\n')).toHaveLength(1);
  });
});

describe('hkconnect explain', () => {
  it('explains one security in readable text, in the order of the review', async () => {
    const { code, out } = await cli('explain', '21', '--cutoff', '2026-06-30');
    expect(code).toBe(0);
    const order = ['Attributes on 2026-06-30', 'Average market cap (§3)', 'rank 15', 'Liquidity (§5)', 'Suspension (§4)', 'HSCI (§6): KEEP', 'Southbound (§7)', 'Pending:', 'Checks, in the order applied'];
    const positions = order.map((s) => out.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).toContain('kept: coverage 94.4%, 1.6 points inside the 96% line');
    // 0.4 points from the 94% line, but a constituent: only the 96% line decides it (issue 16), and no check says otherwise.
    expect(out).toContain('Borderline (§9): no');
    expect(out).not.toContain('(borderline)');
  });

  it('gives JSON with --format json, with the pending event of a new A+H listing', async () => {
    const { code, out } = await cli('explain', '00010', '--cutoff', '2026-06-30', '--format', 'json');
    expect(code).toBe(0);
    const e = JSON.parse(out);
    expect(e).toMatchObject({ code: '00010', pending: [{ event: 'A_PLUS_H_STABILISATION', date: '2026-07-16' }], southbound: { SH: { after: false } } });
    expect(e.checks.length).toBeGreaterThan(5);
  });

  it.each([
    [['explain', 'abc', '--cutoff', '2026-06-30'], 2, 'not a stock code'],
    [['explain', '99999', '--cutoff', '2026-06-30'], 2, 'no security 99999'],
    [['explain', '1', '--cutoff', '30/06/2026'], 2, 'not a date'],
    [['explain', '1', '--cutoff', '2026-07-31'], 1, 'no daily data'],
  ])('%j exits %i', async (args, exit, message) => {
    const { code, err } = await cli(...args);
    expect(code).toBe(exit);
    expect(err).toContain(message);
  });
});
