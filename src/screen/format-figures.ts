/** Readable figures for reasons (docs/methodology.md §9): coverage in %, distances in points, money in HK$bn. */
import { groupDigits } from '../rules/format-figures.js';

/** 0.9534 -> "95.3%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** Distance between two fractions in percentage points, unsigned: 0.953, 0.94 -> "1.3". */
export function formatPoints(a: number, b: number): string {
  return Math.abs((a - b) * 100).toFixed(closeDigits(a, b));
}

/** Two decimals within 0.1 points of a line, so a name 0.03 points inside never reads "0.0 points". */
function closeDigits(a: number, b: number): number {
  return Math.abs(a - b) < 0.001 ? 2 : 1;
}

/** Signed distance in percentage points (the RuleOutcome unit for coverage lines). */
export function pointsBetween(value: number, line: number): number {
  return Math.round((value - line) * 1e6) / 1e4;
}

/** 4_520_000_000 -> "HK$4.52bn"; below a billion -> "HK$512.3m". */
export function formatHkd(hkd: number): string {
  const abs = Math.abs(hkd);
  if (abs >= 1e9) return `HK$${(hkd / 1e9).toFixed(2)}bn`;
  return `HK$${(hkd / 1e6).toFixed(1)}m`;
}

/** "coverage 95.3%, 1.3 points past the 94% line" or "... inside the 94% line". */
export function describeCoverage(coverage: number, line: number): string {
  if (coverage === line) return `coverage ${formatPercent(coverage)}, exactly on the ${formatPercent(line, lineDigits(line))} line`;
  const side = coverage > line ? 'past' : 'inside';
  return `coverage ${formatPercent(coverage, closeDigits(coverage, line))}, ${formatPoints(coverage, line)} points ${side} the ${formatPercent(line, lineDigits(line))} line`;
}

/** "average HK$4.52bn, HK$0.52bn above the HK$4bn line". */
export function describeMoney(label: string, valueHkd: number, lineHkd: number): string {
  if (valueHkd === lineHkd) return `${label} ${formatHkd(valueHkd)}, exactly on the ${formatLineHkd(lineHkd)} line`;
  const side = valueHkd >= lineHkd ? 'above' : 'below';
  return `${label} ${formatHkd(valueHkd)}, ${formatGapHkd(Math.abs(valueHkd - lineHkd))} ${side} the ${formatLineHkd(lineHkd)} line`;
}

/** A gap to a money line: as formatHkd, but in plain HK$ under HK$0.1m, so a tiny gap never reads "HK$0.0m". */
function formatGapHkd(gapHkd: number): string {
  return gapHkd < 100_000 ? `HK$${groupDigits(gapHkd, 2)}` : formatHkd(gapHkd);
}

/** 5e9 -> "HK$5bn" (no trailing zeros: a line reads as written in docs/methodology.md). */
export function formatLineHkd(hkd: number): string {
  if (hkd >= 1e9) return `HK$${Number((hkd / 1e9).toFixed(3))}bn`;
  return `HK$${Number((hkd / 1e6).toFixed(3))}m`;
}

function lineDigits(line: number): number {
  const pct = line * 100;
  return Math.abs(pct - Math.round(pct)) < 1e-9 ? 0 : 1;
}
