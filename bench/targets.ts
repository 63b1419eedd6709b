import type { Measurement } from './measure.js';

/** The performance targets of issue 7; the bench's own numbers, not methodology parameters. */
export const TARGETS = {
  loadMinRowsPerSecond: 400_000,
  loadMaxFloorRatio: 1.5,
  screenMaxFloorRatio: 2,
  screenMaxMs: 1_500,
  peakMaxMb: 300,
  helpMaxMs: 300,
} as const;

export interface TargetRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: string;
  /** Null when the figure could not be measured (the command failed or is missing). */
  readonly pass: boolean | null;
}

export interface TargetInputs {
  readonly dailyRows: number;
  readonly ingest: Measurement;
  readonly floorLoad: Measurement;
  readonly screenFull: Measurement;
  readonly floorAggregate: Measurement;
  readonly help: Measurement;
  /** Every CLI measurement, for the peak-memory target. */
  readonly commands: readonly Measurement[];
}

function row(name: string, value: number, unit: string, target: string, ok: boolean, pass: boolean): TargetRow {
  return { name, value, unit, target, pass: ok && Number.isFinite(value) ? pass : null };
}

/** Evaluates each target on the medians (whole process against whole process). */
export function evaluateTargets(t: TargetInputs): TargetRow[] {
  const rowsPerSecond = (t.dailyRows * 1000) / t.ingest.wallMs.median;
  const loadRatio = t.ingest.wallMs.median / t.floorLoad.wallMs.median;
  const screenRatio = t.screenFull.wallMs.median / t.floorAggregate.wallMs.median;
  const rows: TargetRow[] = [
    row('load rate (ingest daily)', rowsPerSecond, 'rows/s', `>= ${TARGETS.loadMinRowsPerSecond}`, t.ingest.ok, rowsPerSecond >= TARGETS.loadMinRowsPerSecond),
    row('load / floor load', loadRatio, 'x', `<= ${TARGETS.loadMaxFloorRatio}`, t.ingest.ok && t.floorLoad.ok, loadRatio <= TARGETS.loadMaxFloorRatio),
    row('full screen / floor aggregate', screenRatio, 'x', `<= ${TARGETS.screenMaxFloorRatio}`, t.screenFull.ok, screenRatio <= TARGETS.screenMaxFloorRatio),
    row('full screen incl. process start', t.screenFull.wallMs.median, 'ms', `< ${TARGETS.screenMaxMs}`, t.screenFull.ok, t.screenFull.wallMs.median < TARGETS.screenMaxMs),
    row('--help', t.help.wallMs.median, 'ms', `< ${TARGETS.helpMaxMs}`, t.help.ok, t.help.wallMs.median < TARGETS.helpMaxMs),
  ];
  for (const m of t.commands) {
    if (!m.peakRssMb) continue;
    rows.push(row(`peak memory: ${m.label}`, m.peakRssMb.max, 'MB', `< ${TARGETS.peakMaxMb}`, m.ok, m.peakRssMb.max < TARGETS.peakMaxMb));
  }
  return rows;
}
