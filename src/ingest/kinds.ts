import type { IngestKind } from './types.js';

export type { IngestKind, IngestOptions, LoadSummary } from './types.js';

/**
 * Every input kind of `hkconnect ingest` (docs/contract.md "Input files"), by name.
 * Adding a kind = a `parse-<kind>.ts` / `load-<kind>.ts` pair plus one line here.
 * Loaders are imported lazily so that `--help` stays fast.
 */
export const INGEST_KINDS: Readonly<Record<string, IngestKind>> = {
  securities: lazyKind('securities: code, name, board, type, currency, listing_date, ...; or HKEX\'s ListOfSecurities.xlsx as published', () => import('./load-securities.js').then((m) => m.loadSecuritiesFile)),
  daily: lazyKind('daily: date, code, market_cap_hkd, turnover_hkd, suspended [, close, volume]', () => import('./load-daily.js').then((m) => m.loadDailyFile)),
  changes: lazyKind('changes: code, date, field, value (a dated attribute change)', () => import('./load-changes.js').then((m) => m.loadChangesFile)),
  hsci: {
    ...lazyKind('hsci: code, segment, with --as-of DATE; or Hang Seng constituent exports (.xlsx: HSCI and its LargeCap / MidCap / SmallCap indexes)', () => import('./load-hsci.js').then((m) => m.loadHsciFile)),
    loadMany: async (store, files, options, progressFor) => (await import('./load-hsci-exports.js')).loadHsciFiles(store, files, options, progressFor),
  },
  southbound: {
    ...lazyKind('southbound: code, channel [, name] with --as-of DATE; or the SSE JSON list with --channel; or the SZSE list (JSON pages: one file, several files or their directory; xlsx) or an SSE/SZSE adjustment notice (HTML)', () => import('./load-southbound.js').then((m) => m.loadSouthboundFile)),
    loadMany: async (store, files, options, progressFor) => (await import('./load-southbound-files.js')).loadSouthboundFiles(store, files, options, progressFor),
  },
  dayquot: lazyKind('dayquot: HKEX daily quotations reports dYYMMDDe.htm (load securities and shares first)', () => import('./load-dayquot.js').then((m) => m.loadDayquotFile)),
  shares: lazyKind('shares: code, date, shares_issued (in force from that date)', () => import('./load-shares.js').then((m) => m.loadSharesFile)),
  official: lazyKind('official: list (hsci_add/hsci_remove/sb_add/sb_remove), code [, name, channel] with --cutoff DATE', () => import('./load-official.js').then((m) => m.loadOfficialFile)),
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
