import BetterSqlite3 from 'better-sqlite3';
import { aggregateWindowFloor, applyStorePragmas, createFloorDb, FLOOR_HEAP_TABLE, loadDailyFloor } from './floor.js';

/**
 * The floors as whole processes (spawned by the bench like the CLI is):
 *   node dist/bench/floor-worker.js load NEW_DB DAILY_CSV          (creates NEW_DB afresh)
 *   node dist/bench/floor-worker.js aggregate KEYED_DB FROM_EXCLUSIVE TO_INCLUSIVE
 * Prints one JSON line with the in-process timings.
 */
const [mode, dbPath, a, b] = process.argv.slice(2);
if (!dbPath || !a || (mode !== 'load' && mode !== 'aggregate') || (mode === 'aggregate' && !b)) {
  process.stderr.write('usage: floor-worker load DB CSV | aggregate DB FROM TO\n');
  process.exit(2);
}
let sqlite: BetterSqlite3.Database;
if (mode === 'load') sqlite = createFloorDb(dbPath, FLOOR_HEAP_TABLE);
else {
  sqlite = new BetterSqlite3(dbPath);
  applyStorePragmas(sqlite);
}
const result = mode === 'load' ? loadDailyFloor(sqlite, a) : aggregateWindowFloor(sqlite, a, b!);
sqlite.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
