import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import type { CliRun } from './run-cli.js';

const root = resolve(import.meta.dirname, '../..');

export interface InstalledPackage {
  /** The scratch project the tarball is installed into (the cwd of every command). */
  dir: string;
  /** node_modules/hkconnect inside it: the packed files, as a user gets them. */
  packageDir: string;
  /** Runs `npx --no-install hkconnect ARGS` in the scratch project (never fetches anything). */
  npx: (args: readonly string[], env?: NodeJS.ProcessEnv) => CliRun;
  /** Runs node_modules/.bin/hkconnect ARGS, the link npx resolves to, without npx's ~0.5 s of its own. */
  bin: (args: readonly string[], env?: NodeJS.ProcessEnv) => CliRun;
}

/** The environment of a user's shell: no npm lifecycle variables, no project .bin on PATH, no store set. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k === 'HKCONNECT_DB' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '').split(delimiter).filter((p) => !p.includes('node_modules')).join(delimiter);
  return env;
}

function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): CliRun {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function mustRun(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = run(cmd, args, cwd, env);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${r.err.trim()}`);
  return r.out;
}

/**
 * Packs the project (`npm pack`: exactly the files package.json's `files` ships, from the dist/ that
 * `npm test` has just built) and installs the tarball into a new scratch project, as a user would.
 * The one shortcut: better-sqlite3 is installed without its install script and given the addon the
 * project already compiled (same version, checked), instead of compiling it again for minutes; every
 * other file that runs is the installed package's.
 */
export function installPackedPackage(): InstalledPackage {
  const env = userEnv();
  const dir = mkdtempSync(join(tmpdir(), 'hkc-installed-'));
  mustRun('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], root, env);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball into ${dir}`);
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'hkconnect-user', private: true }, null, 2)}\n`);
  mustRun('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', `./${tarball}`], dir, env);

  const ours = join(root, 'node_modules/better-sqlite3');
  const theirs = join(dir, 'node_modules/better-sqlite3');
  const version = (d: string) => (JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')) as { version: string }).version;
  if (version(ours) !== version(theirs)) throw new Error(`better-sqlite3 ${version(theirs)} installed, ${version(ours)} compiled here: run npm install`);
  mkdirSync(join(theirs, 'build/Release'), { recursive: true });
  copyFileSync(join(ours, 'build/Release/better_sqlite3.node'), join(theirs, 'build/Release/better_sqlite3.node'));

  return {
    dir,
    packageDir: join(dir, 'node_modules/hkconnect'),
    npx: (args, extra = {}) => run('npx', ['--no-install', 'hkconnect', ...args], dir, { ...env, ...extra }),
    bin: (args, extra = {}) => run(join(dir, 'node_modules/.bin/hkconnect'), args, dir, { ...env, ...extra }),
  };
}
