import { describe, expect, it } from 'vitest';
import type { DailySeries } from '../../src/domain/types.js';
import { getMethodology } from '../../src/methodology/index.js';
import { computeSecurityMetrics } from '../../src/rules/compute-security-metrics.js';
import { CAL, history, security } from './builders.js';

// A full market through the per-security rules, checked value by value. Its speed is the
// benchmark's business (`npm run bench`), never a timed assertion here.
describe('computeSecurityMetrics over a full market', () => {
  it('gives each of 2,700 securities (16 months each) its own exact average, however many came before', () => {
    const m = getMethodology();
    const cap = (d: string) => 1e9 + d.charCodeAt(9) * 1e6;
    const suspended = (d: string) => d.endsWith('5');
    const template = history(CAL, '2024-02-01', '2025-06-30', (d) => ({ capHkd: cap(d), suspended: suspended(d) }));
    // The expected average: the window (2024-06-30, 2025-06-30], non-suspended days only (§3).
    const counted = template.dates.filter((d) => d > '2024-06-30' && !suspended(d));
    const templateMean = counted.reduce((sum, d) => sum + cap(d), 0) / counted.length;
    const all = Array.from({ length: 2700 }, (_, i) => ({
      attrs: security({ code: String(i + 1).padStart(5, '0'), wvr: i % 50 === 0 }),
      series: { ...template, marketCapHkd: template.marketCapHkd.map((c) => c + i) } as DailySeries,
    }));
    all.forEach((s, i) => {
      const r = computeSecurityMetrics({
        attrs: s.attrs, changes: [], series: s.series, calendar: CAL, cutoff: '2025-06-30', effectiveDate: '2025-09-08', methodology: m,
      });
      expect(r.code).toBe(s.attrs.code);
      expect(r.average.daysUsed).toBe(counted.length);
      expect(r.average.avgMarketCapHkd).toBeCloseTo(templateMean + i, 3);
      expect(r.wvr !== null).toBe(i % 50 === 0);
    });
  });
});
