import type { Migration } from 'kysely';
import * as initial from '../../migrations/2026-11-22T0001-initial.js';
import * as diffs from '../../migrations/2026-11-22T0400-diffs.js';
import * as dailyDays from '../../migrations/2026-11-22T1800-daily-days.js';
import * as runResultsDeflated from '../../migrations/2026-11-22T2000-run-results-deflated.js';
import * as runResultsLatin1 from '../../migrations/2026-11-22T2200-run-results-latin1.js';
import * as dailyTable from '../../migrations/2026-12-04T1000-daily-table.js';
import * as seedCalendar from '../../migrations/2026-12-04T1100-seed-calendar.js';
import * as files from '../../migrations/2026-12-04T1200-files.js';
import * as fetches from '../../migrations/2026-12-04T1300-fetches.js';
import * as diffRuns from '../../migrations/2026-12-04T1400-diff-runs.js';

/**
 * Every migration in `migrations/`, by name (timestamp first so that names sort in order).
 * Static imports rather than a folder scan: works the same from dist/, from vitest and from a bundle.
 * The list lives here, not in `migrations/`, because it grows with every migration while the migration
 * files themselves are never edited once landed: a schema change is a new file plus one line here.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0001-initial': initial,
  '2026-11-22T0400-diffs': diffs,
  '2026-11-22T1800-daily-days': dailyDays,
  '2026-11-22T2000-run-results-deflated': runResultsDeflated,
  '2026-11-22T2200-run-results-latin1': runResultsLatin1,
  '2026-12-04T1000-daily-table': dailyTable,
  '2026-12-04T1100-seed-calendar': seedCalendar,
  '2026-12-04T1200-files': files,
  '2026-12-04T1300-fetches': fetches,
  '2026-12-04T1400-diff-runs': diffRuns,
};
