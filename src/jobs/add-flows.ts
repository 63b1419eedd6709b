import type { Store } from '../db/connection.js';
import { addMonths } from '../domain/dates.js';
import type { ReviewResult } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { passiveFlows, type FlowFacts } from '../screen/passive-flows.js';
import { readSeries } from './window-series.js';

/**
 * Adds `flows` to a review or preview: reads the window's turnover of its adds and deletes (up to the data
 * date: C, or D for a preview) and computes each one's passive demand (screen/passive-flows.ts).
 */
export function addFlows(store: Store, result: ReviewResult, metrics: readonly SecurityMetrics[], trackingAumHkd: number, m: Methodology): void {
  const dataTo = result.preview?.asOf ?? result.cutoff;
  const codes = [...new Set([...result.hsci.add.map((r) => r.code), ...result.hsci.remove.map((r) => r.code)])];
  const series = codes.length === 0 ? new Map() : readSeries(store, codes, addMonths(result.cutoff, -m.averaging.windowMonths), dataTo);
  const facts = new Map<string, FlowFacts>();
  for (const x of metrics) facts.set(x.code, { freeFloat: x.attrs.freeFloat, avgDailyTurnoverHkd: null });
  for (const code of codes) {
    const s = series.get(code);
    let sum = 0;
    let days = 0;
    if (s !== undefined) for (let i = 0; i < s.dates.length; i++) if (s.suspended[i] === 0) { sum += s.turnoverHkd[i]!; days++; }
    facts.set(code, { freeFloat: facts.get(code)?.freeFloat ?? null, avgDailyTurnoverHkd: days === 0 ? null : sum / days });
  }
  result.flows = passiveFlows(result, facts, trackingAumHkd, m);
}
