/** A box taken on the chart by a label, in SVG pixels. */
interface Box { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

/** Where a label goes: its text position (x, baseline y) and its anchor. */
export interface LabelSpot { readonly x: number; readonly y: number; readonly anchor: 'start' | 'end' }

const CHAR_PX = 6.6;
const LINE_PX = 12;
/** Offsets tried in turn: above-left, below-right, then further out, alternating sides. */
const CANDIDATES: ReadonlyArray<readonly [number, number, 'start' | 'end']> = [
  [-4, -10, 'end'], [4, 18, 'start'], [4, -10, 'start'], [-4, 18, 'end'],
  [-4, -26, 'end'], [4, 34, 'start'], [4, -26, 'start'], [-4, 34, 'end'],
  [-4, -42, 'end'], [4, 50, 'start'], [4, -42, 'start'], [-4, 50, 'end'],
];

/**
 * Greedy label placement: each label takes the first nearby spot that overlaps no label (and no
 * marker) already placed and stays inside the plot. Pure and deterministic.
 */
export class LabelPlacer {
  private readonly taken: Box[] = [];

  constructor(private readonly plot: Box) {}

  /** Reserves a marker's own area so labels do not cover other markers. */
  reserveMarker(cx: number, cy: number): void {
    this.taken.push({ x: cx - 5, y: cy - 6, w: 10, h: 12 });
  }

  /** A free spot for `text` next to (cx, cy), or `null` when every candidate collides (unless `force`). */
  place(text: string, cx: number, cy: number, force: boolean): LabelSpot | null {
    const w = text.length * CHAR_PX;
    let fallback: LabelSpot | null = null;
    for (const [dx, dy, anchor] of CANDIDATES) {
      const spot = { x: cx + dx, y: cy + dy, anchor };
      const box = { x: anchor === 'end' ? spot.x - w : spot.x, y: spot.y - LINE_PX + 2, w, h: LINE_PX };
      if (!this.inside(box)) continue;
      fallback ??= spot;
      if (this.taken.some((t) => overlaps(t, box))) continue;
      this.taken.push(box);
      return spot;
    }
    return force ? fallback ?? { x: cx + 4, y: cy - 10, anchor: 'start' } : null;
  }

  private inside(b: Box): boolean {
    const p = this.plot;
    return b.x >= p.x && b.y >= p.y && b.x + b.w <= p.x + p.w && b.y + b.h <= p.y + p.h;
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
