import { summarise, type Summary } from './stats.js';
import { spawnTimed, type ProcessTiming } from './spawn-timed.js';

/** One figure of the bench: repeated whole-process runs (or in-process timings) summarised. */
export interface Measurement {
  readonly label: string;
  readonly wallMs: Summary;
  readonly peakRssMb: Summary | null;
  /** User + system CPU of the child (GNU time); null when unknown or in-process. */
  readonly cpuMs: Summary | null;
  /** False when any run exited non-zero (then the figures time a failure, and `error` says why). */
  readonly ok: boolean;
  readonly error?: string;
  /** Extra in-process figures a run reported (e.g. the floor worker's parse and insert times). */
  readonly parts?: Record<string, Summary>;
  /** What the last run produced, in a few words (a sanity check that it did the work). */
  readonly detail?: string;
}

export interface ProcessRunSpec {
  readonly label: string;
  /** The program run (default: this Node); e.g. `python3` for the SQL figures. */
  readonly command?: string;
  /** Arguments after `node` (or `command`), per run (so each run can get a fresh store). */
  readonly args: (run: number) => readonly string[];
  readonly runs: number;
  readonly cwd: string;
  /** Untimed runs first, to warm the page cache and Node's code cache alike for every command. */
  readonly warmups?: number;
  /** Called before each run (warm-ups included), untimed: e.g. copy a fresh store. */
  readonly before?: (run: number) => void;
  /** Parses in-process figures (ms) printed by the child. */
  readonly parts?: (stdout: string) => Record<string, number>;
  /** Describes the last run's output (e.g. how many adds the screen found). */
  readonly describe?: (stdout: string) => string;
}

/** Spawns the command `runs` times after the warm-ups; median, min and max of wall time and peak RSS. */
export function measureProcess(spec: ProcessRunSpec): Measurement {
  return measureProcessesInterleaved([spec])[0]!;
}

/**
 * Measures several commands side by side: their warm-ups first, then run 1 of each, run 2 of each,
 * and so on, so that a ratio between them compares runs made under the same conditions. On this
 * machine (a VM whose host reclaims memory under it) speed drifts by a third within an hour, and
 * the kernel may still be writing back a load's pages when the next figure starts; measured one
 * after the other, two figures met different machines.
 */
export function measureProcessesInterleaved(specs: readonly ProcessRunSpec[]): Measurement[] {
  const timings: ProcessTiming[][] = specs.map(() => []);
  for (const spec of specs) {
    for (let i = -(spec.warmups ?? 1); i < 0; i += 1) {
      spec.before?.(i);
      spawnTimed(spec.args(i), { cwd: spec.cwd, ...(spec.command ? { command: spec.command } : {}) });
    }
  }
  const most = Math.max(...specs.map((s) => s.runs));
  for (let i = 0; i < most; i += 1) {
    specs.forEach((spec, k) => {
      if (i >= spec.runs) return;
      spec.before?.(i);
      timings[k]!.push(spawnTimed(spec.args(i), { cwd: spec.cwd, ...(spec.command ? { command: spec.command } : {}) }));
    });
  }
  return specs.map((spec, k) => summariseRuns(spec, timings[k]!));
}

function summariseRuns(spec: ProcessRunSpec, timings: readonly ProcessTiming[]): Measurement {
  const failed = timings.find((t) => t.exitCode !== 0);
  const partsByName: Record<string, number[]> = {};
  if (spec.parts && !failed) {
    for (const t of timings) {
      for (const [k, v] of Object.entries(spec.parts(t.stdout))) (partsByName[k] ??= []).push(v);
    }
  }
  const last = timings[timings.length - 1]!;
  let detail: string | undefined;
  try {
    detail = !failed && spec.describe ? spec.describe(last.stdout) : undefined;
  } catch (err) {
    detail = `output not understood: ${(err as Error).message}`;
  }
  const rss = timings.map((t) => t.peakRssMb).filter((v) => Number.isFinite(v));
  const cpu = timings.map((t) => t.cpuMs).filter((v) => Number.isFinite(v));
  return {
    label: spec.label,
    wallMs: summarise(timings.map((t) => t.wallMs)),
    peakRssMb: rss.length > 0 ? summarise(rss) : null,
    cpuMs: cpu.length > 0 ? summarise(cpu) : null,
    ok: !failed,
    ...(detail !== undefined ? { detail } : {}),
    ...(failed ? { error: `exit ${failed.exitCode}: ${failed.stderr.trim().split('\n')[0] ?? ''}` } : {}),
    ...(Object.keys(partsByName).length > 0
      ? { parts: Object.fromEntries(Object.entries(partsByName).map(([k, v]) => [k, summarise(v)])) }
      : {}),
  };
}

/** Times an in-process function `runs` times after one warm-up. */
export function measureInProcess(label: string, runs: number, fn: () => void): Measurement {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return { label, wallMs: summarise(ms), peakRssMb: null, cpuMs: null, ok: true };
}
