import type { CloseCall, LiquidityCall } from '../domain/preview-types.js';
import { CHANNELS, type BorderlineRow, type IsoDate, type ReviewResult, type SecurityDecision } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import { applyPassRule } from '../rules/liquidity.js';
import { monthIndexOf } from '../rules/month-index.js';
import type { SecurityMetrics } from '../rules/security-metrics.js';
import { formatHkd, formatPercent } from './format-figures.js';

/** Per security, what the preview knows beyond its metrics: the appended days that count, its last close. */
export interface PreviewFacts {
  readonly futureDays: number;
  readonly lastClose: number | null;
}

/**
 * What each close call (a borderline row of the preview, docs/methodology.md §9) needs over the `k` trading days left
 * to sit exactly on its deciding line, all else as it stands: the HSCI lines as their HK$ averages
 * (`lines.addAvgCapHkd` / `deleteAvgCapHkd`), the Southbound money lines as they are. Its average over the
 * window is (known days + remaining days) / days, so the remaining days' average cap must be
 * last cap + (line - average) x days / remaining days.
 */
export function closeCallsOf(
  result: ReviewResult, metrics: ReadonlyMap<string, SecurityMetrics>, facts: ReadonlyMap<string, PreviewFacts>,
): CloseCall[] {
  const out: CloseCall[] = [];
  const decisions = new Map(result.decisions.map((d) => [d.code, d]));
  for (const b of result.borderline) {
    const x = metrics.get(b.code);
    const d = decisions.get(b.code);
    const target = lineCapOf(b, result);
    if (x === undefined || d === undefined || target === null || !decides(b, d, x)) continue;
    const avg = isMoneyLine(b) ? x.southboundAvgMarketCapHkd : x.average.avgMarketCapHkd;
    const lastCap = x.capOnCutoffHkd;
    if (avg === null) continue;
    const f = facts.get(b.code) ?? { futureDays: 0, lastClose: null };
    const base = { code: b.code, name: b.name, line: b.line, outcome: b.outcome, lineAvgCapHkd: Math.round(target), avgMarketCapHkd: Math.round(avg), lastClose: f.lastClose };
    if (f.futureDays === 0 || lastCap === null || lastCap <= 0) {
      out.push({ ...base, neededCapHkd: null, neededMove: null, neededAvgPrice: null, note: 'no trading day left that counts (suspended, or none before the cut-off): its average cannot move' });
      continue;
    }
    const needed = lastCap + (target - avg) * x.average.daysUsed / f.futureDays;
    if (needed <= 0) {
      out.push({ ...base, neededCapHkd: null, neededMove: null, neededAvgPrice: null, note: `out of reach: even a cap of zero over the ${f.futureDays} day(s) left leaves it on this side of the line` });
      continue;
    }
    const move = needed / lastCap - 1;
    const price = f.lastClose === null ? null : f.lastClose * (1 + move);
    const note = `needs an average cap of ${formatHkd(needed)} over the ${f.futureDays} day(s) left (${signedPercent(move)} from its last close${price === null ? '' : `, an average price of ${price.toFixed(3)}`}) to sit on the line`;
    out.push({ ...base, neededCapHkd: Math.round(needed), neededMove: move, neededAvgPrice: price, note });
  }
  // The smallest move first: the calls most likely to flip lead.
  return out.sort((a, b) => (a.neededMove === null ? Infinity : Math.abs(a.neededMove)) - (b.neededMove === null ? Infinity : Math.abs(b.neededMove)) || (a.code < b.code ? -1 : 1));
}

/**
 * Whether a borderline row's line is the one that decides the name: the delete line for a constituent, the
 * add line for a non-constituent; the HK$4bn keep line for a name already on a channel (not A+H), else the HK$5bn line.
 */
function decides(b: BorderlineRow, d: SecurityDecision, x: SecurityMetrics): boolean {
  const onAChannel = CHANNELS.some((ch) => d.southbound[ch].before);
  switch (b.line) {
    case 'hsci-coverage-add': return !d.wasConstituent;
    case 'hsci-coverage-delete': return d.wasConstituent;
    case 'sb-smallcap-keep': return onAChannel && x.aPlusH === null;
    case 'sb-smallcap-in': return !onAChannel || x.aPlusH !== null;
    default: return false;
  }
}

/**
 * docs/methodology.md §5 tests still open on D: constituents, and non-constituents inside the add line, whose
 * liquidity fails if none of the months not yet complete passes and passes if all of them do. Says how
 * many of those months must pass (the passes counted as the latest, the kindest order).
 */
export function liquidityCallsOf(result: ReviewResult, metrics: ReadonlyMap<string, SecurityMetrics>, firstFutureDay: IsoDate | null, m: Methodology): LiquidityCall[] {
  if (firstFutureDay === null) return [];
  const firstOpen = monthIndexOf(firstFutureDay);
  const out: LiquidityCall[] = [];
  for (const d of result.decisions) {
    const inPlay = d.wasConstituent || (d.coverage !== null && d.coverage <= m.coverage.add);
    const x = metrics.get(d.code);
    if (!inPlay || x === undefined || !x.universe.eligible) continue;
    const months = x.liquidity.months;
    const known = months.filter((mo) => monthIndexOf(`${mo.month}-01`) < firstOpen).map((mo) => mo.pass);
    const left = months.length - known.length;
    if (left === 0) continue;
    let needed = -1;
    for (let j = 0; j <= left && needed < 0; j++) {
      const passes = [...known, ...Array<boolean>(left - j).fill(false), ...Array<boolean>(j).fill(true)];
      if (applyPassRule(passes, m).pass) needed = j;
    }
    if (needed <= 0) continue; // settled: passes whatever comes (0), or cannot pass (-1)
    out.push({
      code: d.code, name: d.name, monthsLeft: left, monthsNeeded: needed, passesNow: x.liquidity.pass,
      note: `needs ${needed} of the ${left} month(s) not yet complete to pass the velocity line (${formatPercent(m.liquidity.velocityThreshold, 2)})`,
    });
  }
  return out;
}

/** The line of a borderline row as an average cap: the HSCI coverage lines' HK$ averages, money lines as they are. */
function lineCapOf(b: BorderlineRow, result: ReviewResult): number | null {
  if (b.line === 'hsci-coverage-add') return result.lines?.addAvgCapHkd ?? null;
  if (b.line === 'hsci-coverage-delete') return result.lines?.deleteAvgCapHkd ?? null;
  return isMoneyLine(b) ? b.threshold : null;
}

/** The §7.1.1 SmallCap lines, measured on the Southbound window average (the §7.3 WVR lines use other figures). */
function isMoneyLine(b: BorderlineRow): boolean {
  return b.line === 'sb-smallcap-in' || b.line === 'sb-smallcap-keep';
}

function signedPercent(f: number): string {
  return `${f >= 0 ? '+' : '-'}${formatPercent(Math.abs(f), 1)}`;
}
