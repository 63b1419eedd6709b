/** Core domain vocabulary of hkconnect. Plain, frozen-friendly data. */
import type { FlowsInfo, OddsDriver, OddsMeta, OddsRow, PreviewInfo } from './preview-types.js';

/** A Hong Kong calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A stock code, always 5 digits (`00700`). */
export type StockCode = string;

export const BOARDS = ['MAIN', 'GEM'] as const;
export type Board = (typeof BOARDS)[number];

export const SECURITY_TYPES = [
  'EQUITY', 'REIT', 'STAPLED', 'ETF', 'FUND', 'INVESTMENT_CO', 'SPAC', 'PREFERENCE', 'DEBT', 'WARRANT', 'OTHER',
] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];

export const CURRENCIES = ['HKD', 'CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const SEGMENTS = ['LARGE', 'MID', 'SMALL'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const CHANNELS = ['SH', 'SZ'] as const;
export type Channel = (typeof CHANNELS)[number];

export const A_SHARE_EXCHANGES = ['SSE', 'SZSE'] as const;
export type AShareExchange = (typeof A_SHARE_EXCHANGES)[number];

export const REVIEW_KINDS = ['semi-annual', 'quarterly', 'preview'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const OFFICIAL_LISTS = ['hsci_add', 'hsci_remove', 'sb_add', 'sb_remove'] as const;
export type OfficialList = (typeof OFFICIAL_LISTS)[number];

export const SOUTHBOUND_PATHS = ['HSCI_LARGE', 'HSCI_MID', 'HSCI_SMALL', 'HSCI_SMALL_RETAINED', 'A_PLUS_H'] as const;
export type SouthboundPath = (typeof SOUTHBOUND_PATHS)[number];

export const INTERIM_EVENTS = [
  'FAST_ENTRY', 'LONG_SUSPENSION_DELETION', 'A_PLUS_H_STABILISATION', 'WVR_SEASONED', 'PRIMARY_CONVERSION',
] as const;
export type InterimEventKind = (typeof INTERIM_EVENTS)[number];

/** The attributes of one security that dated changes can alter (docs/contract.md `changes`). */
export const CHANGEABLE_FIELDS = [
  'name', 'board', 'type', 'currency', 'delisting_date', 'wvr', 'secondary_listing', 'free_float',
  'a_share_code', 'a_share_exchange', 'a_share_listing_date', 'stabilisation_end',
  'sfc_high_concentration', 'a_share_risk_alert',
] as const;
export type ChangeableField = (typeof CHANGEABLE_FIELDS)[number];

/** One security's static attributes, as they stood on some date. */
export interface SecurityAttributes {
  readonly code: StockCode;
  readonly name: string;
  readonly board: Board;
  readonly type: SecurityType;
  readonly currency: Currency;
  readonly listingDate: IsoDate;
  readonly delistingDate: IsoDate | null;
  readonly wvr: boolean;
  readonly secondaryListing: boolean;
  /** Free-float ratio, 0 < x <= 1; null when the data gives none (treated as 1 by §5). */
  readonly freeFloat: number | null;
  readonly aShareCode: string | null;
  readonly aShareExchange: AShareExchange | null;
  readonly aShareListingDate: IsoDate | null;
  readonly stabilisationEnd: IsoDate | null;
  readonly sfcHighConcentration: boolean;
  readonly aShareRiskAlert: boolean;
}

/** A dated change of one attribute (docs/contract.md `changes`). */
export interface AttributeChange {
  readonly code: StockCode;
  readonly date: IsoDate;
  readonly field: ChangeableField;
  readonly value: string;
}

/** One daily record. Money in whole HK$. */
export interface DailyRecord {
  readonly date: IsoDate;
  readonly code: StockCode;
  readonly marketCapHkd: number;
  readonly turnoverHkd: number;
  readonly suspended: boolean;
  readonly close: number | null;
  readonly volume: number | null;
}

/**
 * The daily history of one security over a window, columnar for speed.
 * `dates` ascending; index i of every array describes dates[i].
 */
export interface DailySeries {
  readonly dates: readonly IsoDate[];
  readonly marketCapHkd: Float64Array;
  readonly turnoverHkd: Float64Array;
  readonly suspended: Uint8Array;
}

/** The outcome of one rule for one security, in the order the review applied it (docs/methodology.md §9). */
export interface RuleOutcome {
  /** Stable rule id, e.g. `hsci-coverage-add`, `sb-wvr-183d-turnover`. */
  readonly rule: string;
  /** The docs/methodology.md section, e.g. `§6.1`. */
  readonly section: string;
  readonly outcome: 'pass' | 'fail' | 'n/a';
  /** One readable sentence with the figures. */
  readonly detail: string;
  readonly value?: number;
  readonly threshold?: number;
  /** Signed distance to the threshold in the threshold's unit (coverage points, HK$, ...). */
  readonly distance?: number;
  readonly borderline?: boolean;
}

export type HsciOutcome = 'ADD' | 'REMOVE' | 'KEEP' | 'WAIT' | 'NOT_ELIGIBLE';

/** Everything the review decided about one security, with why (for explain, diff and reports). */
export interface SecurityDecision {
  readonly code: StockCode;
  readonly name: string;
  readonly inUniverse: boolean;
  readonly rank: number | null;
  readonly avgMarketCapHkd: number | null;
  readonly coverage: number | null;
  readonly wasConstituent: boolean;
  readonly isConstituent: boolean;
  readonly segmentBefore: Segment | null;
  readonly segmentAfter: Segment | null;
  readonly hsciOutcome: HsciOutcome;
  /** Per channel: on the list before, eligible after, the path in or the rule out. */
  readonly southbound: Readonly<Record<Channel, {
    readonly before: boolean;
    readonly after: boolean;
    readonly path: SouthboundPath | null;
    readonly rule: string;
    readonly reason: string;
  }>>;
  /** A one-line summary of the decisive reason. */
  readonly summary: string;
  readonly borderline: boolean;
  readonly checks: readonly RuleOutcome[];
}

export interface HsciAddRow {
  code: StockCode; name: string; segment: Segment; avgMarketCapHkd: number; coverage: number;
  reason: string; rule: string; distance: string; borderline: boolean;
}
export interface HsciRemoveRow {
  code: StockCode; name: string; avgMarketCapHkd: number | null; coverage: number | null;
  reason: string; rule: string; distance: string; borderline: boolean;
}
export interface SouthboundAddRow {
  code: StockCode; name: string; path: SouthboundPath; reason: string; rule: string; borderline: boolean;
}
export interface SouthboundRemoveRow {
  code: StockCode; name: string; reason: string; rule: string; borderline: boolean;
}
export interface PendingRow {
  code: StockCode; event: 'A_PLUS_H_STABILISATION' | 'WVR_SEASONED'; date: IsoDate; name?: string; channels?: Channel[]; reason?: string;
}
export interface BorderlineRow {
  code: StockCode; name: string; line: string; value: number; threshold: number; distance: string; outcome: string;
}

/** The result of one review: docs/contract.md "screen --format json" plus extra fields. */
export interface ReviewResult {
  cutoff: IsoDate;
  effectiveDate: IsoDate;
  kind: ReviewKind;
  methodology: string;
  hsci: {
    add: HsciAddRow[];
    remove: HsciRemoveRow[];
    constituents: Array<{ code: StockCode; segment: Segment }>;
  };
  southbound: Record<Channel, { add: SouthboundAddRow[]; remove: SouthboundRemoveRow[] }>;
  pending: PendingRow[];
  warnings: string[];
  /** Extra: names within the borderline margins of docs/methodology.md §9. */
  borderline: BorderlineRow[];
  /** Extra: one decision per screened security, ordered by rank then code. */
  decisions: SecurityDecision[];
  /** Extra: the lines this review applied (from its Methodology), drawn by the HTML charts, with their HK$ equivalents. */
  lines?: ReviewLines;
  /** HSCI constituents in force on the cut-off (the list before the review). Absent in runs recorded before it existed. */
  constituentsBefore?: number;
  /** HSCI constituents after the review. */
  constituentsAfter?: number;
  /** How many names each list gains and loses (HSCI, and per Southbound channel). */
  counts?: ReviewCounts;
  /** A preview of C with data up to D (`screen --as-of`): the days left and what each close call needs. */
  preview?: PreviewInfo;
  /** `--odds`: each security's probability of each list change above the reporting floor. */
  odds?: OddsRow[];
  oddsMeta?: OddsMeta;
  /** `--odds`: what drives each close call's odds (explain). */
  oddsDrivers?: OddsDriver[];
  /** `--tracking-aum`: the estimated passive demand of each HSCI add and delete. */
  flows?: FlowsInfo;
}

/** The size of each list change of a review (the counts brokers quote). */
export interface ReviewCounts {
  hsci: { add: number; remove: number };
  southbound: Record<Channel, { add: number; remove: number }>;
  pending: number;
}

/**
 * A review as a run records it (runs.result_deflated): the whole result except each decision's
 * rule-by-rule `checks`, a derived trace that `explain` recomputes from the same inputs.
 */
export type RecordedReviewResult = Omit<ReviewResult, 'decisions'> & { decisions: Array<Omit<SecurityDecision, 'checks'>> };

/** The methodology lines a report draws (docs/methodology.md §6.1, §7.1); coverage as fractions, money in HK$. */
export interface ReviewLines {
  coverageAdd: number;
  coverageDelete: number;
  largeCap: number;
  midCap: number;
  smallCapInHkd: number;
  smallCapKeepHkd: number;
  /**
   * The average market cap (whole HK$) a name needs to sit exactly on each coverage line: the add and
   * delete lines over the ranking universe, the LargeCap / MidCap lines over the constituents after the
   * review (screen/line-caps.ts). Null when nothing is ranked; absent in runs recorded before them.
   */
  addAvgCapHkd?: number | null;
  deleteAvgCapHkd?: number | null;
  largeCapAvgCapHkd?: number | null;
  midCapAvgCapHkd?: number | null;
  /** The §9 borderline margin around the coverage lines, as a fraction (the charts shade it). */
  borderlineMargin?: number;
}

/** An interim event (docs/methodology.md §8; docs/contract.md `events` rows). */
export interface InterimEvent {
  code: StockCode;
  event: InterimEventKind;
  date: IsoDate;
  reason: string;
  name?: string;
}
