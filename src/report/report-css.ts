/** The HTML report's only stylesheet, inlined so the page stands alone. */
export const REPORT_CSS = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; background: #fff; margin: 0; }
main { max-width: 1560px; margin: 0 auto; padding: 16px 24px 48px; }
h1 { font-size: 20px; margin: 8px 0 4px; }
h2 { font-size: 16px; margin: 26px 0 8px; border-bottom: 1px solid #d5dbe5; padding-bottom: 3px; }
h2 small { color: #667; font-weight: normal; }
.summary span { display: inline-block; margin: 0 14px 4px 0; color: #445; }
.legend .key { margin-right: 14px; }
.key.add, .marker-label.add { color: #1a7f37; fill: #1a7f37; }
.key.remove, .marker-label.remove { color: #c62828; fill: #c62828; }
.key.borderline, .marker-label.borderline { color: #b26a00; fill: #b26a00; }
.key.keep { color: #2f6fb3; } .key.out { color: #8a94a6; }
.note, .none { color: #667; font-style: italic; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; font-size: 13px; }
th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid #e6e9ef; vertical-align: top; }
th { background: #f3f5f9; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.borderline td { background: #fff7e0; }
ul.warnings li { color: #8a4b00; }
svg.chart { display: block; max-width: 100%; height: auto; margin: 8px 0 18px; font-size: 11px; }
svg .chart-title { font-size: 13px; font-weight: 600; fill: #1d2433; }
svg .plot { fill: #fbfcfe; stroke: #c9d0dc; }
svg .grid { stroke: #e6e9ef; }
svg .tick, svg .axis { fill: #556; }
svg .curve { fill: none; stroke: #2f6fb3; stroke-width: 2; }
svg .threshold { stroke-width: 1.5; stroke-dasharray: 6 4; }
svg .threshold.hsci { stroke: #c62828; } svg .line-label.hsci { fill: #c62828; }
svg .threshold.segment { stroke: #6b4fbb; } svg .line-label.segment { fill: #6b4fbb; }
svg .threshold.sb { stroke: #c62828; } svg .line-label.sb { fill: #c62828; font-weight: 600; }
svg .marker.add { fill: #1a7f37; } svg .marker.remove { fill: #c62828; }
svg .marker.borderline { fill: #b26a00; fill-opacity: 0.55; stroke: none; }
svg .margin-band { fill: #f5a623; fill-opacity: 0.13; }
svg .line-band { fill: #c62828; fill-opacity: 0.08; }
svg .bar.hsci { fill: #2f6fb3; } svg .bar.sb { fill: #6b4fbb; }
svg .bar-label { fill: #1d2433; font-size: 10.5px; } svg .bar-label.inside { fill: #fff; font-weight: 600; }
svg .rug { stroke: #b26a00; stroke-width: 1; stroke-opacity: 0.8; }
svg .threshold.even { stroke: #b26a00; stroke-width: 1.2; stroke-dasharray: 4 3; }
svg .legend-label { fill: #445; font-size: 11px; }
svg .leader { stroke: #99a; stroke-width: 0.7; }
svg .marker-label { font-size: 10.5px; font-weight: 600; }
svg .rung-label { fill: #334; font-size: 11px; }
svg .note-label { fill: #8a5a00; font-size: 11px; font-style: italic; }
svg .rung-line { stroke: #e0e4ea; }
svg .dot.add { fill: #1a7f37; } svg .dot.remove { fill: #c62828; } svg .dot.keep { fill: #2f6fb3; } svg .dot.out { fill: #8a94a6; }
`;
