import type { BenchResults } from './results.js';
import type { Measurement } from './measure.js';
import type { Summary } from './stats.js';

const fmt = (v: number, digits = 0) => (Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const spread = (s: Summary, digits = 0) => `${fmt(s.median, digits)} (${fmt(s.min, digits)}-${fmt(s.max, digits)})`;

function measurementRow(m: Measurement, extra = ''): string {
  const rss = m.peakRssMb ? spread(m.peakRssMb) : '-';
  const cpu = m.cpuMs ? fmt(m.cpuMs.median) : '-';
  const status = m.ok ? (m.detail ?? '') : `FAILED: ${m.error ?? ''}`;
  return `| ${m.label} | ${spread(m.wallMs)} | ${cpu} | ${rss} | ${extra} | ${status.replace(/\|/g, '/')} |`;
}

/** The results as Markdown (the `latest.md` file and the console summary). */
export function renderResultsMarkdown(r: BenchResults): string {
  const m = r.measurements;
  const rate = (m.ingest.ok ? (r.market.dailyRows * 1000) / m.ingest.wallMs.median : Number.NaN);
  const floorRate = (r.market.dailyRows * 1000) / m.floorLoad.wallMs.median;
  const out: string[] = [
    `# Bench results ${r.date} (${r.gitSha})`,
    '',
    `Node ${r.node}, ${r.cpus} x ${r.cpuModel}; ${r.runs} runs each, ${r.loadRuns} for the loads (median (min-max)), whole process unless marked in-process.`,
    `Market: ${fmt(r.market.securities)} securities, ${fmt(r.market.dailyRows)} daily rows ${r.market.firstDay}..${r.market.lastDay};`
      + ` cut-off ${r.dates.cutoff}, window (${r.dates.windowFrom}, ${r.dates.cutoff}] = ${fmt(m.windowRows)} rows; preview ${r.dates.preview}; code ${r.dates.code}.`,
    '',
    `Load average (1/5/15 min) at start ${r.loadAverage.start.map((v) => v.toFixed(1)).join('/')}, at end ${r.loadAverage.end.map((v) => v.toFixed(1)).join('/')}.`,
    '',
    '| figure | wall ms | CPU ms | peak RSS MB | extra | output |',
    '|---|---|---|---|---|---|',
    measurementRow(m.ingest, `${fmt(rate)} rows/s`),
    measurementRow(m.floorLoad, `${fmt(floorRate)} rows/s; in-process parse ${m.floorLoad.parts?.parseMs ? spread(m.floorLoad.parts.parseMs) : '-'}, insert ${m.floorLoad.parts?.insertMs ? spread(m.floorLoad.parts.insertMs) : '-'}`),
    measurementRow(m.append, `${fmt(m.append.wallMs.median / m.floorAppend.wallMs.median, 2)}x its floor`),
    measurementRow(m.floorAppend, `in-process parse ${m.floorAppend.parts?.parseMs ? spread(m.floorAppend.parts.parseMs) : '-'}, insert + commit ${m.floorAppend.parts?.insertMs ? spread(m.floorAppend.parts.insertMs) : '-'}`),
    measurementRow(m.screenFull, `${fmt(m.screenFull.wallMs.median / m.floorAggregate.wallMs.median, 2)}x floor`),
    measurementRow(m.screenPreview, `${fmt(m.screenPreview.wallMs.median / m.floorAggregate.wallMs.median, 2)}x floor`),
    measurementRow(m.floorAggregate, `in-process ${m.floorAggregate.parts?.ms ? spread(m.floorAggregate.parts.ms) : '-'}`),
    measurementRow(m.floorAggregateInProcess, 'in-process, warm'),
    measurementRow(m.sqlOneCode, `query ${m.sqlOneCode.parts?.ms ? spread(m.sqlOneCode.parts.ms, 1) : '-'} ms`),
    measurementRow(m.sqlMarketAverage, `query ${m.sqlMarketAverage.parts?.ms ? spread(m.sqlMarketAverage.parts.ms) : '-'} ms`),
    measurementRow(m.explain),
    measurementRow(m.queryHistory),
    measurementRow(m.help),
    '',
    '| target | value | target | result |',
    '|---|---|---|---|',
    ...r.targets.map((t) => `| ${t.name} | ${fmt(t.value, t.unit === 'x' ? 2 : 0)} ${t.unit} | ${t.target} ${t.unit} | ${t.pass === null ? 'NOT MEASURED' : t.pass ? 'PASS' : 'MISS'} |`),
  ];
  if (r.scale && r.scale.length > 0) {
    out.push('', '| scale | securities | years | daily rows | window rows | screen ms | screen CPU ms | screen peak RSS MB | floor aggregate ms | floor CPU ms | screen / floor | screen CPU ms per 100k window rows |', '|---|---|---|---|---|---|---|---|---|---|---|---|');
    for (const s of r.scale) {
      const cpu = s.screen.cpuMs?.median ?? Number.NaN;
      out.push(`| ${s.label} | ${fmt(s.securities)} | ${s.years} | ${fmt(s.dailyRows)} | ${fmt(s.windowRows)} | ${s.screen.ok ? spread(s.screen.wallMs) : `FAILED: ${s.screen.error ?? ''}`} | ${fmt(cpu)} | ${s.screen.peakRssMb ? fmt(s.screen.peakRssMb.max) : '-'} | ${spread(s.floorAggregate.wallMs)} | ${fmt(s.floorAggregate.cpuMs?.median ?? Number.NaN)} | ${fmt(s.screen.wallMs.median / s.floorAggregate.wallMs.median, 2)} | ${fmt((cpu * 1e5) / s.windowRows, 0)} |`);
    }
  }
  if (r.notes.length > 0) out.push('', 'Notes:', ...r.notes.map((n) => `- ${n}`));
  return `${out.join('\n')}\n`;
}
