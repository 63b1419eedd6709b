import type { Hash } from 'node:crypto';
import type { DailySeries, StockCode } from '../domain/types.js';

/** Feeds one security's series into the inputs fingerprint: its typed columns as bytes, dates as integers. */
export function hashSeries(hash: Hash, code: StockCode, series: DailySeries): void {
  const n = series.dates.length;
  const dateInts = new Int32Array(n);
  for (let i = 0; i < n; i += 1) dateInts[i] = dateToInt(series.dates[i]!);
  hash.update(code);
  hash.update(bytesOf(series.marketCapHkd));
  hash.update(bytesOf(series.turnoverHkd));
  hash.update(series.suspended);
  hash.update(new Uint8Array(dateInts.buffer));
}

/** The bytes of a typed array's own elements (a series may be a slice of a larger array). */
function bytesOf(a: Float64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** `2026-06-30` -> 20260630, from the character codes (no parsing, no allocation). */
function dateToInt(d: string): number {
  let v = 0;
  for (let i = 0; i < 10; i += 1) {
    const c = d.charCodeAt(i) - 48;
    if (c >= 0 && c <= 9) v = v * 10 + c;
  }
  return v;
}
