import { Prng } from './prng.js';

/**
 * The bench's synthetic market: a deterministic, scale-parameterised stand-in for the whole Hong
 * Kong market (about 2,700 securities), written as the CSV files a user would ingest. Pure: the
 * trading days arrive as an argument (read from the seeded calendar), nothing reads the clock.
 */
export interface MarketParams {
  /** Number of securities (2,700 is about the real market). */
  readonly securities: number;
  /** The trading days the daily file covers, ascending. */
  readonly tradingDays: readonly string[];
  readonly seed: number;
}

export interface BenchSecurity {
  readonly code: string;
  readonly name: string;
  readonly board: 'MAIN' | 'GEM';
  readonly type: string;
  readonly currency: 'HKD' | 'CNY' | 'USD';
  readonly listingDate: string;
  readonly delistingDate: string | null;
  readonly wvr: boolean;
  readonly secondaryListing: boolean;
  readonly freeFloat: number | null;
  readonly aShareExchange: 'SSE' | 'SZSE' | null;
  /** Market cap on the first day of the data, HK$. */
  readonly startCapHkd: number;
  /** Mean daily velocity (turnover / cap). */
  readonly velocity: number;
  readonly sharesIssued: number;
  /** Trading-day indexes [from, to) on which the security is suspended (to may be past the end). */
  readonly suspension: readonly [number, number] | null;
  /** Index of the first and one-past-last trading day with a daily row. */
  readonly firstDay: number;
  readonly endDay: number;
}

const TYPES: ReadonlyArray<[string, number]> = [
  ['EQUITY', 0.86], ['REIT', 0.03], ['STAPLED', 0.005], ['ETF', 0.07], ['INVESTMENT_CO', 0.01],
  ['SPAC', 0.01], ['PREFERENCE', 0.005], ['OTHER', 0.01],
];

function pickType(rng: Prng): string {
  let u = rng.next();
  for (const [type, p] of TYPES) {
    if (u < p) return type;
    u -= p;
  }
  return 'EQUITY';
}

/** Draws the securities of the market (one PRNG stream, so the list is stable for a seed). */
export function generateSecurities(params: MarketParams): BenchSecurity[] {
  const rng = new Prng(params.seed);
  const days = params.tradingDays;
  const n = days.length;
  if (n < 2) throw new RangeError('the bench market needs at least two trading days');
  const out: BenchSecurity[] = [];
  for (let i = 0; i < params.securities; i += 1) {
    const code = String(i + 1).padStart(5, '0');
    const type = pickType(rng);
    const newListing = rng.chance(0.08);
    const firstDay = newListing ? rng.nextInt(1, n - 1) : 0;
    const listingDate = newListing ? days[firstDay]! : `${rng.nextInt(1990, 2015)}-0${rng.nextInt(1, 9)}-1${rng.nextInt(0, 9)}`;
    const delisted = !newListing && rng.chance(0.03);
    const endDay = delisted ? rng.nextInt(1, n - 1) : n;
    const suspendedSpell = rng.chance(0.03);
    const longAtEnd = !suspendedSpell && rng.chance(0.007);
    const spellStart = rng.nextInt(firstDay, n - 1);
    const suspension: [number, number] | null = suspendedSpell
      ? [spellStart, spellStart + rng.nextInt(3, 200)]
      : longAtEnd ? [Math.max(firstDay, n - rng.nextInt(70, 300)), n] : null;
    const startCapHkd = Math.round(Math.exp(Math.log(1.5e9) + 1.8 * rng.nextNormal()));
    const illiquid = rng.chance(0.15);
    const velocity = Math.exp(Math.log(illiquid ? 0.0003 : 0.003) + 0.8 * rng.nextNormal());
    const price = Math.exp(Math.log(5) + 1.2 * rng.nextNormal());
    out.push({
      code,
      name: `Bench Co ${code}`,
      board: rng.chance(0.1) ? 'GEM' : 'MAIN',
      type,
      currency: rng.chance(0.015) ? 'CNY' : rng.chance(0.005) ? 'USD' : 'HKD',
      listingDate,
      delistingDate: delisted ? days[endDay]! : null,
      wvr: type === 'EQUITY' && rng.chance(0.01),
      secondaryListing: type === 'EQUITY' && rng.chance(0.01),
      freeFloat: rng.chance(0.7) ? Math.round((0.2 + 0.8 * rng.next()) * 1000) / 1000 : null,
      aShareExchange: type === 'EQUITY' && rng.chance(0.05) ? (rng.chance(0.6) ? 'SSE' : 'SZSE') : null,
      startCapHkd,
      velocity,
      sharesIssued: Math.max(1, Math.round(startCapHkd / price)),
      suspension,
      firstDay,
      endDay,
    });
  }
  return out;
}

const SEC_HEADER = 'code,name,board,type,currency,listing_date,delisting_date,wvr,secondary_listing,free_float,a_share_code,a_share_exchange,a_share_listing_date\n';

/** The securities file (docs/contract.md `securities`), as one string. */
export function formatSecuritiesCsv(securities: readonly BenchSecurity[]): string {
  const lines = securities.map((s) => [
    s.code, s.name, s.board, s.type, s.currency, s.listingDate, s.delistingDate ?? '', s.wvr ? 1 : 0,
    s.secondaryListing ? 1 : 0, s.freeFloat ?? '', s.aShareExchange ? `${s.aShareExchange === 'SSE' ? '6' : '0'}0${s.code.slice(1)}` : '',
    s.aShareExchange ?? '', s.aShareExchange ? s.listingDate : '',
  ].join(','));
  return SEC_HEADER + lines.join('\n') + '\n';
}

export const DAILY_HEADER = 'date,code,market_cap_hkd,turnover_hkd,suspended,close,volume\n';

/**
 * The daily file (docs/contract.md `daily`), one chunk of CSV lines per trading day (header not
 * included), in date then code order like a daily feed. Caps follow a random walk; a suspended
 * day carries the last cap with no turnover.
 */
export function* generateDailyChunks(params: MarketParams, securities: readonly BenchSecurity[]): Generator<string> {
  const rng = new Prng(params.seed ^ 0x9e3779b9);
  const caps = Float64Array.from(securities, (s) => s.startCapHkd);
  for (let d = 0; d < params.tradingDays.length; d += 1) {
    const date = params.tradingDays[d]!;
    const lines: string[] = [];
    for (let i = 0; i < securities.length; i += 1) {
      const s = securities[i]!;
      if (d < s.firstDay || d >= s.endDay) continue;
      const suspended = s.suspension !== null && d >= s.suspension[0] && d < s.suspension[1];
      if (!suspended) caps[i] = caps[i]! * Math.exp(0.02 * rng.nextNormal() - 0.0002);
      const capHkd = Math.max(1, Math.round(caps[i]!));
      const close = Math.round((capHkd / s.sharesIssued) * 1000) / 1000;
      const turnoverHkd = suspended ? 0 : Math.round(capHkd * s.velocity * Math.exp(0.7 * rng.nextNormal() - 0.245));
      const volume = suspended || close === 0 ? 0 : Math.round(turnoverHkd / close);
      lines.push(`${date},${s.code},${capHkd},${turnoverHkd},${suspended ? 1 : 0},${close},${volume}\n`);
    }
    yield lines.join('');
  }
}

/** Number of daily rows `generateDailyChunks` will produce. */
export function countDailyRows(securities: readonly BenchSecurity[]): number {
  return securities.reduce((sum, s) => sum + (s.endDay - s.firstDay), 0);
}
