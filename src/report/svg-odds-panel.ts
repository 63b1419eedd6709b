import type { ReviewResult } from '../domain/types.js';
import { escapeHtml, svgNum } from './html-escape.js';

const W = 960;
const ROW = 18;
const M = { left: 330, right: 150, top: 46, bottom: 34 };
const MAX_ROWS = 30;

/**
 * The close-calls panel of a preview with `--odds`: one bar per uncertain (security, list) pair, its
 * probability on a 0-100% axis with the even line, closest to even first, and what it takes beside it
 * when the name is a close call. Pure; returns SVG markup, or nothing without odds.
 */
export function renderOddsPanel(result: ReviewResult): string {
  if (result.odds === undefined || result.oddsMeta === undefined) return '';
  const names = new Map(result.decisions.map((d) => [d.code, d.name]));
  const takes = new Map((result.preview?.closeCalls ?? []).filter((c) => c.neededMove !== null).map((c) => [c.code, c]));
  const all = result.odds.filter((o) => o.probability < 1).sort((a, b) => Math.abs(a.probability - 0.5) - Math.abs(b.probability - 0.5) || (a.code < b.code ? -1 : 1));
  const rows = all.slice(0, MAX_ROWS);
  const title = `Close calls: probability of each list change (${result.oddsMeta.paths} paths, seed ${result.oddsMeta.seed})${rows.length < all.length ? `, the ${rows.length} of ${all.length} nearest even` : ''}`;
  if (rows.length === 0) return `<p class="note">${escapeHtml(title)}: no list change is uncertain.</p>`;
  const h = M.top + M.bottom + rows.length * ROW;
  const pw = W - M.left - M.right;
  const x = (p: number) => M.left + p * pw;
  const parts = [
    `<svg class="chart odds-panel" data-chart="odds" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${escapeHtml(title)}">`,
    `<title>${escapeHtml(title)}</title>`,
    `<text class="chart-title" x="${M.left}" y="18">${escapeHtml(title)}</text>`,
    `<text class="tick" x="${M.left + pw + 8}" y="${M.top - 10}">move it takes</text>`,
    `<rect class="plot" x="${M.left}" y="${M.top - 6}" width="${pw}" height="${rows.length * ROW + 6}"/>`,
  ];
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line class="${t === 0.5 ? 'threshold even' : 'grid'}" x1="${svgNum(x(t))}" x2="${svgNum(x(t))}" y1="${M.top - 6}" y2="${h - M.bottom}"/><text class="tick" x="${svgNum(x(t))}" y="${h - M.bottom + 16}" text-anchor="middle">${t * 100}%</text>`);
  }
  rows.forEach((o, i) => {
    const cy = M.top + i * ROW + ROW / 2 - 2;
    const take = takes.get(o.code);
    const move = take?.neededMove ?? null;
    parts.push(`<g class="odds-row" data-code="${escapeHtml(o.code)}" data-list="${o.list}"><title>${escapeHtml(`${o.code} ${names.get(o.code) ?? ''}: ${o.list} ${(o.probability * 100).toFixed(1)}%${take ? `; ${take.note}` : ''}`)}</title>` +
      `<text class="rung-label" x="${M.left - 8}" y="${svgNum(cy + 4)}" text-anchor="end">${escapeHtml(`${o.code} ${truncate(names.get(o.code) ?? '', 22)} · ${o.list}`)}</text>` +
      `<rect class="bar ${o.list.startsWith('hsci') ? 'hsci' : 'sb'}" x="${M.left}" y="${svgNum(cy - 5)}" width="${svgNum(Math.max(1, o.probability * pw))}" height="10"/>` +
      // A long bar carries its figure inside, so it never runs into the next column.
      (o.probability > 0.85
        ? `<text class="bar-label inside" x="${svgNum(x(o.probability) - 4)}" y="${svgNum(cy + 4)}" text-anchor="end">${(o.probability * 100).toFixed(1)}%</text>`
        : `<text class="bar-label" x="${svgNum(x(o.probability) + 4)}" y="${svgNum(cy + 4)}">${(o.probability * 100).toFixed(1)}%</text>`) +
      `<text class="tick" x="${M.left + pw + 8}" y="${svgNum(cy + 4)}">${move === null ? '' : `${move >= 0 ? '+' : '-'}${Math.abs(move * 100).toFixed(1)}%`}</text></g>`);
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
