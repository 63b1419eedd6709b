import type { IngestKind } from './types.js';

export type { IngestKind, IngestOptions, LoadSummary } from './types.js';

/**
 * Every input kind of `hkconnect ingest` (CONTRACT.md "Input files"), by name.
 * Adding a kind = a `parse-<kind>.ts` / `load-<kind>.ts` pair plus one line here.
 * Loaders are imported lazily so that `--help` stays fast.
 */
export const INGEST_KINDS: Readonly<Record<string, IngestKind>> = {
  daily: lazyKind('daily: date, code, market_cap_hkd, turnover_hkd, suspended [, close, volume]', () => import('./load-daily.js').then((m) => m.loadDailyFile)),
  dayquot: lazyKind('dayquot: HKEX daily quotations reports dYYMMDDe.htm (load securities and shares first)', () => import('./load-dayquot.js').then((m) => m.loadDayquotFile)),
  shares: lazyKind('shares: code, date, shares_issued (in force from that date)', () => import('./load-shares.js').then((m) => m.loadSharesFile)),
};

/** The kind names, for `--help` and usage errors. */
export function listIngestKinds(): string[] {
  return Object.keys(INGEST_KINDS);
}

/** Wraps a lazily imported loader function as an IngestKind. */
export function lazyKind(describe: string, importLoad: () => Promise<IngestKind['load']>): IngestKind {
  return {
    describe,
    load: async (store, file, options) => (await importLoad())(store, file, options),
  };
}
