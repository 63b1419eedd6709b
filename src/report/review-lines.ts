import type { ReviewLines, ReviewResult } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';

/**
 * The lines a report draws, taken from the methodology that ran (RULES.md "Parameters"): the screen
 * stores them in `ReviewResult.lines` so a report never needs a threshold literal.
 */
export function reviewLinesOf(methodology: Methodology): ReviewLines {
  return {
    coverageAdd: methodology.coverage.add,
    coverageDelete: methodology.coverage.delete,
    largeCap: methodology.coverage.largeCap,
    midCap: methodology.coverage.midCap,
    smallCapInHkd: methodology.southbound.smallCapInHkd,
    smallCapKeepHkd: methodology.southbound.smallCapKeepHkd,
  };
}

/** The result's lines, or null for a result recorded without them (charts then omit the lines and say so). */
export function readReviewLines(result: ReviewResult): ReviewLines | null {
  return result.lines ?? null;
}
