/**
 * The one-line legend of the outcome labels every review format carries (issue 16), so a reader of a
 * borderline list knows what KEEP or WAIT means without the docs. The labels are the HsciOutcome values
 * and the Southbound per-channel words of the borderline `outcome` column.
 */
export const OUTCOME_LEGEND = 'Outcomes: ADD joins the HSCI at this review; REMOVE leaves it; KEEP a constituent that stays; '
  + 'WAIT not a constituent, between the add and delete lines: stays out, joins if it crosses the add line; '
  + 'NOT_ELIGIBLE stays out: outside the universe, past the delete line or failing a rule (liquidity, suspension, SFC list); '
  + 'SH / SZ eligible or not eligible on each Southbound channel after the review. '
  + 'Borderline: within the RULES.md §9 margin of the one line that decides the outcome, closest first.';
