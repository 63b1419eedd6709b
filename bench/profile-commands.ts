import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnTimed } from './spawn-timed.js';
import { summariseProfile, type HotSpot } from './profile-summary.js';

export interface CommandProfile {
  readonly label: string;
  readonly wallMs: number;
  readonly hotSpots: HotSpot[];
}

/** Runs one command under `node --cpu-prof` and summarises its self time. */
export function profileCommand(label: string, dir: string, nodeArgs: readonly string[], cwd: string, before?: () => void): CommandProfile {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  before?.();
  const t = spawnTimed(['--cpu-prof', '--cpu-prof-dir', dir, ...nodeArgs], { cwd });
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return { label, wallMs: t.wallMs, hotSpots: [] };
  return { label, wallMs: t.wallMs, hotSpots: summariseProfile(JSON.parse(readFileSync(join(dir, file), 'utf8'))) };
}

export function renderProfiles(profiles: readonly CommandProfile[]): string {
  return profiles.map((p) => [
    `### ${p.label} (profiled run ${p.wallMs.toFixed(0)} ms)`, '', '| self ms | share | function |', '|---|---|---|',
    ...p.hotSpots.map((h) => `| ${h.selfMs.toFixed(0)} | ${(h.share * 100).toFixed(1)}% | \`${h.where}\` |`),
  ].join('\n')).join('\n\n') + '\n';
}
