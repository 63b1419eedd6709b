import type { ReviewResult } from '../domain/types.js';
import { formatBn } from './number-format.js';

/** A table a preview adds to a report: its title, one line of explanation, columns and cells. */
export interface ExtraSection {
  readonly id: 'close-calls' | 'liquidity-calls' | 'odds' | 'expected-counts' | 'flows';
  readonly title: string;
  readonly intro: string;
  readonly columns: readonly string[];
  /** Column positions holding numbers (right-aligned in Markdown and HTML). */
  readonly numeric: readonly number[];
  readonly rows: readonly string[][];
}

const pct = (f: number | null): string => (f === null ? '' : `${f >= 0 ? '+' : '-'}${(Math.abs(f) * 100).toFixed(1)}%`);

/** The preview's tables (odds, what it takes, open liquidity tests), then the flows, in reading order. */
export function previewSections(result: ReviewResult): ExtraSection[] {
  return [...previewOnlySections(result), ...flowSections(result)];
}

function previewOnlySections(result: ReviewResult): ExtraSection[] {
  const p = result.preview;
  if (p === undefined) return [];
  return [
    ...oddsSections(result),
    {
      id: 'close-calls', title: `What it takes: close calls with ${p.tradingDaysLeft} trading day(s) left after ${p.asOf}`,
      intro: 'The average cap (and price) each borderline name needs over the days left to sit on its line, everything else as it stands.',
      columns: ['code', 'name', 'line', 'outcome now', 'line HK$bn', 'avg cap HK$bn', 'needs HK$bn', 'move', 'avg price', 'what it takes'],
      numeric: [4, 5, 6, 7, 8],
      rows: p.closeCalls.map((c) => [
        c.code, c.name, c.line, c.outcome, formatBn(c.lineAvgCapHkd), formatBn(c.avgMarketCapHkd), formatBn(c.neededCapHkd),
        pct(c.neededMove), c.neededAvgPrice === null ? '' : c.neededAvgPrice.toFixed(3), c.note,
      ]),
    },
    {
      id: 'liquidity-calls', title: 'Liquidity tests still open',
      intro: 'Names whose §5 test depends on the months not yet complete: how many of them must pass.',
      columns: ['code', 'name', 'months left', 'must pass', 'passes if turnover holds', 'what it takes'],
      numeric: [2, 3],
      rows: p.liquidityCalls.map((c) => [c.code, c.name, String(c.monthsLeft), String(c.monthsNeeded), c.passesNow ? 'yes' : 'no', c.note]),
    },
  ];
}

/** `--odds`: the expected counts with their range, then every name whose outcome is uncertain (0 < p < 1). */
function oddsSections(result: ReviewResult): ExtraSection[] {
  const meta = result.oddsMeta;
  if (meta === undefined || result.odds === undefined) return [];
  const names = new Map(result.decisions.map((d) => [d.code, d.name]));
  const drivers = new Map((result.oddsDrivers ?? []).map((d) => [d.code, d.driver]));
  const [lo, hi] = meta.rangeQuantiles;
  const uncertain = result.odds.filter((o) => o.probability < 1)
    .sort((a, b) => Math.abs(a.probability - 0.5) - Math.abs(b.probability - 0.5) || (a.code < b.code ? -1 : 1));
  return [
    {
      id: 'expected-counts', title: `Expected counts over ${meta.paths} simulated paths (seed ${meta.seed})`,
      intro: `Range: the ${Math.round(lo * 100)}th to ${Math.round(hi * 100)}th percentile of the paths. Model: ${meta.model}.`,
      columns: ['list', 'expected', 'range'], numeric: [1],
      rows: meta.expectedCounts.map((c) => [c.list, c.expected.toFixed(2), `${c.low} - ${c.high}`]),
    },
    {
      id: 'odds', title: 'Close calls: the odds',
      intro: 'Each name whose list change is neither certain nor ruled out, closest to even first, with what drives it.',
      columns: ['code', 'name', 'list', 'probability', 'main driver'], numeric: [3],
      rows: uncertain.map((o) => [o.code, names.get(o.code) ?? '', o.list, `${(o.probability * 100).toFixed(1)}%`, drivers.get(o.code) ?? '']),
    },
  ];
}

/** `--tracking-aum`: each HSCI add and delete with its passive demand. */
function flowSections(result: ReviewResult): ExtraSection[] {
  const f = result.flows;
  if (f === undefined) return [];
  return [{
    id: 'flows', title: `Passive flows for HK$${formatBn(f.trackingAumHkd)}bn tracking the HSCI`,
    intro: `Assumption: ${f.assumption}.`,
    columns: ['code', 'name', 'list', 'demand HK$bn', 'avg daily turnover HK$bn', 'days of turnover'], numeric: [3, 4, 5],
    rows: f.rows.map((r) => [r.code, r.name, r.list, formatBn(r.demandHkd), formatBn(r.avgDailyTurnoverHkd), r.daysOfTurnover === null ? '' : r.daysOfTurnover.toFixed(2)]),
  }];
}
