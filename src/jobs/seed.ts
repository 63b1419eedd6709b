import type { Store } from '../db/connection.js';
import { JobError } from '../domain/errors.js';

export interface SeedOptions { sample: boolean }

/** Loads the seeds (trading calendar; with `sample`, the synthetic sample market). */
export async function seedStore(_store: Store, _options: SeedOptions): Promise<string> {
  throw new JobError('seeding is not built yet.');
}
