import type { AShareExchange, Board, Currency, IsoDate, Segment, SecurityType, StockCode } from '../../src/domain/types.js';

/** The fixed dates of the sample market. */
export const SAMPLE_FIRST_DAY: IsoDate = '2024-07-01';
export const SAMPLE_CUTOFF: IsoDate = '2026-06-30';
/** The two earlier semi-annual reviews whose lists the sample ships (cut-off -> effective date). */
export const SAMPLE_PRIOR_REVIEWS: ReadonlyArray<{ cutoff: IsoDate; effective: IsoDate }> = [
  { cutoff: '2025-06-30', effective: '2025-09-08' },
  { cutoff: '2025-12-31', effective: '2026-03-09' },
];
export const SAMPLE_SEED = 20260630;

/** One synthetic security: its attributes as the securities table holds them, and how its series moves. */
export interface SampleSpec {
  code: StockCode;
  name: string;
  board: Board;
  type: SecurityType;
  currency: Currency;
  listingDate: IsoDate;
  delistingDate: IsoDate | null;
  wvr: boolean;
  secondaryListing: boolean;
  freeFloat: number | null;
  aShareCode: string | null;
  aShareExchange: AShareExchange | null;
  aShareListingDate: IsoDate | null;
  stabilisationEnd: IsoDate | null;
  sfcHighConcentration: boolean;
  aShareRiskAlert: boolean;
  /** The centre of the daily market cap's walk, HK$. */
  levelHkd: number;
  /** Daily log-volatility of the cap around its path. */
  volDaily: number;
  /** Log-trend per year of the centre (drift across the two years). */
  trendPerYear: number;
  /** Median daily velocity (turnover / free-float cap). */
  velocityMedian: number;
  /** Month-to-month spread (log sd) of the velocity: borderline names fail some months. */
  velocityMonthSpread: number;
  /** Daily spread (log sd) of the velocity around the month's level. */
  velocityDaySpread: number;
  /** Chance that a day has no trade at all. */
  zeroTradeChance: number;
  /** A date from which the median velocity is multiplied by `velocityLaterFactor` (liquidity drying up). */
  velocityChangeDate?: IsoDate;
  velocityLaterFactor?: number;
  /** Inclusive suspended date ranges. */
  suspensions: Array<[IsoDate, IsoDate]>;
  /** Inclusive ranges of trading days with no record at all (data gaps). */
  gaps: Array<[IsoDate, IsoDate]>;
  /** Why the name is here (for docs and the demo): empty for the ordinary population. */
  tags: string[];
  /** Perturbations of the shipped lists: force HSCI membership / segment or Southbound membership at the prior reviews. */
  force?: { hsci?: Segment | 'none'; sh?: boolean; sz?: boolean };
}

/** A dated attribute change (docs/contract.md `changes`). */
export interface SampleChange { code: StockCode; date: IsoDate; field: string; value: string }

/** Where the generator writes: the loader passes prepared statements, tests pass collectors or hashers. */
export interface SampleSink {
  security(spec: SampleSpec, sharesIssued: number): void;
  daily(code: StockCode, date: IsoDate, marketCapHkd: number, turnoverHkd: number, suspended: 0 | 1, close: number, volume: number): void;
  change(change: SampleChange): void;
  hsciMember(asOf: IsoDate, code: StockCode, segment: Segment): void;
  southboundMember(asOf: IsoDate, channel: 'SH' | 'SZ', code: StockCode, name: string): void;
}
