/** The vocabulary of previews (docs/previews.md): what it takes, odds, flows. Plain data. */
import type { IsoDate, StockCode } from './types.js';

/** What a close call needs over the trading days left to cross its deciding line, all else as it stands. */
export interface CloseCall {
  code: StockCode;
  name: string;
  /** The line's rule id: `hsci-coverage-add`, `hsci-coverage-delete`, or a Southbound money line. */
  line: string;
  /** The outcome the preview gives it now. */
  outcome: string;
  /** The line as an average market cap (HK$): the HSCI line's `lines` HK$ average, or the money line. */
  lineAvgCapHkd: number;
  /** Its average market cap in the preview (the remaining days at its last cap). */
  avgMarketCapHkd: number;
  /** The average market cap it needs over the remaining days to sit on the line; null when its average cannot move. */
  neededCapHkd: number | null;
  /** neededCapHkd against its last cap, as a fraction (+0.12 = 12% higher). */
  neededMove: number | null;
  /** The average price that means (its last close moved by neededMove), when a close is on record. */
  neededAvgPrice: number | null;
  lastClose: number | null;
  /** One sentence: what it takes, or why it cannot move. */
  note: string;
}

/** A liquidity test (docs/methodology.md §5) still open: how many of the months still to come must pass. */
export interface LiquidityCall {
  code: StockCode;
  name: string;
  /** Months of the window that are not complete on D. */
  monthsLeft: number;
  /** The fewest of them that must pass (velocity at or above the line) for the test to pass. */
  monthsNeeded: number;
  /** Whether the deterministic preview (turnover carried forward) passes it. */
  passesNow: boolean;
  note: string;
}

export interface PreviewInfo {
  /** The data date D. */
  asOf: IsoDate;
  /** Trading days after D up to the cut-off (the bundled calendar). */
  tradingDaysLeft: number;
  /** The deterministic preview's assumption for those days, in one sentence. */
  assumption: string;
  closeCalls: CloseCall[];
  liquidityCalls: LiquidityCall[];
}

export const ODDS_LISTS = ['hsci_add', 'hsci_remove', 'sb_add_SH', 'sb_add_SZ', 'sb_remove_SH', 'sb_remove_SZ'] as const;
export type OddsList = (typeof ODDS_LISTS)[number];

/** One security's probability of one list change (CONTRACT: `odds` rows). */
export interface OddsRow {
  code: StockCode;
  list: OddsList;
  probability: number;
}

/** The expected count of one list with its range over the simulated paths. */
export interface ExpectedCount {
  list: OddsList;
  expected: number;
  low: number;
  high: number;
}

export interface OddsMeta {
  paths: number;
  seed: number;
  /** The model in words, with its estimated figures. */
  model: string;
  marketDailyVol: number;
  /** Names simulated with a path of their own (near a line); the rest move with the market only. */
  activeNames: number;
  tradingDaysLeft: number;
  rangeQuantiles: readonly [number, number];
  expectedCounts: ExpectedCount[];
}

/** What moves a close call's odds most (explain). */
export interface OddsDriver {
  code: StockCode;
  ownDailyVol: number;
  beta: number;
  driver: string;
}

/** Estimated passive demand for one add or delete (`--tracking-aum`). */
export interface FlowRow {
  code: StockCode;
  name: string;
  list: 'hsci_add' | 'hsci_remove';
  /** HK$ bought (+) or sold (-) by passive funds. */
  demandHkd: number;
  /** Average daily turnover over the window (HK$). */
  avgDailyTurnoverHkd: number | null;
  /** |demand| in days of average turnover. */
  daysOfTurnover: number | null;
}

export interface FlowsInfo {
  trackingAumHkd: number;
  /** The weighting assumption, in one sentence. */
  assumption: string;
  rows: FlowRow[];
}
