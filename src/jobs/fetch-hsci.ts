import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { Store } from '../db/connection.js';
import { findLastCountedFetch, findLastGoodFetch, type NewFetch } from '../db/repositories/fetches.js';
import { formatInputIssue } from '../domain/errors.js';
import { checkShrink } from '../fetch/content-checks.js';
import { httpGet } from '../fetch/http-get.js';
import type { HsciPart } from '../fetch/hsci-parts.js';
import { checkHsciGroup, describeSegments, inspectHsciPart, type PartInspection } from '../fetch/inspect-hsci-parts.js';
import { SOURCES } from '../fetch/sources.js';
import { loadHsciFiles } from '../ingest/load-hsci-exports.js';
import { formatHongKongInstant } from '../domain/dates.js';
import { keepCopy, record, type FetchReport, type FetchSettings } from './fetch-source.js';

/** One part as downloaded: its record's facts so far, and what the checks made of it. */
interface Got {
  readonly part: HsciPart;
  readonly fetched: Omit<NewFetch, 'rows' | 'asOf' | 'outcome' | 'reason' | 'file'>;
  readonly body: Buffer | null;
  readonly inspection: PartInspection;
  /** failed: no usable answer came; refused: an answer came and was turned down. */
  readonly failed: boolean;
}

const label = (key: string) => (key === 'hsci' ? 'hsci' : `hsci ${key}`);

/**
 * `fetch hsci`: the HSCI export and its size-index exports, fetched together and loaded as ONE list in
 * force (segments from the size exports, as `ingest hsci` combines them), or not at all (fail closed):
 * when any part fails, is refused (empty, an error page, cut off, bad rows, another index, another
 * day), shrank, or the parts do not make one list, nothing is loaded and the last good list stays in
 * force. Every part's fetch is recorded (target = its key); the sound parts of a refused set are
 * recorded refused, with the part to blame. All parts byte-identical to their last good copies: unchanged.
 */
export async function fetchHsciParts(store: Store, parts: readonly HsciPart[], settings: FetchSettings): Promise<FetchReport[]> {
  const got: Got[] = [];
  for (const part of parts) got.push(await download(part, settings));
  const lastGood = await Promise.all(got.map((g) => findLastGoodFetch(store.db, 'hsci', g.part.key)));
  const stays = lastGood.find((l) => l !== null) ?? null;
  const inForce = stays ? `; the last good list (fetch ${stays.id}${stays.asOf ? `, as of ${stays.asOf}` : ''}) stays in force` : '';

  /** Nothing is loaded: the blamed part says why; the others that the set kept out say which part did (no key: the set). */
  const refuseAll = (blame: { key?: string; reason: string }) => Promise.all(got.map((g) => {
    const own = blame.key === undefined || g.part.key === blame.key;
    return record(store, label(g.part.key), {
      ...g.fetched, ...factsOf(g), outcome: own && g.failed ? 'failed' : 'refused', file: null,
      reason: own ? `${blame.reason}${inForce}` : `not loaded: the ${blame.key} export was turned down, and a day's exports load together or not at all${inForce}`,
    });
  }));

  const bad = got.find((g) => !g.inspection.ok);
  if (bad && !bad.inspection.ok) return refuseAll({ key: bad.part.key, reason: bad.inspection.reason });
  const sound = got.map((g) => ({ key: g.part.key, ...(g.inspection as PartInspection & { ok: true }) }));
  const group = checkHsciGroup(sound);
  if (!group.ok) return refuseAll(group.key ? { key: group.key, reason: group.reason } : { reason: group.reason });
  for (const g of got) {
    const baseline = await findLastCountedFetch(store.db, 'hsci', g.part.key);
    const shrank = checkShrink(factsOf(g).rows!, baseline?.rows ?? null, settings.maxShrink);
    if (shrank) return refuseAll({ key: g.part.key, reason: `the list shrank: ${shrank}` });
  }
  if (got.every((g, i) => lastGood[i]?.sha256 === g.fetched.sha256)) {
    return Promise.all(got.map((g, i) => record(store, label(g.part.key), {
      ...g.fetched, ...factsOf(g), outcome: 'unchanged', reason: `the same bytes as fetch ${lastGood[i]!.id}: not loaded twice`, file: lastGood[i]!.file,
    })));
  }
  const files = got.map((g) => keepCopy(settings.dir, 'hsci', `hsci-${g.part.key}-${group.asOf}-${g.fetched.sha256!.slice(0, 12)}.xlsx`, g.body!));
  const summaries = await loadHsciFiles(store, files, { strict: true, now: settings.now() });
  const rejected = summaries.find((s) => s.status === 'rejected');
  if (rejected) {
    files.forEach((f) => rmSync(f, { force: true }));
    const key = got[summaries.indexOf(rejected)]!.part.key;
    return refuseAll({ key, reason: `the loader refused it: ${rejected.fileIssue ? formatInputIssue(rejected.fileIssue) : 'see hkconnect ingest hsci'}` });
  }
  return Promise.all(got.map((g, i) => record(store, label(g.part.key), {
    ...g.fetched, ...factsOf(g), outcome: 'loaded', file: files[i]!,
    reason: g.part.key === 'hsci' ? `the HSCI list in force from ${group.asOf}: ${describeSegments(group.members)} (with ${got.length - 1} size exports)` : null,
  }, summaries[i]!.rowsStored)));
}

async function download(part: HsciPart, settings: FetchSettings): Promise<Got> {
  const base = { source: 'hsci', target: part.key, url: part.url, fetchedAt: formatHongKongInstant(settings.now()) };
  const http = await httpGet(part.url, { ...settings.http, maxBytes: SOURCES.hsci.maxBytes });
  if (!http.ok) {
    const fetched = { ...base, httpStatus: http.status, bytes: 0, sha256: null, attempts: http.attempts };
    const reason = `${http.reason} after ${http.attempts} attempt${http.attempts === 1 ? '' : 's'}`;
    return { part, fetched, body: null, inspection: { ok: false, reason }, failed: true };
  }
  const sha256 = createHash('sha256').update(http.body).digest('hex');
  const fetched = { ...base, httpStatus: http.status, bytes: http.body.length, sha256, attempts: http.attempts };
  return { part, fetched, body: http.body, inspection: inspectHsciPart(part.key, http.body, part.url), failed: false };
}

function factsOf(g: Got): Pick<NewFetch, 'rows' | 'asOf'> {
  return g.inspection.ok ? { rows: g.inspection.rows.length, asOf: g.inspection.asOf } : { rows: null, asOf: null };
}
