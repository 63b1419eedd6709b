import { describe, expect, it } from 'vitest';
import { OUTCOME_LEGEND } from '../../src/report/outcome-legend.js';
import { parse } from 'csv-parse/sync';
import { renderReview, REVIEW_FORMATS } from '../../src/report/render-review.js';
import { buildReviewFixture } from './review-fixture.js';
import { expectGolden } from './golden.js';

const EXT = { table: 'txt', json: 'json', csv: 'csv', md: 'md', html: 'html' } as const;

describe('renderReview golden files', () => {
  for (const format of REVIEW_FORMATS) {
    it(`renders ${format} exactly as the golden file`, () => {
      expectGolden(`review.${EXT[format]}`, renderReview(buildReviewFixture(), format));
    });
  }
});

describe('renderReview formats', () => {
  it('json is exactly the result (decisions on request), contract fields first-class', () => {
    const result = buildReviewFixture();
    const parsed = JSON.parse(renderReview(result, 'json'));
    // The result, plus the one-line legend of the outcome labels (issue 16).
    expect(parsed).toEqual(JSON.parse(JSON.stringify({ ...result, legend: OUTCOME_LEGEND, decisions: undefined })));
    expect(parsed.decisions).toBeUndefined();
    const full = JSON.parse(renderReview(result, 'json', { decisions: true }));
    expect(full).toEqual(JSON.parse(JSON.stringify({ ...result, legend: OUTCOME_LEGEND })));
    expect(full.decisions.length).toBeGreaterThan(0);
    expect(Object.keys(parsed)).toEqual(expect.arrayContaining(['cutoff', 'effectiveDate', 'kind', 'methodology', 'hsci', 'southbound', 'pending', 'warnings']));
  });

  it('csv has one row per security per list, money whole HK$ and coverage a fraction', () => {
    const rows = parse(renderReview(buildReviewFixture(), 'csv'), { columns: true }) as Array<Record<string, string>>;
    // 2 HSCI adds + 3 removes + SH 1+1 + SZ 2+1 + 1 pending, then one row per warning and the legend (issue 16: every format)
    expect(rows).toHaveLength(14);
    expect(rows.at(-1)).toMatchObject({ list: 'legend', reason: OUTCOME_LEGEND });
    expect(rows.filter((r) => r.list === 'warning').map((r) => r.reason)).toEqual(buildReviewFixture().warnings);
    expect(rows.filter((r) => r.code === '02259').map((r) => `${r.list}/${r.channel}`)).toEqual(['hsci_add/', 'sb_add/SH', 'sb_add/SZ']);
    const kingdee = rows.find((r) => r.code === '00268')!;
    expect(kingdee).toMatchObject({ avgMarketCapHkd: '33000000000', borderline: 'true', segment: 'SMALL' });
    const fell = rows.find((r) => r.code === '00789')!;
    expect(fell).toMatchObject({ list: 'sb_remove', channel: 'SZ', distance: '-HK$0.30bn', borderline: 'true' });
    expect(rows.find((r) => r.code === '00123')!.distance).toBe('+HK$1.20bn');
  });

  it('table has every list, a borderline section and the warnings', () => {
    const text = renderReview(buildReviewFixture(), 'table');
    for (const title of ['HSCI additions (2)', 'HSCI deletions (3)', 'Southbound SH additions (1)', 'Southbound SZ removals (1)', 'Pending Southbound changes (1)', 'Borderline (5)', 'Warnings (2)']) {
      expect(text).toContain(title);
    }
    expect(text.indexOf('Borderline (5)')).toBeGreaterThan(text.indexOf('Pending Southbound changes'));
    expect(text).toMatch(/00268 +Kingdee +SMALL +33\.00 +93\.82%/);
  });

  it('markdown escapes pipes and emphasis inside cells', () => {
    const md = renderReview(buildReviewFixture(), 'md');
    expect(md).toContain('Netdragon &lt;B&gt; "Co" \\| \\*ST');
    expect(md).not.toContain('| *ST');
  });

  it('html escapes every text and loads nothing from outside', () => {
    const html = renderReview(buildReviewFixture(), 'html');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends');
    expect(html).toContain('Netdragon &lt;B&gt; &quot;Co&quot; | *ST');
    expect(html).not.toMatch(/\b(src|href)=|@import|url\((?!#)/);
  });
});

describe('the outcome legend (issue 16)', () => {
  it('every format carries the one-line legend of the outcome labels', () => {
    for (const format of ['table', 'json', 'csv', 'md', 'html'] as const) {
      const text = renderReview(buildReviewFixture(), format).replace(/\\/g, ''); // Markdown escapes NOT\_ELIGIBLE
      for (const label of ['ADD joins the HSCI', 'KEEP a constituent that stays', 'WAIT not a constituent', 'NOT_ELIGIBLE stays out']) {
        expect(text, `${format}: ${label}`).toContain(label);
      }
    }
  });
});
