import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CLI_BIN } from '../support/run-cli.js';

/** The built CLI: `npm test` builds first, so the children run the code under test. */
export const CLI = CLI_BIN;

export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does it first)`);
}

/** Runs the CLI as a child process; resolves with its exit code (or signal) and output. */
export function runChild(args: string[], onSpawn?: (child: ChildProcess) => void): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => { stdout += b.toString(); });
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr }));
    onSpawn?.(child);
  });
}

/** Weekdays from `from` for `n` trading days (no holidays: the test seeds this calendar itself). */
export function weekdays(from: string, n: number): string[] {
  const out: string[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  while (out.length < n) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export function codes(n: number, start = 1): string[] {
  return Array.from({ length: n }, (_, i) => String(start + i).padStart(5, '0'));
}

/** A securities CSV and a calendar CSV-free seed: writes securities.csv into dir and returns its path. */
export function writeSecuritiesCsv(dir: string, codeList: readonly string[]): string {
  const lines = ['code,name,board,type,currency,listing_date'];
  for (const c of codeList) lines.push(`${c},TEST ${c},MAIN,EQUITY,HKD,2015-01-05`);
  const path = join(dir, 'securities.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

/** A daily CSV of every code x day, deterministic; `bump` changes every value so reloads are visible. */
export function writeDailyCsv(path: string, codeList: readonly string[], days: readonly string[], bump = 0): void {
  const lines = ['date,code,market_cap_hkd,turnover_hkd,suspended'];
  for (const day of days) {
    for (const c of codeList) {
      const k = Number(c);
      lines.push(`${day},${c},${1_000_000_000 + k * 1000 + bump},${5_000_000 + k + bump},0`);
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Inserts calendar rows for the given trading days directly (the test's own calendar). */
export function seedCalendar(dbPath: string, days: readonly string[]): void {
  const db = new BetterSqlite3(dbPath);
  const ins = db.prepare(`INSERT OR REPLACE INTO calendar (date, is_trading_day, source) VALUES (?, 1, 'user')`);
  db.transaction(() => { for (const d of days) ins.run(d); })();
  db.close();
}

/** A hash of every user table's rows, in key order: equal hashes = equal stores. */
export function storeChecksum(dbPath: string): string {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const tables = (db.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND name <> 'loads' ORDER BY name",
  ).pluck().all() as string[]);
  const h = createHash('sha256');
  for (const t of tables) {
    h.update(`#${t}\n`);
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
  }
  db.close();
  return h.digest('hex');
}

export function integrityOf(dbPath: string): { integrity: unknown; foreignKeys: unknown[] } {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  const integrity = db.pragma('integrity_check', { simple: true });
  const foreignKeys = db.pragma('foreign_key_check') as unknown[];
  db.close();
  return { integrity, foreignKeys };
}
