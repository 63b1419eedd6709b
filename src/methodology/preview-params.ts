/**
 * The numbers of the preview method (docs/previews.md): how the days between the as-of date D and the
 * cut-off C are filled for the deterministic preview, and the defaults of the `--odds` simulation.
 * Not part of the index methodology (docs/methodology.md): a model of the days still to come, so a params object
 * of its own. Nothing under screen/ holds these as literals.
 */
export interface PreviewParams {
  /** The deterministic preview carries each name's turnover forward as the median of its last this many non-suspended days. */
  readonly turnoverLookbackDays: number;
  readonly odds: {
    /** Simulated paths when `--paths` is not given. */
    readonly paths: number;
    /** Seed when `--seed` is not given. */
    readonly seed: number;
    /** Trading days of history (up to D) the market factor, betas and own volatilities are estimated from. */
    readonly lookbackDays: number;
    /** Fewer daily returns than this: the name gets the median own volatility and beta 1. */
    readonly minReturns: number;
    /** Betas are clamped to [0, maxBeta]. */
    readonly maxBeta: number;
    /** Daily log returns beyond this (absolute) are treated as data errors and left out of the estimates. */
    readonly maxAbsDailyReturn: number;
    /**
     * Names whose average cap is within this fraction of a line's HK$ average (the add, delete and MidCap
     * lines, the Southbound money lines) get a path of their own; every other name moves with the market only.
     */
    readonly activeBandFraction: number;
    /** Probabilities at or below this are left out of the `odds` rows. */
    readonly reportAbove: number;
    /** The expected counts' range: these quantiles of the simulated counts. */
    readonly rangeQuantiles: readonly [number, number];
  };
}

export const PREVIEW_PARAMS: PreviewParams = {
  turnoverLookbackDays: 20,
  odds: {
    paths: 4000,
    seed: 1,
    lookbackDays: 250,
    minReturns: 20,
    maxBeta: 2.5,
    maxAbsDailyReturn: 0.5,
    activeBandFraction: 0.35,
    reportAbove: 0.001,
    rangeQuantiles: [0.05, 0.95],
  },
};
