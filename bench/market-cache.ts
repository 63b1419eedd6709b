import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  countDailyRows, DAILY_HEADER, formatSecuritiesCsv, generateDailyChunks, generateSecurities, type MarketParams,
} from './generate-market.js';
import { generateLists } from './market-lists.js';

/** The CSV files of one generated market, cached under bench/.cache by a hash of its parameters. */
export interface MarketFiles {
  readonly hash: string;
  readonly dir: string;
  readonly securitiesCsv: string;
  readonly dailyCsv: string;
  readonly hsciCsv: string;
  readonly southboundCsv: string;
  readonly securities: number;
  readonly dailyRows: number;
  readonly constituents: number;
  readonly firstDay: string;
  readonly lastDay: string;
}

/** Bump when the generator's output changes, so old caches are not reused. */
const GENERATOR_VERSION = 1;

export function hashMarketParams(params: MarketParams): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ v: GENERATOR_VERSION, securities: params.securities, seed: params.seed }));
  h.update(params.tradingDays.join(','));
  return h.digest('hex').slice(0, 12);
}

/** Returns the market's files, generating them first when the cache does not hold them. */
export function ensureMarketFiles(cacheRoot: string, params: MarketParams): MarketFiles {
  const hash = hashMarketParams(params);
  const dir = join(cacheRoot, `market-${hash}`);
  const metaPath = join(dir, 'meta.json');
  if (existsSync(metaPath)) return JSON.parse(readFileSync(metaPath, 'utf8')) as MarketFiles;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const securities = generateSecurities(params);
  const lists = generateLists(securities);
  const files: MarketFiles = {
    hash,
    dir,
    securitiesCsv: join(dir, 'securities.csv'),
    dailyCsv: join(dir, 'daily.csv'),
    hsciCsv: join(dir, 'hsci.csv'),
    southboundCsv: join(dir, 'southbound.csv'),
    securities: securities.length,
    dailyRows: countDailyRows(securities),
    constituents: lists.constituents,
    firstDay: params.tradingDays[0]!,
    lastDay: params.tradingDays[params.tradingDays.length - 1]!,
  };
  writeFileSync(files.securitiesCsv, formatSecuritiesCsv(securities));
  writeFileSync(files.hsciCsv, lists.hsciCsv);
  writeFileSync(files.southboundCsv, lists.southboundCsv);
  const tmp = `${files.dailyCsv}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, DAILY_HEADER);
    for (const chunk of generateDailyChunks(params, securities)) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, files.dailyCsv);
  // meta.json last: its presence means the directory is complete.
  writeFileSync(metaPath, `${JSON.stringify(files, null, 2)}\n`);
  return files;
}
