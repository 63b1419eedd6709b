import type { BenchSecurity } from './generate-market.js';

/**
 * The lists in force before the benchmarked review (an HSCI constituent list with segments and the
 * two Southbound lists), so that the screen has a realistic "current list" to add to and remove
 * from. Built from the start caps: the biggest eligible securities up to about 95% coverage.
 */
export interface BenchLists {
  readonly hsciCsv: string;
  readonly southboundCsv: string;
  readonly constituents: number;
}

const RANKED_TYPES = new Set(['EQUITY', 'REIT', 'STAPLED']);
/** Southbound SmallCap entry line of docs/methodology.md §7.1 (HK$5bn), used only to shape sample data. */
const SAMPLE_SMALLCAP_ENTRY_HKD = 5e9;

export function generateLists(securities: readonly BenchSecurity[]): BenchLists {
  const ranked = securities
    .filter((s) => s.board === 'MAIN' && RANKED_TYPES.has(s.type) && s.currency === 'HKD' && s.firstDay === 0)
    .sort((a, b) => b.startCapHkd - a.startCapHkd || a.code.localeCompare(b.code));
  const total = ranked.reduce((sum, s) => sum + s.startCapHkd, 0);
  const hsci: string[] = ['code,segment'];
  const southbound: string[] = ['code,channel'];
  let cumulative = 0;
  for (const s of ranked) {
    cumulative += s.startCapHkd;
    const coverage = cumulative / total;
    if (coverage > 0.95) break;
    const segment = coverage <= 0.8 ? 'LARGE' : coverage <= 0.9 ? 'MID' : 'SMALL';
    hsci.push(`${s.code},${segment}`);
    const eligible = s.type === 'EQUITY' && !s.secondaryListing && (segment !== 'SMALL' || s.startCapHkd >= SAMPLE_SMALLCAP_ENTRY_HKD);
    if (eligible) southbound.push(`${s.code},BOTH`);
    else if (s.aShareExchange === 'SZSE') southbound.push(`${s.code},SZ`);
  }
  return { hsciCsv: `${hsci.join('\n')}\n`, southboundCsv: `${southbound.join('\n')}\n`, constituents: hsci.length - 1 };
}
