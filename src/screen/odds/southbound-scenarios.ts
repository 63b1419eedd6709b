import { CHANNELS, type Channel, type IsoDate, type Segment, type SecurityDecision } from '../../domain/types.js';
import type { Methodology } from '../../methodology/types.js';
import type { SecurityMetrics } from '../../rules/security-metrics.js';
import { screenSouthbound } from '../screen-southbound.js';

/**
 * What a simulated path can change about one name's Southbound verdict: whether it is a constituent after
 * the review, its segment and, as SmallCap, its average against the money lines. Six scenarios:
 * 0 not a constituent, 1 LargeCap, 2 MidCap, 3 SmallCap at or above the HK$ in line, 4 SmallCap between
 * the keep and in lines, 5 SmallCap under the keep line.
 */
export const SCENARIOS = 6;

export function scenarioOf(constituent: boolean, segment: Segment, sbAvgHkd: number, m: Methodology): number {
  if (!constituent) return 0;
  if (segment === 'LARGE') return 1;
  if (segment === 'MID') return 2;
  if (sbAvgHkd >= m.southbound.smallCapInHkd) return 3;
  return sbAvgHkd >= m.southbound.smallCapKeepHkd ? 4 : 5;
}

/**
 * Each channel's eligibility after the review in each scenario, from the review's own Southbound rules
 * (screen-southbound.ts) run once per scenario: every other fact (WVR, A+H, exclusions, the lists before)
 * stays as the preview has it. Indexed [channel][scenario].
 */
export function southboundTable(x: SecurityMetrics, d: SecurityDecision, cutoff: IsoDate, effectiveDate: IsoDate, m: Methodology): Record<Channel, Uint8Array> {
  const before = { SH: d.southbound.SH.before, SZ: d.southbound.SZ.before };
  const s = m.southbound;
  const cases: Array<[Segment | null, number | null]> = [
    [null, x.southboundAvgMarketCapHkd], ['LARGE', x.southboundAvgMarketCapHkd], ['MID', x.southboundAvgMarketCapHkd],
    ['SMALL', s.smallCapInHkd], ['SMALL', (s.smallCapInHkd + s.smallCapKeepHkd) / 2], ['SMALL', s.smallCapKeepHkd / 2],
  ];
  const out = { SH: new Uint8Array(SCENARIOS), SZ: new Uint8Array(SCENARIOS) };
  cases.forEach(([segmentAfter, sbAvg], i) => {
    const screen = screenSouthbound({ metrics: { ...x, southboundAvgMarketCapHkd: sbAvg }, segmentAfter, before, cutoff, effectiveDate, methodology: m });
    for (const ch of CHANNELS) out[ch][i] = screen.channels[ch].after ? 1 : 0;
  });
  return out;
}
