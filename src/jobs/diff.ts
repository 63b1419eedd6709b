import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Store } from '../db/connection.js';
import { readSouthboundInForce } from '../db/repositories/list-snapshots.js';
import { formatInputIssue, JobError, UsageError } from '../domain/errors.js';
import { CHANNELS, type Channel, type IsoDate } from '../domain/types.js';
import type { OfficialAnnouncement } from '../ingest/official-types.js';
import { parseOfficialFile } from '../ingest/parse-official-file.js';
import { storeDiff, type StoredDiffList } from '../db/repositories/diffs.js';
import { hongKongTimestamp, isIsoDate } from '../domain/dates.js';
import { selectChannel } from '../report/diff-channel.js';
import { compareWithOfficial, type CurrentLists, type DiffList } from '../report/diff-official.js';
import type { DiffReport } from '../report/render-diff.js';
import { readStoredOfficial } from './diff-store.js';
import { obtainReview, type ReviewSource } from './diff-review-source.js';

/** The prefix of the prediction's own warnings in a diff's `warnings` (the official file's problems have none). */
export const PREDICTION_WARNING = 'the prediction: ';

export interface DiffOptions {
  readonly cutoff: IsoDate;
  /** The official file; without it, the changes stored by `ingest official` for the cut-off. */
  readonly officialFile?: string;
  /**
   * The channel compared: the channel of rows that name none (an exchange notice, a list download), and
   * for every kind of file a filter (only that channel's Southbound lists); exit 2 when none is left.
   */
  readonly channel?: Channel;
  readonly methodology?: string;
  /** The injected clock: the diff's created_at, and the run's start when one is made. */
  readonly now: Date;
}

/**
 * The diff job (docs/contract.md `diff`): reads the official file, takes the run recorded for the cut-off
 * on the same inputs (or runs the review), compares list by list, stores the diff, and returns it.
 * `source` is injectable so the comparison can be tested without a full market in the store.
 */
export async function runDiff(store: Store, options: DiffOptions, source: ReviewSource = obtainReview): Promise<DiffReport> {
  if (!isIsoDate(options.cutoff)) throw new UsageError(`the cut-off "${options.cutoff}" is not a date of the form YYYY-MM-DD`);
  const read = options.officialFile !== undefined
    ? await readOfficialFile(options.officialFile, options.channel ?? null)
    : storedOfficial(store, options.cutoff);
  const { official, leftOut } = onChannel(read, options.channel ?? null);
  const review = await source(store, { cutoff: options.cutoff, methodology: options.methodology, now: options.now });
  const current = await readCurrentLists(store, options.cutoff, official.announcement);
  const lists = compareWithOfficial(review.result, official.announcement, current);
  // The prediction's own data warnings first (a partial market, thin days...): a diff scored on a
  // prediction the review itself calls misleading must say so, as the review does.
  const warnings = [
    ...review.result.warnings.map((w) => `${PREDICTION_WARNING}${w}`),
    ...official.announcement.issues.map((i) => formatInputIssue({ file: official.file, ...i })),
  ];
  const base = {
    cutoff: options.cutoff, lists, runId: review.runId, methodology: review.result.methodology, reusedRun: review.reused,
    official: { file: official.file, sha256: official.sha256, format: official.announcement.format },
    channel: options.channel ?? null, listsLeftOut: leftOut, warnings,
  };
  let report: DiffReport | null = null;
  storeDiff(store.sqlite, {
    runId: review.runId, cutoff: options.cutoff, file: official.file, sha256: official.sha256,
    format: official.announcement.format, createdAt: options.now.toISOString(), lists: countsOf(lists),
  }, (stored) => JSON.stringify((report = { ...base, diffId: stored.diffId, reusedDiff: stored.reused, createdAt: hongKongTimestamp(stored.createdAt)! })));
  return report!;
}

/** `--channel` applied to any official file (or the stored changes): its lists on that channel, or exit 2 saying why not. */
function onChannel(read: OfficialSource, channel: Channel | null): { official: OfficialSource; leftOut: string[] } {
  if (channel === null) return { official: read, leftOut: [] };
  const selected = selectChannel(read.announcement, channel);
  if (!selected.ok) throw new UsageError(`${describeSource(read)} ${selected.reason}`);
  return { official: { ...read, announcement: selected.announcement }, leftOut: [...selected.dropped] };
}

function describeSource(s: OfficialSource): string {
  return s.file.startsWith(STORED_PREFIX) ? `the official changes stored for ${s.file.slice(STORED_PREFIX.length)}` : `the official file ${s.file}`;
}

/** The counts and figures stored per list (diff_lists). */
function countsOf(lists: Record<string, DiffList>): Record<string, StoredDiffList> {
  return Object.fromEntries(Object.entries(lists).map(([key, l]) => [key, {
    hits: l.hits.length, missed: l.missed.length, extra: l.extra.length, precision: l.precision, recall: l.recall,
  }]));
}

interface OfficialSource { readonly file: string; readonly sha256: string; readonly announcement: OfficialAnnouncement }

async function readOfficialFile(file: string, channel: Channel | null): Promise<OfficialSource> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UsageError(`cannot read the official file ${file}`);
  }
  const announcement = parseOfficialFile(bytes.toString('utf8'), channel);
  if (announcement.lists.size === 0) {
    const first = announcement.issues[0] ?? { reason: 'it lists no security' };
    throw new UsageError(`the official file is unusable: ${formatInputIssue({ file, ...first })}`);
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex'), announcement };
}

/** How a diff of the stored changes names its source (`official_changes:2026-06-30`). */
const STORED_PREFIX = 'official_changes:';

function storedOfficial(store: Store, cutoff: IsoDate): OfficialSource {
  const announcement = readStoredOfficial(store, cutoff);
  if (!announcement) throw new UsageError(`no official changes are stored for ${cutoff} in ${store.path}: pass --official FILE (or load one with ingest official --cutoff ${cutoff})`);
  const digest = createHash('sha256').update(JSON.stringify([...announcement.lists])).digest('hex');
  return { file: `${STORED_PREFIX}${cutoff}`, sha256: digest, announcement };
}

/** The Southbound lists in force on C, for the channels whose whole list the file gives (docs/methodology.md §7.4). */
async function readCurrentLists(store: Store, cutoff: IsoDate, a: OfficialAnnouncement): Promise<CurrentLists> {
  const current: { -readonly [C in Channel]?: string[] } = {};
  for (const ch of CHANNELS) {
    if (!a.lists.has(`sb_list_${ch}`)) continue;
    const snapshot = await readSouthboundInForce(store.db, cutoff, ch);
    if (!snapshot) throw new JobError(`no Southbound ${ch} list in force on ${cutoff} is loaded in ${store.path}, so the list after the review cannot be predicted; load it with ingest southbound --as-of`);
    current[ch] = snapshot.codes;
  }
  return current;
}

