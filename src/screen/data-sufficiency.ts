import type { DailySeries, IsoDate, StockCode } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/** What the sufficiency checks look at: the review's window and what the store gave for it. */
export interface SufficiencyInput {
  readonly cutoff: IsoDate;
  /** The last trading day on or before C: the day every listed security should have a record for. */
  readonly cutoffTradingDay: IsoDate;
  /** The trading days of the averaging window (C - windowMonths, C]. */
  readonly windowDays: readonly IsoDate[];
  readonly securities: ReadonlyArray<{ readonly code: StockCode; readonly listingDate: IsoDate; readonly delistingDate: IsoDate | null }>;
  readonly series: ReadonlyMap<StockCode, DailySeries>;
  readonly hsciBefore: ReadonlyMap<StockCode, unknown>;
  /** How many securities the review ranked (§3: in the universe, with an average). */
  readonly rankedCount: number;
  readonly methodology: Methodology;
}

/**
 * Data sufficiency (issue 16): before trusting a review, is the store a whole market? Each failed
 * check is one warning sentence naming the count, examples and the fix; `screen --strict-data` makes
 * any of them fatal. Coverage lines are fractions of the whole Main Board's cap, so a partial market
 * (12 names loaded) deletes BYD at "99.3% coverage"; a constituent or a security without recent data
 * is judged on nothing; a day with rows for few securities distorts every average and median it
 * enters. Pure.
 */
export function checkDataSufficiency(input: SufficiencyInput): string[] {
  return [partialMarket(input), constituentsWithoutData(input), dataStopsBeforeCutoff(input), thinDays(input)]
    .filter((w): w is string => w !== null);
}

function partialMarket(input: SufficiencyInput): string | null {
  const q = input.methodology.dataQuality;
  if (input.rankedCount >= q.fullMarketRanked * q.minRankedFraction) return null;
  return `the ranked universe holds ${input.rankedCount} securities, where a full Main Board ranks about ${q.fullMarketRanked.toLocaleString('en-US')}: `
    + 'coverage is a share of the whole market\'s cap, so with a partial market every coverage figure, addition and deletion here is wrong; load daily data for every Main Board security';
}

function constituentsWithoutData(input: SufficiencyInput): string | null {
  const first = input.windowDays[0];
  const missing = [...input.hsciBefore.keys()].filter((code) => {
    const dates = input.series.get(code)?.dates ?? [];
    return first === undefined || !dates.some((d) => d >= first && d <= input.cutoff);
  }).sort();
  if (missing.length === 0) return null;
  return `${missing.length} HSCI constituent(s) in force on ${input.cutoff} have no daily data in the averaging window (${listSome(missing)}): `
    + 'they are judged on nothing and deleted; load their daily data';
}

function dataStopsBeforeCutoff(input: SufficiencyInput): string | null {
  const first = input.windowDays[0];
  const stopped: string[] = [];
  for (const s of input.securities) {
    if (s.listingDate > input.cutoffTradingDay || (s.delistingDate !== null && s.delistingDate <= input.cutoff)) continue;
    const dates = input.series.get(s.code)?.dates ?? [];
    const last = dates[dates.length - 1];
    if (last !== undefined && last >= input.cutoffTradingDay) continue;
    if (last === undefined || (first !== undefined && last < first)) stopped.push(`${s.code} (none in the window)`);
    else stopped.push(`${s.code} (last ${last})`);
  }
  if (stopped.length === 0) return null;
  return `${stopped.length} listed securit${stopped.length === 1 ? 'y has' : 'ies have'} no daily record on ${input.cutoffTradingDay}, the cut-off's trading day: ${listSome(stopped)}; `
    + 'their data stops before the cut-off (missing files, or a delisting not recorded): load the missing days, or record the delisting_date';
}

function thinDays(input: SufficiencyInput): string | null {
  const counts = new Map<IsoDate, number>(input.windowDays.map((d) => [d, 0]));
  for (const series of input.series.values()) {
    for (const d of series.dates) {
      const n = counts.get(d);
      if (n !== undefined) counts.set(d, n + 1);
    }
  }
  const sorted = [...counts.values()].sort((a, b) => a - b);
  const median = sorted.length === 0 ? 0 : sorted[Math.floor(sorted.length / 2)]!;
  const line = median * input.methodology.dataQuality.thinDayFraction;
  const thin = [...counts.entries()].filter(([, n]) => n < line).map(([d, n]) => `${d} (${n})`);
  if (thin.length === 0) return null;
  return `${thin.length} trading day(s) of the averaging window hold rows for fewer than ${Math.round(input.methodology.dataQuality.thinDayFraction * 100)}% of the usual ${median} securities: ${listSome(thin)}; `
    + 'averages and liquidity months that include them are distorted: load those days\' files (or close a day the market did not trade: hkconnect db close-day)';
}

/** The first ten of a list in a sentence, and how many more. */
function listSome(items: readonly string[]): string {
  const shown = items.slice(0, 10).join(', ');
  return items.length > 10 ? `${shown} and ${items.length - 10} more` : shown;
}
