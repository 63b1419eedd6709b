import type { Measurement } from './measure.js';

/** The performance targets of issue 15; the bench's own numbers, not methodology parameters. */
export const TARGETS = {
  sqlOneCodeMaxMs: 50,
  sqlMarketAverageMaxMs: 1_000,
  loadMaxFloorRatio: 1.5,
  appendMaxMs: 200,
  screenMaxFloorRatio: 2,
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
  readonly sqlOneCode: Measurement;
  readonly sqlMarketAverage: Measurement;
  readonly ingest: Measurement;
  readonly floorLoad: Measurement;
  readonly append: Measurement;
  readonly screenFull: Measurement;
  readonly floorAggregate: Measurement;
  readonly help: Measurement;
  /** Every CLI measurement, for the peak-memory target. */
  readonly commands: readonly Measurement[];
}

function row(name: string, value: number, unit: string, target: string, ok: boolean, pass: boolean): TargetRow {
  return { name, value, unit, target, pass: ok && Number.isFinite(value) ? pass : null };
}

/** The query's own time as python3 measured it (the `ms` its script printed), else NaN. */
const queryMs = (m: Measurement): number => m.parts?.ms?.median ?? Number.NaN;

/** Evaluates each target on the medians (whole process against whole process, except the SQL queries' own times). */
export function evaluateTargets(t: TargetInputs): TargetRow[] {
  const loadRatio = t.ingest.wallMs.median / t.floorLoad.wallMs.median;
  const screenRatio = t.screenFull.wallMs.median / t.floorAggregate.wallMs.median;
  const oneCode = queryMs(t.sqlOneCode);
  const average = queryMs(t.sqlMarketAverage);
  const rows: TargetRow[] = [
    row('SQL: one code over a year', oneCode, 'ms', `< ${TARGETS.sqlOneCodeMaxMs}`, t.sqlOneCode.ok, oneCode < TARGETS.sqlOneCodeMaxMs),
    row('SQL: 12-month average per code', average, 'ms', `< ${TARGETS.sqlMarketAverageMaxMs}`, t.sqlMarketAverage.ok, average < TARGETS.sqlMarketAverageMaxMs),
    row('load / floor load', loadRatio, 'x', `<= ${TARGETS.loadMaxFloorRatio}`, t.ingest.ok && t.floorLoad.ok, loadRatio <= TARGETS.loadMaxFloorRatio),
    row('one-day append', t.append.wallMs.median, 'ms', `< ${TARGETS.appendMaxMs}`, t.append.ok, t.append.wallMs.median < TARGETS.appendMaxMs),
    row('full screen / floor aggregate', screenRatio, 'x', `<= ${TARGETS.screenMaxFloorRatio}`, t.screenFull.ok, screenRatio <= TARGETS.screenMaxFloorRatio),
    row('--help', t.help.wallMs.median, 'ms', `< ${TARGETS.helpMaxMs}`, t.help.ok, t.help.wallMs.median < TARGETS.helpMaxMs),
  ];
  for (const m of t.commands) {
    if (!m.peakRssMb) continue;
    rows.push(row(`peak memory: ${m.label}`, m.peakRssMb.max, 'MB', `< ${TARGETS.peakMaxMb}`, m.ok, m.peakRssMb.max < TARGETS.peakMaxMb));
  }
  return rows;
}
