import { parseArgs } from 'node:util';

/** The bench's command line (`npm run bench -- --quick`, `--scale`, `--runs N`, ...). */
export interface BenchOptions {
  readonly runs: number;
  /** Runs of the two loads (each takes tens of seconds at full size; fewer keeps the default run short). */
  readonly loadRuns: number;
  readonly securities: number;
  readonly years: number;
  /** The data's last day; the review cut-off is the last 30 June / 31 December on or before it. */
  readonly end: string;
  readonly seed: number;
  /** Also measure the screen at 1x/2x/4x securities and 2/5/10 years of history. */
  readonly scale: boolean;
  /** Record a CPU profile of ingest and the full screen, and print their top self-time functions. */
  readonly profile: boolean;
  /** Write bench/results/<date>-<sha>.json and latest.md. */
  readonly write: boolean;
}

export const USAGE = `usage: npm run bench -- [--quick] [--runs N] [--load-runs N] [--securities N] [--years N] [--end DATE]
                        [--seed N] [--scale] [--profile] [--no-write]
  --quick      3 runs each instead of 5, 1 load run instead of 3 (and no scale table)
  --load-runs  runs of ingest daily and of the load floor (default 3)
  --scale      also the scale table: 1x/2x/4x securities, 2/5/10 years (slow: ~17 M more rows; ~15 min here)
  --profile    CPU-profile ingest and the full screen; print the top self-time functions`;

/** Parses the bench's arguments; throws with the usage text on a bad one. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      runs: { type: 'string' },
      'load-runs': { type: 'string' },
      securities: { type: 'string', default: '2700' },
      years: { type: 'string', default: '2' },
      end: { type: 'string', default: '2026-06-30' },
      seed: { type: 'string', default: '20261122' },
      scale: { type: 'boolean', default: false },
      profile: { type: 'boolean', default: false },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const int = (name: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}\n${USAGE}`);
    return n;
  };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.end!)) throw new Error(`--end must be YYYY-MM-DD\n${USAGE}`);
  return {
    runs: int('runs', values.runs ?? (values.quick ? '3' : '5'), 1),
    loadRuns: int('load-runs', values['load-runs'] ?? (values.quick ? '1' : '3'), 1),
    securities: int('securities', values.securities, 10),
    years: int('years', values.years, 1),
    end: values.end!,
    seed: int('seed', values.seed, 0),
    scale: values.scale! && !values.quick,
    profile: values.profile!,
    write: !values['no-write'],
  };
}
