import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The package root (the folder holding hkconnect's package.json), found by walking up from this
 * module. The same code runs as `seeds/seed-files.ts` under vitest and as `dist/seeds/seed-files.js`
 * after the build, so a fixed number of `..` would be wrong in one of the two.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'hkconnect') {
      cachedRoot = dir;
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the hkconnect package root above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

/** Absolute path of a file shipped in `seeds/` (data files are not compiled: they stay at the root). */
export function seedFilePath(name: string): string {
  return join(packageRoot(), 'seeds', name);
}
