import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { renderReview } from '../../src/report/render-review.js';
import { buildReviewFixture } from './review-fixture.js';

/** The slice of the DOM the assertions use (the project compiles without the DOM lib). */
interface El {
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El> & { length: number };
  readonly textContent: string | null;
}

function parseReport(html: string): El & { body: El } {
  return parseHTML(html).document as unknown as El & { body: El };
}

function pointCount(points: string | null): number {
  return (points ?? '').trim().split(/\s+/).filter((p) => /^-?[\d.]+,-?[\d.]+$/.test(p)).length;
}

describe('HTML report charts (DOM)', () => {
  const result = buildReviewFixture();
  const doc = parseReport(renderReview(result, 'html'));
  const ranked = result.decisions.filter((d) => d.rank !== null).length;

  it('draws the full coverage curve with one point per ranked security and all four lines', () => {
    const svg = doc.querySelector('svg[data-chart="coverage-full"]');
    expect(svg).not.toBeNull();
    expect(pointCount(svg!.querySelector('polyline.curve')!.getAttribute('points'))).toBe(ranked);
    const lines = [...svg!.querySelectorAll('line.threshold')].map((l: El) => l.getAttribute('data-line'));
    expect(lines.sort()).toEqual(['coverage-add', 'coverage-delete', 'segment-large', 'segment-mid']);
  });

  it('draws the lines where the result says, not at literals', () => {
    const moved = { ...buildReviewFixture(), lines: { ...result.lines!, coverageAdd: 0.5 } };
    const svgOf = (r: typeof result) => parseReport(renderReview(r, 'html')).querySelector('svg[data-chart="coverage-full"]')!;
    const y = (r: typeof result) => svgOf(r).querySelector('line[data-line="coverage-add"]')!.getAttribute('y1');
    expect(y(moved)).not.toBe(y(result));
    expect(svgOf(moved).textContent).toContain('add line 50%');
  });

  it('marks and labels every ranked add, remove and borderline name', () => {
    const marks = [...doc.querySelectorAll('svg[data-chart="coverage-full"] g.mark')] as El[];
    const byKind = (k: string) => marks.filter((m) => m.getAttribute('data-marker') === k).map((m) => m.getAttribute('data-code')).sort();
    expect(byKind('add')).toEqual(['00268', '02259']);
    // 00999 left the universe: no rank, nothing to place on the curve.
    expect(byKind('remove')).toEqual(['01234', '02507']);
    // Only names near a coverage line: 00456 and 00789 sit near the HK$4bn line and belong to the ladder.
    expect(byKind('borderline')).toEqual(['00777']);
    // Each marked name is labelled once: in the zoom when it falls there, else on the full curve.
    const labels = [...doc.querySelectorAll('svg.coverage-chart text.marker-label')].map((t: El) => t.textContent).sort();
    expect(labels).toEqual(marks.map((m) => m.getAttribute('data-code')).sort());
  });

  it('zooms on the band between the add and delete lines, with the names near them', () => {
    const svg = doc.querySelector('svg[data-chart="coverage-zoom"]');
    expect(svg).not.toBeNull();
    expect(pointCount(svg!.querySelector('polyline.curve')!.getAttribute('points'))).toBeGreaterThanOrEqual(5);
    expect([...svg!.querySelectorAll('line.threshold')].map((l: El) => l.getAttribute('data-line')).sort()).toEqual(['coverage-add', 'coverage-delete', 'segment-mid']);
    expect([...svg!.querySelectorAll('g.mark')].map((m: El) => m.getAttribute('data-code')).sort()).toEqual(['00268', '00777', '02507']);
  });

  it('draws the cap ladder between HK$2.5bn and HK$7.5bn with the keep and in lines and coloured outcomes', () => {
    const svg = doc.querySelector('svg[data-chart="cap-ladder"]');
    expect(svg).not.toBeNull();
    expect([...svg!.querySelectorAll('line.threshold')].map((l: El) => l.getAttribute('data-line')).sort()).toEqual(['sb-in', 'sb-keep']);
    const rungs = [...svg!.querySelectorAll('g.rung')] as El[];
    // Small Fry (2.9bn) is neither a constituent nor on a list: the §7.1 lines do not decide it.
    expect(rungs.map((r) => `${r.getAttribute('data-code')}:${r.getAttribute('data-marker')}`)).toEqual([
      '00123:add', '00456:keep', '00789:remove',
    ]);
    for (const r of rungs) expect(r.querySelector('circle.dot')).not.toBeNull();
  });

  it('says so instead of drawing lines when the result records none', () => {
    const bare = { ...buildReviewFixture(), lines: undefined };
    const d = parseReport(renderReview(bare, 'html'));
    expect(d.querySelector('svg[data-chart="coverage-full"] polyline.curve')).not.toBeNull();
    expect(d.querySelectorAll('line.threshold').length).toBe(0);
    expect(d.querySelector('svg[data-chart="cap-ladder"]')).toBeNull();
    expect(d.body.textContent).toContain('does not record its methodology lines');
  });
});

const CHROMIUM = '/usr/bin/chromium';

describe('HTML report in a real browser', () => {
  it.runIf(existsSync(CHROMIUM))('renders to a non-trivial screenshot in headless Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hkc-html-'));
    try {
      const page = join(dir, 'report.html');
      const png = join(dir, 'report.png');
      writeFileSync(page, renderReview(buildReviewFixture(), 'html'));
      execFileSync(CHROMIUM, [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profile')}`, `--screenshot=${png}`,
        '--window-size=1280,2000', `file://${page}`,
      ], { stdio: 'ignore', timeout: 60_000 });
      const bytes = readFileSync(png);
      expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      // A blank 1280x2000 page compresses to a few KB; charts and tables give far more.
      expect(bytes.length).toBeGreaterThan(50_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('HTML report charts with many borderline names', () => {
  it('labels every add and remove but leaves a crowd of borderline names unlabelled, with a note', () => {
    const base = buildReviewFixture();
    // 20 names at the Netdragon level of coverage, all flagged near the add line.
    const crowd = Array.from({ length: 20 }, (_, i) => ({ ...base.decisions.find((d) => d.code === '00777')!, code: `07${String(i).padStart(3, '0')}`, rank: 30 + i, coverage: 0.941 + i * 0.0001 }));
    const result = {
      ...base,
      decisions: [...base.decisions, ...crowd],
      borderline: [...base.borderline, ...crowd.map((d) => ({ code: d.code, name: d.name, line: 'hsci-coverage-add', value: d.coverage, threshold: 0.94, distance: 'x', outcome: 'WAIT' }))],
    };
    const doc = parseHTML(renderReview(result, 'html')).document as unknown as El;
    const zoom = doc.querySelector('svg[data-chart="coverage-zoom"]')!;
    expect([...zoom.querySelectorAll('g.mark[data-marker="borderline"]')].length).toBe(21);
    expect([...zoom.querySelectorAll('text.marker-label.borderline')].length).toBe(0);
    expect([...zoom.querySelectorAll('text.marker-label.add')].map((t: El) => t.textContent)).toEqual(['00268']);
    expect(zoom.querySelector('text.note-label')!.textContent).toContain('21 borderline names');
  });
});
