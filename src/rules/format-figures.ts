/** Short money and ratio texts for rule details ("HK$20.00bn", "0.0512%"). Pure. */
export function formatHkd(amountHkd: number): string {
  const abs = Math.abs(amountHkd);
  if (abs >= 1e9) return `HK$${(amountHkd / 1e9).toFixed(2)}bn`;
  if (abs >= 1e6) return `HK$${(amountHkd / 1e6).toFixed(2)}m`;
  return `HK$${groupDigits(Math.round(amountHkd))}`;
}

/**
 * `value` with en-US digit grouping and at most `maxFractionDigits` decimals, trailing zeros dropped
 * ("1,234,567.5"): what `toLocaleString('en-US', { maximumFractionDigits })` gives (rounding half up
 * from the shortest decimal form, so 1.005 -> "1.01"), without Intl, whose first call costs ~20 ms
 * in every CLI process.
 */
export function groupDigits(value: number, maxFractionDigits = 0): string {
  const [whole, fraction] = roundedParts(Math.abs(value), maxFractionDigits);
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) grouped = whole.slice(Math.max(0, end - 3), end) + (grouped ? `,${grouped}` : '');
  const trimmed = fraction.replace(/0+$/, '');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/** Whole and fraction digits of `abs` rounded half up to `digits` decimals from its shortest decimal form. */
function roundedParts(abs: number, digits: number): [string, string] {
  const shortest = String(abs);
  // Exponent forms: below 1e-6 (rounds to zero here) or from 1e21 (no money figure is that large).
  const plain = shortest.includes('e') ? abs.toFixed(Math.min(digits, 100)) : shortest;
  const [whole = '0', fraction = ''] = plain.split('.');
  if (fraction.length <= digits) return [whole, fraction];
  const up = fraction.charCodeAt(digits) >= 53; // the first dropped digit is 5 or more
  const kept = (BigInt(whole + fraction.slice(0, digits)) + (up ? 1n : 0n)).toString().padStart(digits + 1, '0');
  return [kept.slice(0, kept.length - digits), kept.slice(kept.length - digits)];
}

export function formatPercent(fraction: number, digits = 2): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** True when `value` is within `fraction` of `threshold` on either side (docs/methodology.md §9 money margins). */
export function isNearMoneyLine(value: number, threshold: number, fraction: number): boolean {
  return Math.abs(value - threshold) <= threshold * fraction;
}
