import { UsageError } from '../domain/errors.js';
import type { Methodology } from './types.js';
import { HSCI_2024 } from './hsci-2024.js';
import { HSCI_2025 } from './hsci-2025.js';
import { deepFreeze } from './deep-freeze.js';

export type { Methodology } from './types.js';
export { applyOverrides } from './apply-overrides.js';

/** The methodology a run uses when none is named (docs/methodology.md "Parameters"). */
export const DEFAULT_METHODOLOGY_ID = 'hsci-2025';

const KNOWN: ReadonlyMap<string, Methodology> = new Map(
  [HSCI_2025, HSCI_2024].map((m) => [m.id, deepFreeze(m)] as const),
);

/** Every built-in methodology, default first. */
export function listMethodologies(): readonly Methodology[] {
  return [...KNOWN.values()];
}

/** The built-in methodology with that id; a UsageError naming the known ids otherwise. */
export function getMethodology(id: string = DEFAULT_METHODOLOGY_ID): Methodology {
  const m = KNOWN.get(id);
  if (!m) {
    throw new UsageError(`Unknown methodology "${id}"; known: ${[...KNOWN.keys()].join(', ')}.`);
  }
  return m;
}
