import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CliContext } from '../../src/cli/context.js';
import { openStore } from '../../src/db/connection.js';

const dir = mkdtempSync(join(tmpdir(), 'hkc-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; }, env: { HKCONNECT_DB: join(dir, 'never.db') }, isTTY: false,
    now: () => new Date('2026-08-20T02:00:00Z'),
  };
  return { code: await runCli(args, ctx), out, err };
}

describe('hkconnect demo (small scale)', () => {
  it('builds a fresh sample database, runs the 2026-06-30 review and prints the lists; a second run starts over', async () => {
    const path = join(dir, 'demo.db');
    for (let i = 0; i < 2; i++) {
      const r = await run('--db', path, 'demo', '--scale', '0.1');
      expect(r.err).toMatch(/review run 1\)/); // a fresh database each time: the run is always the first
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/cut-off 2026-06-30 \(semi-annual\), effective 2026-09-07/);
      expect(r.out).toMatch(/HSCI additions/);
      expect(r.out).toMatch(/03907 +SYN Long Suspended/);
    }
    expect(existsSync(join(dir, 'never.db'))).toBe(false); // HKCONNECT_DB is never the demo's file
  });

  it('prints the contract JSON with --format json', async () => {
    const r = await run('--db', join(dir, 'demo-json.db'), 'demo', '--scale', '0.1', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { cutoff: string; kind: string; hsci: { remove: Array<{ code: string }> }; pending: Array<{ code: string; event: string }> };
    expect(json.cutoff).toBe('2026-06-30');
    expect(json.kind).toBe('semi-annual');
    expect(json.hsci.remove.map((x) => x.code)).toEqual(expect.arrayContaining(['03907', '03914', '03917']));
    expect(json.pending).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: '06824', event: 'A_PLUS_H_STABILISATION' }),
      expect.objectContaining({ code: '09807', event: 'WVR_SEASONED' }),
    ]));
  });

  it('refuses to delete a database with real securities, or a file that is not a database (exit 2, file kept)', async () => {
    const real = join(dir, 'real.db');
    const store = await openStore(real);
    store.sqlite.prepare(`INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES ('00700', 'TENCENT', 'MAIN', 'EQUITY', 'HKD', '2004-06-16')`).run();
    await store.close();
    const r = await run('--db', real, 'demo', '--scale', '0.1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/holds 1 real securities/);
    const again = await openStore(real);
    expect(again.sqlite.prepare('SELECT count(*) FROM securities').pluck().get()).toBe(1);
    await again.close();
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'my notes, not a database');
    expect((await run('--db', text, 'demo', '--scale', '0.1')).code).toBe(2);
    expect(existsSync(text)).toBe(true);
  });
});
