import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One whole-process measurement: wall time as the parent sees it, and the child's peak RSS. */
export interface ProcessTiming {
  readonly wallMs: number;
  readonly peakRssMb: number;
  /** User + system CPU time of the child (less sensitive than wall time to a busy machine); NaN if unknown. */
  readonly cpuMs: number;
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const RSS_HOOK = new URL('./report-rss.js', import.meta.url);

/**
 * Runs `node ARGS...` as a child and times it from spawn to exit. Peak RSS comes from GNU time's
 * %M (the kernel's ru_maxrss of the child, in KiB) when /usr/bin/time exists, else from a tiny
 * `--import` hook that writes `process.resourceUsage().maxRSS` at exit.
 */
export function spawnTimed(nodeArgs: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; command?: string }): ProcessTiming {
  const rssFile = join(tmpdir(), `hkbench-rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const useGnuTime = existsSync(GNU_TIME);
  const [cmd, args] = useGnuTime
    ? [GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, options.command ?? process.execPath, ...nodeArgs]]
    : options.command !== undefined
      ? [options.command, [...nodeArgs]]
      : [process.execPath, ['--import', pathToFileURL(RSS_HOOK.pathname).href, ...nodeArgs]];
  const env = { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile };
  const started = process.hrtime.bigint();
  const child = spawnSync(cmd, args, { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw child.error;
  let peakRssMb = Number.NaN;
  let cpuMs = Number.NaN;
  try {
    const lines = readFileSync(rssFile, 'utf8').trim().split('\n');
    const [kib, user, system] = lines[lines.length - 1]!.trim().split(/\s+/).map(Number);
    peakRssMb = kib! / 1024;
    if (user !== undefined && system !== undefined) cpuMs = (user + system) * 1000;
  } catch {
    // no RSS figure (the child died before writing it): reported as NaN
  }
  rmSync(rssFile, { force: true });
  return { wallMs, peakRssMb, cpuMs, exitCode: child.status ?? 1, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}
