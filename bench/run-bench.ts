import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchOptions, type BenchOptions } from './options.js';
import { createSeededStore, copyStore, readTradingDays, type BenchPaths } from './prepare-stores.js';
import { ensureMarketFiles } from './market-cache.js';
import { chooseReviewDates } from './review-dates.js';
import { measureMarket, type MarketRunContext } from './measure-market.js';
import { evaluateTargets } from './targets.js';
import { firstDayOfHistory, measureScale } from './scale.js';
import { writeResults, type BenchResults } from './results.js';
import { renderResultsMarkdown } from './render-results.js';
import { profileCommand, renderProfiles } from './profile-commands.js';

/** `npm run bench`: the whole benchmark; prints the tables and writes bench/results/. */
async function main(opts: BenchOptions): Promise<void> {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const paths: BenchPaths = { root, cli: join(root, 'dist/src/cli/bin.js') };
  const cacheDir = join(root, 'bench/.cache');
  const workDir = join(cacheDir, 'work');
  mkdirSync(workDir, { recursive: true });
  const notes: string[] = [];
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const started = performance.now();
  const loadStart = loadavg();

  const seededDb = join(workDir, 'seeded.db');
  const maxYears = opts.scale ? Math.max(10, opts.years) : opts.years;
  log(`seeding the calendar (hkconnect db seed) for ${maxYears} years to ${opts.end}`);
  await createSeededStore(paths, seededDb, firstDayOfHistory(opts.end, maxYears), opts.end, notes);
  const tradingDays = readTradingDays(seededDb, firstDayOfHistory(opts.end, opts.years), opts.end);
  log(`generating (or reusing) ${opts.securities} securities x ${tradingDays.length} trading days`);
  const files = ensureMarketFiles(cacheDir, { securities: opts.securities, tradingDays, seed: opts.seed });
  const code = readFileSync(files.hsciCsv, 'utf8').split('\n')[1]!.split(',')[0]!;
  const dates = chooseReviewDates(tradingDays, files.lastDay, code);
  const ctx: MarketRunContext = { paths, floorWorker: join(root, 'dist/bench/floor-worker.js'), workDir, seededDb, runs: opts.runs, loadRuns: opts.loadRuns, notes };
  log(`measuring ${files.dailyRows} rows, ${opts.runs} runs each (${opts.loadRuns} for the loads)`);
  const measurements = measureMarket(ctx, files, dates);
  const m = measurements;
  const targets = evaluateTargets({
    sqlOneCode: m.sqlOneCode, sqlMarketAverage: m.sqlMarketAverage, ingest: m.ingest, floorLoad: m.floorLoad, append: m.append,
    screenFull: m.screenFull, floorAggregate: m.floorAggregate, help: m.help,
    commands: [m.ingest, m.append, m.screenFull, m.screenPreview, m.explain, m.queryHistory, m.help],
  });
  let scale;
  if (opts.scale) {
    log('scale runs: 1x/2x/4x securities, 2/5/10 years');
    scale = measureScale(ctx, { securities: opts.securities, seed: opts.seed, end: opts.end }, dates);
  }
  const loadEnd = loadavg();
  if (Math.max(loadStart[0]!, loadEnd[0]!) > cpus().length / 2) {
    notes.push(`the machine was busy (load average ${loadStart[0]!.toFixed(1)} at start, ${loadEnd[0]!.toFixed(1)} at end, ${cpus().length} CPUs): wall times are inflated; compare CPU ms and ratios`);
  }
  const results: BenchResults = {
    date: new Date().toISOString().slice(0, 10),
    gitSha: gitShortSha(root),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    runs: opts.runs,
    loadRuns: opts.loadRuns,
    loadAverage: { start: loadStart, end: loadEnd },
    market: { securities: files.securities, dailyRows: files.dailyRows, firstDay: files.firstDay, lastDay: files.lastDay, hash: files.hash },
    dates,
    measurements,
    targets,
    ...(scale ? { scale } : {}),
    notes,
  };
  process.stdout.write(renderResultsMarkdown(results));
  if (opts.profile) {
    log('profiling ingest daily and the full screen');
    const loaded = join(workDir, 'loaded.db');
    const profiles = [
      profileCommand('ingest daily', join(cacheDir, 'prof/ingest'), [paths.cli, '--db', join(workDir, 'load.db'), 'ingest', 'daily', files.dailyCsv], root,
        () => copyStore(join(workDir, 'ready.db'), join(workDir, 'load.db'))),
      profileCommand('screen (semi-annual)', join(cacheDir, 'prof/screen'), [paths.cli, '--db', loaded, 'screen', '--cutoff', dates.cutoff, '--format', 'json'], root),
    ];
    const text = renderProfiles(profiles);
    writeFileSync(join(cacheDir, 'prof/summary.md'), text);
    process.stdout.write(`\n${text}`);
  }
  if (opts.write) log(`wrote ${writeResults(join(root, 'bench/results'), results)}`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function gitShortSha(root: string): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return 'nogit';
  }
}

try {
  await main(parseBenchOptions(process.argv.slice(2)));
} catch (err) {
  process.stderr.write(`bench: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
