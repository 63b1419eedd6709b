import { aggregateWindowFloor, loadDailyFloor, openWithStorePragmas } from './floor.js';

/**
 * The floors as whole processes (spawned by the bench like the CLI is):
 *   node dist/bench/floor-worker.js load STORE_DB DAILY_CSV        (STORE_DB: a store with securities and an empty daily)
 *   node dist/bench/floor-worker.js aggregate STORE_DB FROM_EXCLUSIVE TO_INCLUSIVE
 * Prints one JSON line with the in-process timings.
 */
const [mode, dbPath, a, b] = process.argv.slice(2);
if (!dbPath || !a || (mode !== 'load' && mode !== 'aggregate') || (mode === 'aggregate' && !b)) {
  process.stderr.write('usage: floor-worker load DB CSV | aggregate DB FROM TO\n');
  process.exit(2);
}
const sqlite = openWithStorePragmas(dbPath, { readonly: mode === 'aggregate' });
const result = mode === 'load' ? loadDailyFloor(sqlite, a) : aggregateWindowFloor(sqlite, a, b!);
sqlite.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
