import type { Migration } from 'kysely';

/**
 * Every migration in `migrations/`, by name (timestamp first so that names sort in order), each
 * imported only when the migrator runs: every command opens the store, and when the store is
 * current (the usual case) comparing the names is all it needs, not the migration modules.
 * Static import paths rather than a folder scan: works the same from dist/, from vitest and from a bundle.
 * The list lives here, not in `migrations/`, because it grows with every migration while the migration
 * files themselves are never edited once landed: a schema change is a new file plus one line here.
 */
export const migrations: Record<string, () => Promise<Migration>> = {
  '2026-11-22T0001-initial': () => import('../../migrations/2026-11-22T0001-initial.js'),
  '2026-11-22T0400-diffs': () => import('../../migrations/2026-11-22T0400-diffs.js'),
  '2026-11-22T1800-daily-days': () => import('../../migrations/2026-11-22T1800-daily-days.js'),
  '2026-11-22T2000-run-results-deflated': () => import('../../migrations/2026-11-22T2000-run-results-deflated.js'),
  '2026-11-22T2200-run-results-latin1': () => import('../../migrations/2026-11-22T2200-run-results-latin1.js'),
  '2026-12-04T1000-daily-table': () => import('../../migrations/2026-12-04T1000-daily-table.js'),
  '2026-12-04T1100-seed-calendar': () => import('../../migrations/2026-12-04T1100-seed-calendar.js'),
  '2026-12-04T1200-files': () => import('../../migrations/2026-12-04T1200-files.js'),
  '2026-12-04T1300-fetches': () => import('../../migrations/2026-12-04T1300-fetches.js'),
  '2026-12-04T1400-diff-runs': () => import('../../migrations/2026-12-04T1400-diff-runs.js'),
};
