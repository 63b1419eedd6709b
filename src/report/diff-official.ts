import { CHANNELS, type Channel, type ReviewResult, type SecurityDecision, type StockCode } from '../domain/types.js';
import type { OfficialAnnouncement, OfficialEntry, OfficialListKey } from '../ingest/official-types.js';
import { explainMismatch } from './explain-mismatch.js';

/** One code in a diff list; mismatches carry why the review predicted otherwise. */
export interface DiffItem {
  readonly code: StockCode;
  readonly name: string;
  readonly explanation?: string;
  /** One short line for the table: the outcome and the deciding figure against its line. */
  readonly reason?: string;
  /** The deciding rule's id (several, space-separated, for a list covering both channels). */
  readonly rule?: string;
  readonly predicted?: string;
  readonly borderline?: boolean;
}

/** One list compared: docs/contract.md "diff --format json". */
export interface DiffList {
  readonly hits: DiffItem[];
  readonly missed: DiffItem[];
  readonly extra: DiffItem[];
  /** hits / (hits + extra), unrounded; 1 when nothing was predicted for the list (no extra; precisionReason says so). */
  readonly precision: number;
  /** hits / (hits + missed), unrounded; 1 when the official list is empty (nothing missed; recallReason says so). */
  readonly recall: number;
  readonly precisionReason?: string;
  readonly recallReason?: string;
  /** How many codes the review predicted on the list (hits + extra) and the official file gives (hits + missed). */
  readonly predictedCount: number;
  readonly officialCount: number;
}

/** The Southbound lists in force on the cut-off, per channel (needed only for `sb_list_*` comparisons). */
export type CurrentLists = Partial<Record<Channel, readonly StockCode[]>>;

interface ListScope { readonly channels: readonly Channel[] | null; readonly predicted: Map<StockCode, string> }

/**
 * Compares a review with an official announcement, list by list (pure). hits = official and predicted;
 * missed = official, not predicted; extra = predicted, not official. precision = hits / (hits + extra),
 * recall = hits / (hits + missed), unrounded. A zero denominator (nothing predicted, nothing official)
 * gives 1 by convention (no extra, nothing missed: the contract's figures are numbers) and a sentence
 * saying so, never NaN.
 */
export function compareWithOfficial(result: ReviewResult, announcement: OfficialAnnouncement, current: CurrentLists): Record<OfficialListKey, DiffList> {
  const decisions = new Map(result.decisions.map((d) => [d.code, d]));
  // The rule that decided each HSCI add or remove row: the decisive check of an HSCI mismatch.
  const hsciRules = new Map([...result.hsci.add, ...result.hsci.remove].map((r) => [r.code, r.rule]));
  const out: Record<OfficialListKey, DiffList> = {};
  for (const [key, official] of announcement.lists) {
    const scope = predictedFor(key, result, current);
    out[key] = compareOne(official, scope, decisions, hsciRules);
  }
  return out;
}

function compareOne(
  official: readonly OfficialEntry[], scope: ListScope, decisions: ReadonlyMap<string, SecurityDecision>, hsciRules: ReadonlyMap<string, string>,
): DiffList {
  const officialCodes = new Set(official.map((e) => e.code));
  const nameOf = (code: string, given = '') => given || decisions.get(code)?.name || scope.predicted.get(code) || '';
  const mismatch = (code: string, given?: string): DiffItem => {
    const facts = explainMismatch(decisions.get(code), scope.channels, code, hsciRules.get(code));
    return { code, name: nameOf(code, given), ...facts };
  };
  const hits = official.filter((e) => scope.predicted.has(e.code)).map((e) => ({ code: e.code, name: nameOf(e.code, e.name) }));
  const missed = official.filter((e) => !scope.predicted.has(e.code)).map((e) => mismatch(e.code, e.name));
  const extra = [...scope.predicted.keys()].filter((c) => !officialCodes.has(c)).sort().map((c) => mismatch(c));
  const predictedCount = hits.length + extra.length;
  const officialCount = hits.length + missed.length;
  return {
    hits, missed, extra,
    precision: predictedCount === 0 ? VACUOUS : hits.length / predictedCount,
    recall: officialCount === 0 ? VACUOUS : hits.length / officialCount,
    ...(predictedCount === 0 ? { precisionReason: NO_PREDICTION } : {}),
    ...(officialCount === 0 ? { recallReason: NO_OFFICIAL } : {}),
    predictedCount, officialCount,
  };
}

/** The predicted codes (with names) for one official list key. */
export function predictedFor(key: OfficialListKey, result: ReviewResult, current: CurrentLists): ListScope {
  if (key === 'hsci_add') return { channels: null, predicted: namesOf(result.hsci.add) };
  if (key === 'hsci_remove') return { channels: null, predicted: namesOf(result.hsci.remove) };
  const change = /^sb_(add|remove)(?:_(SH|SZ))?$/.exec(key);
  if (change) {
    const channels = change[2] ? [change[2] as Channel] : [...CHANNELS];
    const side = change[1] as 'add' | 'remove';
    return { channels, predicted: namesOf(channels.flatMap((ch) => result.southbound[ch][side])) };
  }
  const inForce = /^sb_list_(SH|SZ)$/.exec(key);
  if (inForce) {
    const ch = inForce[1] as Channel;
    return { channels: [ch], predicted: predictListAfter(current[ch] ?? [], result, ch) };
  }
  throw new RangeError(`unknown official list ${key}`);
}

/** docs/methodology.md §7.4: the list after the review = the list in force on C, plus the adds, minus the removes. */
export function predictListAfter(currentCodes: readonly StockCode[], result: ReviewResult, ch: Channel): Map<StockCode, string> {
  const after = new Map<StockCode, string>(currentCodes.map((c) => [c, '']));
  for (const r of result.southbound[ch].add) after.set(r.code, r.name);
  for (const r of result.southbound[ch].remove) after.delete(r.code);
  return new Map([...after].sort(([a], [b]) => a.localeCompare(b)));
}

function namesOf(rows: ReadonlyArray<{ code: string; name: string }>): Map<StockCode, string> {
  const m = new Map<StockCode, string>();
  for (const r of [...rows].sort((a, b) => a.code.localeCompare(b.code))) if (!m.has(r.code)) m.set(r.code, r.name);
  return m;
}

/** A figure whose denominator is 0: nothing can be wrong, so 1 (the usual convention). */
const VACUOUS = 1;
const NO_PREDICTION = 'nothing was predicted for this list (0 predicted): no extra, so precision is 1 by convention';
const NO_OFFICIAL = 'the official list is empty (0 official): nothing missed, so recall is 1 by convention';
