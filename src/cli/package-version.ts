import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../seeds/seed-files.js';

/** The version in hkconnect's own package.json, for `hkconnect --version`. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
