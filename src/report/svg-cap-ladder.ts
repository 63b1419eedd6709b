import { CHANNELS, type ReviewLines, type ReviewResult, type SecurityDecision } from '../domain/types.js';
import { escapeHtml, svgNum } from './html-escape.js';

type Outcome = 'add' | 'remove' | 'keep' | 'out';
interface Rung { readonly code: string; readonly name: string; readonly capHkd: number; readonly outcome: Outcome }

const W = 960;
const ROW = 17;
const M = { left: 250, right: 40, top: 62, bottom: 40 };
/** How far around the Southbound lines the ladder reaches: from 5/8 of the keep line to 1.5x the in line. */
const LOW_FACTOR = 0.625;
const HIGH_FACTOR = 1.5;
const MAX_RUNGS = 40;
/** Which channel the dots' colour describes: either one (a change on SH or SZ shows). */
const CHANNEL_LEGEND = 'Dot colour: the Southbound outcome on either channel (SH or SZ): green added on a channel, red removed from one, blue kept, grey not eligible.';

/**
 * The average-cap ladder of the names around the Southbound SmallCap lines (docs/methodology.md §7.1: in at
 * HK$5bn, kept at HK$4bn): one rung per HSCI constituent or listed name in that band, a dot at its
 * average cap, coloured by its Southbound outcome. Pure; returns SVG markup.
 */
export function renderCapLadder(result: ReviewResult, lines: ReviewLines | null): string {
  if (!lines) return '<p class="note">This result does not record its Southbound lines: no cap ladder.</p>';
  const lo = lines.smallCapKeepHkd * LOW_FACTOR;
  const hi = lines.smallCapInHkd * HIGH_FACTOR;
  const all = result.decisions.filter((d) => isRelevant(d, lo, hi)).map(toRung);
  const rungs = nearestToLines(all, lines).sort((a, b) => b.capHkd - a.capHkd || a.code.localeCompare(b.code));
  if (rungs.length === 0) return `<p class="note">${escapeHtml(`Average cap ladder, HK$${bn(lo)}bn to HK$${bn(hi)}bn`)}: no names in this band.</p>`;
  // The axis spans the names shown and both lines, with a little room: no empty stretch beyond the last dot.
  const shownLo = Math.min(lines.smallCapKeepHkd, ...rungs.map((r) => r.capHkd));
  const shownHi = Math.max(lines.smallCapInHkd, ...rungs.map((r) => r.capHkd));
  const pad = (shownHi - shownLo) * 0.06;
  const axisLo = Math.max(lo, shownLo - pad);
  const axisHi = Math.min(hi, shownHi + pad);
  const title = `Average cap ladder, HK$${bn(axisLo)}bn to HK$${bn(axisHi)}bn` + (rungs.length < all.length ? ` (the ${rungs.length} of ${all.length} names nearest the lines)` : '');
  const h = M.top + M.bottom + rungs.length * ROW;
  const pw = W - M.left - M.right;
  const x = (v: number) => M.left + ((v - axisLo) / (axisHi - axisLo)) * pw;
  const parts: string[] = [
    `<svg class="chart cap-ladder" data-chart="cap-ladder" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text class="chart-title" x="${M.left}" y="18">${escapeHtml(title)}</text>`,
    `<text class="legend-label" x="10" y="${M.top - 28}">${escapeHtml(CHANNEL_LEGEND)}</text>`,
    `<rect class="plot" x="${M.left}" y="${M.top - 6}" width="${pw}" height="${rungs.length * ROW + 6}"/>`,
  ];
  const step = niceStep((axisHi - axisLo) / 10);
  for (let t = Math.ceil(axisLo / step) * step; t <= axisHi + 1; t += step) {
    parts.push(`<line class="grid" x1="${svgNum(x(t))}" x2="${svgNum(x(t))}" y1="${M.top - 6}" y2="${h - M.bottom}"/><text class="tick" x="${svgNum(x(t))}" y="${h - M.bottom + 16}" text-anchor="middle">${bn(t)}</text>`);
  }
  parts.push(`<text class="axis" x="${M.left + pw / 2}" y="${h - 6}" text-anchor="middle">average market cap, HK$bn</text>`);
  for (const [key, value, label] of [['sb-keep', lines.smallCapKeepHkd, 'keep'], ['sb-in', lines.smallCapInHkd, 'in']] as const) {
    parts.push(`<line class="threshold sb" data-line="${key}" x1="${svgNum(x(value))}" x2="${svgNum(x(value))}" y1="${M.top - 10}" y2="${h - M.bottom}"/><text class="line-label sb" x="${svgNum(x(value))}" y="${M.top - 14}" text-anchor="middle">${escapeHtml(`HK$${bn(value)}bn ${label}`)}</text>`);
  }
  rungs.forEach((r, i) => {
    const cy = M.top + i * ROW + ROW / 2 - 2;
    parts.push(`<g class="rung" data-marker="${r.outcome}" data-code="${escapeHtml(r.code)}"><title>${escapeHtml(`${r.code} ${r.name}: HK$${(r.capHkd / 1e9).toFixed(2)}bn, ${r.outcome}`)}</title>` +
      `<text class="rung-label" x="${M.left - 8}" y="${svgNum(cy + 4)}" text-anchor="end">${escapeHtml(`${r.code} ${truncate(r.name, 24)}`)}</text>` +
      `<line class="rung-line" x1="${M.left}" x2="${svgNum(x(r.capHkd))}" y1="${svgNum(cy)}" y2="${svgNum(cy)}"/>` +
      `<circle class="dot ${r.outcome}" cx="${svgNum(x(r.capHkd))}" cy="${svgNum(cy)}" r="5"/></g>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

/** In the band, and a constituent or on a Southbound list before or after: the names the §7.1 lines decide. */
function isRelevant(d: SecurityDecision, lo: number, hi: number): boolean {
  if (d.avgMarketCapHkd === null || d.avgMarketCapHkd < lo || d.avgMarketCapHkd > hi) return false;
  return d.isConstituent || d.wasConstituent || CHANNELS.some((c) => d.southbound[c].before || d.southbound[c].after);
}

function toRung(d: SecurityDecision): Rung {
  const sb = CHANNELS.map((c) => d.southbound[c]);
  const outcome: Outcome = sb.some((s) => s.after && !s.before) ? 'add'
    : sb.some((s) => s.before && !s.after) ? 'remove'
      : sb.some((s) => s.after) ? 'keep' : 'out';
  return { code: d.code, name: d.name, capHkd: d.avgMarketCapHkd!, outcome };
}

function nearestToLines(rungs: Rung[], lines: ReviewLines): Rung[] {
  if (rungs.length <= MAX_RUNGS) return rungs;
  const gap = (r: Rung) => Math.min(Math.abs(r.capHkd - lines.smallCapKeepHkd), Math.abs(r.capHkd - lines.smallCapInHkd));
  return [...rungs].sort((a, b) => gap(a) - gap(b) || a.code.localeCompare(b.code)).slice(0, MAX_RUNGS);
}

function niceStep(raw: number): number {
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? mag * 10;
}

function bn(hkd: number): string {
  return String(Math.round(hkd / 1e8) / 10);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
