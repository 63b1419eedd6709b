import { dirname, join } from 'node:path';
import { UsageError } from '../domain/errors.js';

/** The User-Agent every request sends: who asks, and where to read why. */
export const USER_AGENT = 'hkconnect/0.1 (HSCI and Southbound review predictor; open source; polite batch fetches)';

/** Options shared by `fetch` and `schedule --collect` (README "Getting real data"). */
export const fetchOptions = {
  'base-url': { type: 'string', describe: 'Replace each source\'s scheme and host (a mirror, a test server), e.g. http://127.0.0.1:8080' },
  dir: { type: 'string', describe: 'Where kept copies go (default: fetched/ beside the database)' },
  'max-shrink': { type: 'number', default: 0.1, describe: 'Refuse a list with this fraction fewer rows than the last good copy (0.1 = 10%)' },
  retries: { type: 'number', default: 3, describe: 'Retries after a 5xx, 429, timeout or dropped connection' },
  'backoff-ms': { type: 'number', default: 2000, describe: 'First retry wait, doubled for each further retry' },
  'timeout-ms': { type: 'number', default: 30000, describe: 'Time allowed for one request' },
  'rate-ms': { type: 'number', default: 1000, describe: 'Minimum time between two requests' },
} as const;

export interface FetchOptionArgs {
  baseUrl?: string; dir?: string; maxShrink?: number; retries?: number; backoffMs?: number; timeoutMs?: number; rateMs?: number;
}

/** The validated settings (without the clock), for src/jobs/fetch-source.ts. */
export async function fetchSettingsFrom(argv: FetchOptionArgs, dbPath: string) {
  const { Pacer } = await import('../fetch/http-get.js');
  const whole = (name: string, v: number | undefined, min: number): number => {
    if (v === undefined || !Number.isInteger(v) || v < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not ${String(v)}.`);
    return v;
  };
  const maxShrink = argv.maxShrink ?? 0.1;
  if (!(maxShrink >= 0 && maxShrink < 1)) throw new UsageError(`--max-shrink must be at least 0 and below 1, not ${maxShrink}.`);
  if (argv.baseUrl !== undefined && !/^https?:\/\/[^/]/.test(argv.baseUrl)) {
    throw new UsageError(`--base-url "${argv.baseUrl}" is not an http(s) address such as http://127.0.0.1:8080.`);
  }
  return {
    ...(argv.baseUrl ? { baseUrl: argv.baseUrl } : {}),
    dir: argv.dir ?? join(dirname(dbPath), 'fetched'),
    maxShrink,
    http: {
      userAgent: USER_AGENT,
      retries: whole('retries', argv.retries ?? 3, 0),
      backoffMs: whole('backoff-ms', argv.backoffMs ?? 2000, 0),
      timeoutMs: whole('timeout-ms', argv.timeoutMs ?? 30000, 1),
      pacer: new Pacer(whole('rate-ms', argv.rateMs ?? 1000, 0)),
    },
  };
}
