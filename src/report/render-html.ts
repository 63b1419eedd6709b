import type { ReviewResult } from '../domain/types.js';
import { OUTCOME_LEGEND } from './outcome-legend.js';
import { escapeHtml } from './html-escape.js';
import { formatBn, formatPct } from './number-format.js';
import { BORDERLINE_COLUMNS, borderlineCells, describeReview } from './review-heading.js';
import { describeSummary, readReviewLines } from './review-lines.js';
import { buildReviewSections, type ReviewListRow } from './review-rows.js';
import { renderCapLadder } from './svg-cap-ladder.js';
import { renderCoverageChart } from './svg-coverage-chart.js';
import { REPORT_CSS } from './report-css.js';
import { previewSections } from './preview-sections.js';
import { renderOddsPanel } from './svg-odds-panel.js';

const LIST_COLUMNS = ['Code', 'Name', 'Segment / path', 'Avg cap (HK$bn)', 'Coverage', 'Reason', 'Distance'];

/**
 * One self-contained HTML page (no external resource: inline CSS, inline SVG): the charts, every list,
 * the borderline names and the warnings. Every piece of text is escaped. Pure.
 */
export function renderReviewHtml(result: ReviewResult): string {
  const lines = readReviewLines(result);
  const title = describeReview(result);
  const sections = buildReviewSections(result);
  const body: string[] = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="summary">${sections.map((s) => `<span>${escapeHtml(s.title)}: <b>${s.rows.length}</b></span>`).join(' ')}` +
      ` <span>Borderline: <b>${result.borderline.length}</b></span> <span>Warnings: <b>${result.warnings.length}</b></span></p>`,
    ...describeSummary(result).map((l) => `<p class="figures">${escapeHtml(l)}</p>`),
    '<h2>Where the lines fall</h2>',
    '<p class="legend"><span class="key add">&#9650; added</span> <span class="key remove">&#9660; removed</span> <span class="key borderline">&#9679; borderline</span> <span class="key keep">&#9679; kept</span> <span class="key out">&#9679; not eligible</span></p>',
    lines ? '' : '<p class="note">This result does not record its methodology lines; the charts show the data only.</p>',
    renderCoverageChart(result, lines),
    renderCapLadder(result, lines),
    renderOddsPanel(result),
  ];
  for (const s of sections) {
    body.push(`<h2>${escapeHtml(s.title)} <small>(${s.rows.length})</small></h2>`);
    body.push(s.rows.length === 0 ? '<p class="none">None.</p>' : htmlTable(LIST_COLUMNS, s.rows.map(listCells), [3, 4], s.rows.map((r) => r.borderline)));
  }
  for (const x of previewSections(result)) {
    body.push(`<h2 id="${x.id}">${escapeHtml(x.title)} <small>(${x.rows.length})</small></h2>`, `<p class="note">${escapeHtml(x.intro)}</p>`);
    body.push(x.rows.length === 0 ? '<p class="none">None.</p>' : htmlTable(x.columns, x.rows, x.numeric, []));
  }
  body.push(`<h2>Borderline <small>(${result.borderline.length})</small></h2>`, `<p class="note outcome-legend">${escapeHtml(OUTCOME_LEGEND)}</p>`);
  body.push(result.borderline.length === 0 ? '<p class="none">None.</p>'
    : htmlTable(BORDERLINE_COLUMNS.map(String), result.borderline.map(borderlineCells), [3, 4], []));
  body.push(`<h2>Warnings <small>(${result.warnings.length})</small></h2>`);
  body.push(result.warnings.length === 0 ? '<p class="none">None.</p>'
    : `<ul class="warnings">${result.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head><body><main>',
    ...body.filter(Boolean),
    '</main></body></html>',
    '',
  ].join('\n');
}

function listCells(r: ReviewListRow): string[] {
  const where = [r.segment, r.path, r.list === 'pending' ? r.channel : ''].filter(Boolean).join(' ');
  return [r.code, r.name, where, formatBn(r.avgMarketCapHkd), formatPct(r.coverage), r.reason, `${r.distance}${r.borderline ? ' (borderline)' : ''}`];
}

function htmlTable(header: readonly string[], rows: readonly string[][], numeric: readonly number[], flagged: readonly boolean[]): string {
  const cell = (tag: string, v: string, i: number) => `<${tag}${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(v)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, i) => cell('th', h, i)).join('')}</tr></thead><tbody>` +
    rows.map((r, ri) => `<tr${flagged[ri] ? ' class="borderline"' : ''}>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`).join('') +
    '</tbody></table>';
}
