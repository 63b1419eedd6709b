import type { Store } from '../db/connection.js';
import { readSeedCalendar, seedCalendar } from './seed-calendar.js';

export interface SeedOptions { sample: boolean }

/**
 * Loads the seeds: the trading calendar 2015-2027 and, with `sample`, the synthetic sample market
 * (securities, two years of daily records, dated changes and the lists in force). Returns a
 * one-line summary. Idempotent: seeding twice leaves the store as seeding once.
 */
export async function seedStore(store: Store, options: SeedOptions): Promise<string> {
  const days = readSeedCalendar();
  const calendar = seedCalendar(store, days);
  const first = days[0]?.date;
  const last = days[days.length - 1]?.date;
  let summary = `Seeded the trading calendar ${first}..${last}: ${calendar.days} days, ${calendar.tradingDays.length} trading days.`;
  if (options.sample) {
    const { seedSampleMarket } = await import('./seed-sample.js');
    summary += ` ${seedSampleMarket(store, calendar.tradingDays)}`;
  }
  return summary;
}
