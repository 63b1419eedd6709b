/** Short money and ratio texts for rule details ("HK$20.00bn", "0.0512%"). Pure. */
export function formatHkd(amountHkd: number): string {
  const abs = Math.abs(amountHkd);
  if (abs >= 1e9) return `HK$${(amountHkd / 1e9).toFixed(2)}bn`;
  if (abs >= 1e6) return `HK$${(amountHkd / 1e6).toFixed(2)}m`;
  return `HK$${Math.round(amountHkd).toLocaleString('en-US')}`;
}

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** True when `value` is within `fraction` of `threshold` on either side (RULES.md §9 money margins). */
export function isNearMoneyLine(value: number, threshold: number, fraction: number): boolean {
  return Math.abs(value - threshold) <= threshold * fraction;
}
