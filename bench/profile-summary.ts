/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) this summary reads. */
export interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface HotSpot {
  /** `functionName (file:line)`, the file shortened to the part after node_modules/ or dist/. */
  readonly where: string;
  readonly selfMs: number;
  /** Share of all sampled time, 0..1. */
  readonly share: number;
}

function shorten(url: string): string {
  const m = /(?:node_modules\/|dist\/)(.*)$/.exec(url);
  return m ? m[1]! : url.replace(/^file:\/\//, '') || '(native)';
}

/** Self time per function (samples attributed to the frame on top), largest first. */
export function summariseProfile(profile: CpuProfile, top = 15): HotSpot[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, i) => {
    const node = byNode.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (!node || us < 0) return;
    const f = node.callFrame;
    const where = `${f.functionName || '(anonymous)'} (${shorten(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''})`;
    selfUs.set(where, (selfUs.get(where) ?? 0) + us);
    totalUs += us;
  });
  return [...selfUs.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, us]) => ({ where, selfMs: us / 1000, share: totalUs > 0 ? us / totalUs : 0 }));
}
