import BetterSqlite3 from 'better-sqlite3';
import { aggregateWindowFloor, applyStorePragmas, loadDailyFloor } from './floor.js';

/**
 * The floor as a whole process (spawned by the bench like the CLI is):
 *   node dist/bench/floor-worker.js load DB DAILY_CSV
 *   node dist/bench/floor-worker.js aggregate DB FROM_EXCLUSIVE TO_INCLUSIVE
 * Prints one JSON line with the in-process timings.
 */
const [mode, dbPath, a, b] = process.argv.slice(2);
if (!dbPath || !a || (mode !== 'load' && mode !== 'aggregate') || (mode === 'aggregate' && !b)) {
  process.stderr.write('usage: floor-worker load DB CSV | aggregate DB FROM TO\n');
  process.exit(2);
}
const sqlite = new BetterSqlite3(dbPath);
applyStorePragmas(sqlite);
const result = mode === 'load' ? loadDailyFloor(sqlite, a) : aggregateWindowFloor(sqlite, a, b!);
sqlite.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
