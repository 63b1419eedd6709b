import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/db/connection.js';

/** Temporary directories for one test file; call `cleanup` in afterEach/afterAll. */
export function makeTempDirs() {
  const dirs: string[] = [];
  return {
    dir(): string {
      const d = mkdtempSync(join(tmpdir(), 'hkc-dayquot-'));
      dirs.push(d);
      return d;
    },
    cleanup(): void {
      dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
    },
  };
}

/** A store on a real SQLite file in `dir`, migrated by the real migrations. */
export async function openTestStore(dir: string): Promise<Store> {
  const store = await openStore(join(dir, 'store.db'));
  // Without the bundled calendar, so a test sees exactly the days a report wrote.
  store.sqlite.exec('DELETE FROM calendar');
  return store;
}

/** Inserts Main Board equities (code -> currency, default HKD) straight into `securities`. */
export function insertSecurities(store: Store, codes: ReadonlyArray<string | [string, string]>): void {
  const insert = store.sqlite.prepare(
    `INSERT INTO securities (code, name, board, type, currency, listing_date) VALUES (?, ?, 'MAIN', 'EQUITY', ?, '2000-01-03')`,
  );
  store.sqlite.transaction(() => {
    for (const c of codes) {
      const [code, currency] = typeof c === 'string' ? [c, 'HKD'] : c;
      insert.run(code, `NAME ${code}`, currency);
    }
  })();
}

export function writeText(dir: string, name: string, text: string, encoding: BufferEncoding = 'utf8'): string {
  const path = join(dir, name);
  writeFileSync(path, text, encoding);
  return path;
}

export interface DailyRowOut { code: string; date: string; market_cap_hkd: number; turnover_hkd: number; suspended: number; close: number | null; volume: number | null }

export function readDaily(store: Store): DailyRowOut[] {
  return store.sqlite.prepare('SELECT * FROM daily ORDER BY date, code').all() as DailyRowOut[];
}

export function readCalendar(store: Store): Array<{ date: string; is_trading_day: number; source: string }> {
  return store.sqlite.prepare('SELECT date, is_trading_day, source FROM calendar ORDER BY date').all() as never;
}
