import { CHANNELS, type ReviewResult } from '../domain/types.js';

/** One summary figure as a CSV row: what it is, the HK$ amount (lines), the coverage fraction, the count text. */
export interface SummaryRow {
  readonly name: string;
  readonly avgMarketCapHkd: number | null;
  readonly coverage: number | null;
  readonly reason: string;
}

/**
 * The summary of a review as rows (the CSV's `summary` list): each line with its HK$ average, the
 * constituent count before -> after, and each list's count. Empty for a result recorded without them.
 */
export function summaryRows(result: ReviewResult): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const l = result.lines;
  if (l?.addAvgCapHkd !== undefined) {
    rows.push(
      { name: 'HSCI add line', avgMarketCapHkd: l.addAvgCapHkd ?? null, coverage: l.coverageAdd, reason: 'average cap a name needs to sit on the add line' },
      { name: 'HSCI delete line', avgMarketCapHkd: l.deleteAvgCapHkd ?? null, coverage: l.coverageDelete, reason: 'average cap a name needs to sit on the delete line' },
      { name: 'LargeCap line', avgMarketCapHkd: l.largeCapAvgCapHkd ?? null, coverage: l.largeCap, reason: 'among the constituents after the review' },
      { name: 'MidCap line', avgMarketCapHkd: l.midCapAvgCapHkd ?? null, coverage: l.midCap, reason: 'among the constituents after the review' },
      { name: 'Southbound SmallCap in', avgMarketCapHkd: l.smallCapInHkd, coverage: null, reason: '' },
      { name: 'Southbound SmallCap keep', avgMarketCapHkd: l.smallCapKeepHkd, coverage: null, reason: '' },
    );
  }
  if (result.constituentsBefore !== undefined && result.constituentsAfter !== undefined) {
    rows.push({ name: 'HSCI constituents', avgMarketCapHkd: null, coverage: null, reason: `${result.constituentsBefore} -> ${result.constituentsAfter}` });
  }
  const c = result.counts;
  if (c !== undefined) {
    rows.push({ name: 'HSCI changes', avgMarketCapHkd: null, coverage: null, reason: `+${c.hsci.add} / -${c.hsci.remove}` });
    for (const ch of CHANNELS) rows.push({ name: `Southbound ${ch} changes`, avgMarketCapHkd: null, coverage: null, reason: `+${c.southbound[ch].add} / -${c.southbound[ch].remove}` });
  }
  return rows;
}
