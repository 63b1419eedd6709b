import type { CloseCall, LiquidityCall, OddsDriver, OddsRow } from '../domain/preview-types.js';
import type { ReviewResult } from '../domain/types.js';

/** What a preview adds to one security's explanation: what it takes, its odds and their main driver. */
export interface PreviewExplanation {
  readonly asOf: string;
  readonly tradingDaysLeft: number;
  readonly closeCalls: CloseCall[];
  readonly liquidity: LiquidityCall | null;
  /** Null without --odds. */
  readonly odds: OddsRow[] | null;
  readonly driver: OddsDriver | null;
}

export function explainPreview(result: ReviewResult, code: string): PreviewExplanation | null {
  const p = result.preview;
  if (p === undefined) return null;
  return {
    asOf: p.asOf, tradingDaysLeft: p.tradingDaysLeft,
    closeCalls: p.closeCalls.filter((c) => c.code === code),
    liquidity: p.liquidityCalls.find((c) => c.code === code) ?? null,
    odds: result.odds === undefined ? null : result.odds.filter((o) => o.code === code),
    driver: result.oddsDrivers?.find((d) => d.code === code) ?? null,
  };
}

/** The preview's lines of the readable explanation. */
export function renderPreviewExplanation(e: PreviewExplanation): string {
  const out = [``, `Preview as of ${e.asOf} (${e.tradingDaysLeft} trading day(s) left)`];
  out.push(...(e.closeCalls.length === 0 ? ['  not a close call'] : e.closeCalls.map((c) => `  ${c.line}: ${c.note}`)));
  if (e.liquidity !== null) out.push(`  liquidity: ${e.liquidity.note}`);
  if (e.odds !== null) {
    out.push(e.odds.length === 0 ? '  odds: no list change above the reporting floor' : `  odds: ${e.odds.map((o) => `${o.list} ${(o.probability * 100).toFixed(1)}%`).join(', ')}`);
    out.push(`  main driver: ${e.driver === null ? 'none: far from every line, its outcome does not move' : e.driver.driver}`);
  }
  return `${out.join('\n')}\n`;
}
