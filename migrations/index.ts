import type { Migration } from 'kysely';
import * as initial from './2026-11-22T0001-initial.js';
import * as diffs from './2026-11-22T0400-diffs.js';

/**
 * Every migration, by name (timestamp first so that names sort in order).
 * Static imports rather than a folder scan: works the same from dist/, from vitest and from a bundle.
 * Never edit a migration once it has landed: add a new one.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001-initial': initial,
  '2026-11-22T0400-diffs': diffs,
};
