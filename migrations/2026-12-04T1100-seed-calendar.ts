import { sql, type Kysely } from 'kysely';
import { readSeedCalendar } from '../src/jobs/seed-calendar.js';

/**
 * The bundled Hong Kong trading calendar is always there (issue 16): a store whose calendar was never
 * seeded (`db seed` skipped) used to drop a review's pending items and open holidays on a vendor
 * file's forward-filled rows, without a word. This migration writes `seeds/hk-holidays.csv`, expanded
 * to every day of its span, exactly as `db seed` does: idempotent, and a day already recorded from
 * real data (source `dayquot`, `data` or `user`, e.g. a typhoon closure or an `--open-days`) is left
 * as it is. Rows in batches: one statement per ~100 days keeps SQLite's variable limit far away.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const days = readSeedCalendar();
  for (let i = 0; i < days.length; i += 100) {
    const values = days.slice(i, i + 100).map((d) => sql`(${d.date}, ${d.isTradingDay ? 1 : 0}, 'seed', ${d.note})`);
    await sql`INSERT INTO calendar (date, is_trading_day, source, note) VALUES ${sql.join(values)}
      ON CONFLICT (date) DO UPDATE SET is_trading_day = excluded.is_trading_day, note = excluded.note
      WHERE calendar.source = 'seed'`.execute(db);
  }
}

/** Takes out the days the seed wrote (and still owns); days recorded from real data stay. */
export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM calendar WHERE source = 'seed'`.execute(db);
}
