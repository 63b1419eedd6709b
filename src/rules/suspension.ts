import { shiftMonths } from './calendar-math.js';
import type { IsoDate, RuleOutcome } from '../domain/types.js';
import type { Methodology } from '../methodology/types.js';
import type { SeriesScan } from './scan-series.js';

/** C minus `longMonths`: the §4 long-suspension line. */
function longSuspensionLine(cutoff: IsoDate, longMonths: number): IsoDate {
  return shiftMonths(cutoff, -longMonths);
}

export interface SuspensionFacts {
  readonly suspendedOnCutoff: boolean;
  readonly suspendedSince: IsoDate | null;
  readonly longSuspension: boolean;
}

/**
 * docs/methodology.md §4: suspended on C (the state of the last trading day on or before C; a data gap
 * carries the previous state), the start of the continuous suspension running on C, and long
 * suspension: suspended on C and continuously since a day on or before C minus `longMonths`.
 */
export function judgeSuspension(scan: SeriesScan, cutoff: IsoDate, m: Methodology): SuspensionFacts {
  const since = scan.suspendedSince;
  const longSuspension = since !== null && since <= longSuspensionLine(cutoff, m.suspension.longMonths);
  return { suspendedOnCutoff: scan.suspendedOnCutoff, suspendedSince: since, longSuspension };
}

/** The two §4 outcomes: `hsci-suspended-on-cutoff` and `hsci-long-suspension` (pass = not suspended). */
export function describeSuspension(facts: SuspensionFacts, cutoff: IsoDate, m: Methodology): RuleOutcome[] {
  if (!facts.suspendedOnCutoff) {
    return [
      { rule: 'hsci-suspended-on-cutoff', section: '§4', outcome: 'pass', detail: `trading on the cut-off ${cutoff}` },
      notSuspended(),
    ];
  }
  return [
    {
      rule: 'hsci-suspended-on-cutoff', section: '§4', outcome: 'fail',
      detail: `suspended on the cut-off ${cutoff} (since ${facts.suspendedSince}): not added`,
    },
    {
      rule: 'hsci-long-suspension', section: '§4', outcome: facts.longSuspension ? 'fail' : 'pass',
      detail: facts.longSuspension
        ? `suspended continuously since ${facts.suspendedSince}, on or before ${longSuspensionLine(cutoff, m.suspension.longMonths)} (${m.suspension.longMonths} months before the cut-off): long suspension`
        : `suspended since ${facts.suspendedSince}, after ${longSuspensionLine(cutoff, m.suspension.longMonths)}: not yet a long suspension`,
    },
  ];
}

/** §4's long-suspension outcome of a security trading on C (the screen re-states it for constituents). */
export function notSuspended(): RuleOutcome {
  return { rule: 'hsci-long-suspension', section: '§4', outcome: 'pass', detail: 'not suspended on the cut-off' };
}
