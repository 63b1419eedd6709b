import type { ReviewLines, ReviewResult } from '../domain/types.js';
import { formatBn, formatPct } from './number-format.js';

/** The result's lines, or null for a result recorded without them (charts then omit the lines and say so). */
export function readReviewLines(result: ReviewResult): ReviewLines | null {
  return result.lines ?? null;
}

const hkd = (x: number | null | undefined): string => (x === null || x === undefined ? 'n/a' : `HK$${formatBn(x)}bn`);

/**
 * The summary every human-readable format prints under its title: the lines in HK$, the constituent
 * count before -> after, and the count of each list. Lines of text, no markup. Empty for a result
 * recorded before these figures existed.
 */
export function describeSummary(result: ReviewResult): string[] {
  const out: string[] = [];
  const l = result.lines;
  if (l?.addAvgCapHkd !== undefined) {
    out.push(`Lines: add ${hkd(l.addAvgCapHkd)} average cap (${formatPct(l.coverageAdd)} coverage), delete ${hkd(l.deleteAvgCapHkd)} (${formatPct(l.coverageDelete)}); `
      + `LargeCap ${hkd(l.largeCapAvgCapHkd)} (${formatPct(l.largeCap)}), MidCap ${hkd(l.midCapAvgCapHkd)} (${formatPct(l.midCap)}); `
      + `Southbound SmallCap in ${hkd(l.smallCapInHkd)}, keep ${hkd(l.smallCapKeepHkd)}`);
  }
  if (result.constituentsBefore !== undefined && result.constituentsAfter !== undefined) {
    const net = result.constituentsAfter - result.constituentsBefore;
    out.push(`HSCI constituents: ${result.constituentsBefore} before, ${result.constituentsAfter} after (${net >= 0 ? '+' : ''}${net})`);
  }
  const c = result.counts;
  if (c !== undefined) {
    out.push(`Changes: HSCI +${c.hsci.add} / -${c.hsci.remove}; Southbound SH +${c.southbound.SH.add} / -${c.southbound.SH.remove}, `
      + `SZ +${c.southbound.SZ.add} / -${c.southbound.SZ.remove}; pending ${c.pending}`);
  }
  return out;
}
