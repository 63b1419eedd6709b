import type { ReviewLines, ReviewResult } from '../domain/types.js';
import { escapeHtml, svgNum } from './html-escape.js';
import { isCoverageLine } from './number-format.js';
import { LabelPlacer, type LabelSpot } from './svg-label-placer.js';

type MarkerKind = 'add' | 'remove' | 'borderline';
interface CurvePoint { readonly rank: number; readonly coverage: number }
interface Marker extends CurvePoint { readonly kind: MarkerKind; readonly code: string; readonly name: string }
interface Range { readonly min: number; readonly max: number; readonly log?: boolean }

/** Above this many borderline names in a panel their labels would be a smear: they stay unlabelled (hover for names). */
const MAX_BORDERLINE_LABELS = 12;

const W = 960;
const H = 380;
const M = { left: 64, right: 200, top: 28, bottom: 44 };

/**
 * The cumulative-coverage curve of the ranked universe (docs/methodology.md §6.1) with the add/delete and
 * segment lines, and the adds, removes and borderline names marked: a full panel and a panel zoomed
 * on the band between the add and delete lines, where the decisions sit. Pure; returns SVG markup.
 */
export function renderCoverageChart(result: ReviewResult, lines: ReviewLines | null): string {
  const curve = result.decisions
    .filter((d) => d.rank !== null && d.coverage !== null)
    .map((d) => ({ rank: d.rank!, coverage: d.coverage! }))
    .sort((a, b) => a.rank - b.rank);
  if (curve.length === 0) return '<p class="note">No ranked securities in this result: no coverage curve to draw.</p>';
  const markers = collectMarkers(result);
  const n = curve[curve.length - 1]!.rank;
  // Log ranks: the head of the ranking (a few giants) and its long tail both stay legible.
  const fullX = { min: 1, max: Math.max(n, 2), log: true };
  if (!lines) return drawPanel('Cumulative coverage of the ranked universe', curve, markers, lines, fullX, { min: 0, max: 1 }, 'full', () => true);
  const yBand = { min: Math.max(0, lines.coverageAdd - 0.03), max: Math.min(1, lines.coverageDelete + 0.02) };
  const inBand = curve.filter((p) => p.coverage >= yBand.min && p.coverage <= yBand.max);
  const xBand = inBand.length > 1
    ? { min: inBand[0]!.rank, max: inBand[inBand.length - 1]!.rank }
    : fullX;
  const inZoom = (m: CurvePoint) => within(m, xBand, yBand);
  // The full panel labels only what the zoom does not show, so its crowded top stays readable.
  const full = drawPanel('Cumulative coverage of the ranked universe (names in the zoom below are labelled there)',
    curve, markers, lines, fullX, { min: 0, max: 1 }, 'full', (m) => !inZoom(m));
  const zoom = drawPanel(`Zoom: coverage ${pct(yBand.min)} to ${pct(yBand.max)} (ranks ${xBand.min} to ${xBand.max})`,
    curve, markers, lines, xBand, yBand, 'zoom', () => true);
  return full + zoom;
}

/** Adds and removes (docs/methodology.md §6.1), and the names near a coverage line (§9); money-line names belong to the ladder. */
function collectMarkers(result: ReviewResult): Marker[] {
  const nearCoverage = new Set(result.borderline.filter((b) => isCoverageLine(b.threshold)).map((b) => b.code));
  const out: Marker[] = [];
  for (const d of result.decisions) {
    if (d.rank === null || d.coverage === null) continue;
    const kind: MarkerKind | null = d.hsciOutcome === 'ADD' ? 'add' : d.hsciOutcome === 'REMOVE' ? 'remove' : nearCoverage.has(d.code) ? 'borderline' : null;
    if (kind) out.push({ kind, code: d.code, name: d.name, rank: d.rank, coverage: d.coverage });
  }
  return out;
}

function drawPanel(
  title: string, curve: readonly CurvePoint[], markers: readonly Marker[], lines: ReviewLines | null,
  xr: Range, yr: Range, id: string, labelled: (m: Marker) => boolean,
): string {
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const scale = (v: number) => (xr.log ? Math.log(v) : v);
  const x = (rank: number) => M.left + ((scale(rank) - scale(xr.min)) / (scale(xr.max) - scale(xr.min) || 1)) * pw;
  const y = (c: number) => M.top + (1 - (c - yr.min) / (yr.max - yr.min || 1)) * ph;
  const pts = curve.filter((p) => p.rank >= xr.min - 1 && p.rank <= xr.max + 1);
  const poly = pts.map((p) => `${svgNum(x(p.rank))},${svgNum(y(p.coverage))}`).join(' ');
  const clip = `clip-${id}`;
  const parts: string[] = [
    `<svg class="chart coverage-chart" data-chart="coverage-${id}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<defs><clipPath id="${clip}"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath></defs>`,
    `<text class="chart-title" x="${M.left}" y="18">${escapeHtml(title)}</text>`,
    `<rect class="plot" x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/>`,
    ...yTicks(yr).map((t) => `<line class="grid" x1="${M.left}" x2="${M.left + pw}" y1="${svgNum(y(t))}" y2="${svgNum(y(t))}"/><text class="tick" x="${M.left - 6}" y="${svgNum(y(t) + 4)}" text-anchor="end">${pct(t)}</text>`),
    ...xTicks(xr).map((t) => `<text class="tick" x="${svgNum(x(t))}" y="${M.top + ph + 16}" text-anchor="middle">${t}</text>`),
    `<text class="axis" x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">rank by average market cap${xr.log ? ' (log scale)' : ''}</text>`,
    ...drawLines(lines, yr, id, y, pw),
    `<polyline class="curve" clip-path="url(#${clip})" points="${poly}"/>`,
  ];
  const shown = markers.filter((m) => within(m, xr, yr)).sort((a, b) => kindOrder(a) - kindOrder(b) || a.rank - b.rank);
  const placer = new LabelPlacer({ x: M.left, y: M.top, w: pw, h: ph });
  for (const m of shown) placer.reserveMarker(x(m.rank), y(m.coverage));
  const borderlineCount = shown.filter((m) => m.kind === 'borderline').length;
  const labelBorderline = borderlineCount <= MAX_BORDERLINE_LABELS;
  for (const m of shown) {
    // Many borderline names sit on consecutive ranks: as dots on the curve they merge into a streak that
    // hides it. Then each is a tick of a rug along the bottom of the plot instead (the shaded bands say where).
    if (m.kind === 'borderline' && !labelBorderline) {
      parts.push(`<g class="mark" data-marker="borderline" data-code="${escapeHtml(m.code)}"><title>${escapeHtml(`${m.code} ${m.name}: borderline, rank ${m.rank}, coverage ${pct(m.coverage, 2)}`)}</title>`
        + `<line class="rug" x1="${svgNum(x(m.rank))}" x2="${svgNum(x(m.rank))}" y1="${svgNum(M.top + ph - 7)}" y2="${svgNum(M.top + ph)}"/></g>`);
      continue;
    }
    const wanted = labelled(m) && (m.kind !== 'borderline' || labelBorderline);
    // Adds and removes are always labelled (overlapping if need be); a borderline label only where it fits.
    const spot = wanted ? placer.place(m.code, x(m.rank), y(m.coverage), m.kind !== 'borderline') : null;
    parts.push(drawMarker(m, x(m.rank), y(m.coverage), spot));
  }
  if (!labelBorderline) {
    parts.push(`<text class="note-label" x="${M.left + 8}" y="${M.top + 14}">${borderlineCount} borderline names: ticks along the bottom (shaded: the borderline margins); see the Borderline table, or hover.</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

/**
 * The lines of a panel, labelled with their HK$ averages. On the full panel the add, MidCap and delete
 * lines (94-96%) are a few pixels apart: they are one shaded band with one label there, drawn one by one
 * in the zoom, each with the §9 borderline margin shaded around the add and delete lines.
 */
function drawLines(lines: ReviewLines | null, yr: Range, id: string, y: (c: number) => number, pw: number): string[] {
  const all = thresholdLines(lines, yr).map((l) => ({ ...l, y: y(l.value) }));
  const out: string[] = [];
  const crowded = all.filter((l) => l.key !== 'segment-large');
  const bandPx = crowded.length > 1 ? Math.max(...crowded.map((l) => l.y)) - Math.min(...crowded.map((l) => l.y)) : Infinity;
  let drawn = all;
  if (id === 'full' && lines && bandPx < 3 * 12) {
    const top = Math.min(...crowded.map((l) => l.y));
    const bottom = Math.max(...crowded.map((l) => l.y));
    out.push(`<rect class="line-band" data-line="band" x="${M.left}" y="${svgNum(top - 1)}" width="${pw}" height="${svgNum(bottom - top + 2)}"/>`,
      `<text class="line-label hsci" x="${M.left + pw + 6}" y="${svgNum(top + 2)}">${escapeHtml(`add ${pct(lines.coverageAdd)} · MidCap ${pct(lines.midCap)}`)}</text>`,
      `<text class="line-label hsci" x="${M.left + pw + 6}" y="${svgNum(top + 14)}">${escapeHtml(`· delete ${pct(lines.coverageDelete)}: see the zoom`)}</text>`);
    // The lines stay, unlabelled, inside the band: where exactly each one is still shows on hover and in the zoom.
    for (const l of crowded) out.push(`<line class="threshold ${l.cls}" data-line="${l.key}" x1="${M.left}" x2="${M.left + pw}" y1="${svgNum(l.y)}" y2="${svgNum(l.y)}"><title>${escapeHtml(l.label)}</title></line>`);
    drawn = all.filter((l) => l.key === 'segment-large');
  } else if (lines) {
    for (const l of all.filter((x) => x.key === 'coverage-add' || x.key === 'coverage-delete')) {
      const half = lines.borderlineMargin ?? 0;
      if (half > 0) out.push(`<rect class="margin-band" data-band="${l.key}" x="${M.left}" y="${svgNum(y(Math.min(yr.max, l.value + half)))}" width="${pw}" height="${svgNum(Math.abs(y(Math.max(yr.min, l.value - half)) - y(Math.min(yr.max, l.value + half))))}"/>`);
    }
  }
  for (const l of spreadLabels(drawn)) {
    out.push(`<line class="threshold ${l.cls}" data-line="${l.key}" x1="${M.left}" x2="${M.left + pw}" y1="${svgNum(l.y)}" y2="${svgNum(l.y)}"/><text class="line-label ${l.cls}" x="${M.left + pw + 6}" y="${svgNum(l.labelY + 4)}">${escapeHtml(l.label)}</text>`);
  }
  return out;
}

function within(p: CurvePoint, xr: Range, yr: Range): boolean {
  return p.rank >= xr.min && p.rank <= xr.max && p.coverage >= yr.min && p.coverage <= yr.max;
}

/** Pushes line labels apart (at least 12px) so lines close together (94%, 95%, 96%) stay legible. */
function spreadLabels<T extends { y: number }>(items: T[]): Array<T & { labelY: number }> {
  const sorted = [...items].sort((a, b) => a.y - b.y);
  let last = -Infinity;
  return sorted.map((l) => {
    const labelY = Math.max(l.y, last + 12);
    last = labelY;
    return { ...l, labelY };
  });
}

function kindOrder(m: Marker): number {
  return m.kind === 'borderline' ? 1 : 0;
}

/** A marker, with its label at `spot` (null: unlabelled, its title still names it). */
function drawMarker(m: Marker, cx: number, cy: number, spot: LabelSpot | null): string {
  const shape = m.kind === 'add'
    ? `<path class="marker add" d="M${svgNum(cx)},${svgNum(cy - 6)} l6,10 h-12 z"/>`
    : m.kind === 'remove'
      ? `<path class="marker remove" d="M${svgNum(cx)},${svgNum(cy + 6)} l6,-10 h-12 z"/>`
      : `<circle class="marker borderline" cx="${svgNum(cx)}" cy="${svgNum(cy)}" r="2.2"/>`;
  const head = `<g class="mark" data-marker="${m.kind}" data-code="${escapeHtml(m.code)}"><title>${escapeHtml(`${m.code} ${m.name}: ${m.kind}, rank ${m.rank}, coverage ${pct(m.coverage, 2)}`)}</title>${shape}`;
  if (spot === null) return `${head}</g>`;
  const leaderEnd = spot.y < cy ? spot.y + 2 : spot.y - 10;
  return `${head}<line class="leader" x1="${svgNum(cx)}" y1="${svgNum(cy)}" x2="${svgNum(spot.x)}" y2="${svgNum(leaderEnd)}"/>` +
    `<text class="marker-label ${m.kind}" x="${svgNum(spot.x)}" y="${svgNum(spot.y)}"${spot.anchor === 'end' ? ' text-anchor="end"' : ''}>${escapeHtml(m.code)}</text></g>`;
}

function thresholdLines(lines: ReviewLines | null, yr: Range) {
  if (!lines) return [];
  return [
    { key: 'coverage-add', cls: 'hsci', value: lines.coverageAdd, label: `add line ${pct(lines.coverageAdd)}${hkd(lines.addAvgCapHkd)}` },
    { key: 'coverage-delete', cls: 'hsci', value: lines.coverageDelete, label: `delete line ${pct(lines.coverageDelete)}${hkd(lines.deleteAvgCapHkd)}` },
    { key: 'segment-large', cls: 'segment', value: lines.largeCap, label: `LargeCap ${pct(lines.largeCap)}${hkd(lines.largeCapAvgCapHkd)}` },
    { key: 'segment-mid', cls: 'segment', value: lines.midCap, label: `MidCap ${pct(lines.midCap)}${hkd(lines.midCapAvgCapHkd)}` },
  ].filter((l) => l.value >= yr.min && l.value <= yr.max);
}

function yTicks(yr: Range): number[] {
  const span = yr.max - yr.min;
  const step = span > 0.5 ? 0.1 : span > 0.1 ? 0.02 : 0.01;
  const out: number[] = [];
  for (let t = Math.ceil(yr.min / step - 1e-9) * step; t <= yr.max + 1e-9; t += step) out.push(Math.round(t * 1000) / 1000);
  return out;
}

function xTicks(xr: Range): number[] {
  if (xr.log) {
    const out: number[] = [];
    for (let mag = 1; mag <= xr.max; mag *= 10) for (const k of [1, 2, 5]) if (k * mag >= xr.min && k * mag <= xr.max) out.push(k * mag);
    return out;
  }
  const span = xr.max - xr.min;
  const raw = span / 8;
  const mag = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? mag * 10;
  const out: number[] = [];
  for (let t = Math.ceil(xr.min / step) * step; t <= xr.max; t += step) out.push(t);
  return out;
}

/** A line's HK$ average as a label suffix: " · HK$5.67bn" (nothing for results recorded without it). */
function hkd(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : ` · HK$${(x / 1e9).toFixed(2)}bn`;
}

function pct(f: number, digits = 0): string {
  return `${(f * 100).toFixed(digits)}%`;
}
