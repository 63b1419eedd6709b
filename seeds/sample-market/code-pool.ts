import type { StockCode } from '../../src/domain/types.js';
import type { Prng } from './prng.js';

/** Hands out unique 5-digit codes from HK-looking ranges, shuffled, never a reserved one. */
export class CodePool {
  private readonly used = new Set<StockCode>();
  private readonly pools = new Map<string, StockCode[]>();

  constructor(private readonly rng: Prng, reserved: Iterable<StockCode>) {
    for (const c of reserved) this.used.add(c);
  }

  /** A fresh code from the ranges of `kind`. */
  take(kind: 'main' | 'gem' | 'etf'): StockCode {
    let pool = this.pools.get(kind);
    if (!pool) {
      pool = this.rng.shuffle(RANGES[kind].flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i).padStart(5, '0'))));
      this.pools.set(kind, pool);
    }
    for (;;) {
      const code = pool.pop();
      if (code === undefined) throw new Error(`the sample ran out of ${kind} codes`);
      if (!this.used.has(code)) { this.used.add(code); return code; }
    }
  }

  /** Claims a specific code (RMB counters: 8 + the last four digits of the HKD counter). */
  claim(code: StockCode): StockCode {
    if (this.used.has(code)) throw new Error(`sample code ${code} is taken twice`);
    this.used.add(code);
    return code;
  }
}

/** Main Board equity ranges (skipping ETF, debt, structured-product and GEM ranges), GEM 08001-08999, ETFs 02800-02849 / 03000-03199. */
const RANGES: Record<'main' | 'gem' | 'etf', Array<[number, number]>> = {
  main: [[1, 2799], [2850, 2999], [3200, 3999], [6030, 6999], [9600, 9999]],
  gem: [[8001, 8999]],
  etf: [[2800, 2849], [3000, 3199]],
};
