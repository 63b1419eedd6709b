import { isIsoDate } from '../domain/dates.js';
import type { IsoDate } from '../domain/types.js';
import { parseSseListJson } from '../ingest/parse-sse-json.js';
import { checkJsonBody, unwrapJsonp } from './content-checks.js';
import type { Inspection } from './source-types.js';

/** Name fields tried, in order, on a row of SSE's query answer. */
const NAME_FIELDS = ['SECURITY_ABBR_EN', 'SECURITY_ABBR', 'SECURITY_NAME_EN', 'SECURITY_NAME'] as const;

/**
 * Checks the SSE Southbound list (pure). Two shapes are accepted: the list download as saved,
 * `{"00001": "Ckh Holdings", ...}` (dated the day it was fetched), and the answer of SSE's query
 * endpoint, `{"result": [{"SECURITY_CODE": "00001", "UPDATE_DATE": "2026-08-03", ...}], ...}`,
 * which is dated by its UPDATE_DATE and kept as the first shape so `ingest southbound` reads it.
 */
export function inspectSseList(body: Buffer, fallbackAsOf: IsoDate): Inspection {
  const bad = checkJsonBody(body);
  if (bad) return { ok: false, reason: bad };
  const text = unwrapJsonp(body.toString('utf8'));
  const data = JSON.parse(text) as unknown;
  if (isRecord(data) && Array.isArray(data.result)) return inspectQueryAnswer(data.result, fallbackAsOf);
  const parsed = parseSseListJson(text);
  if ('fileIssue' in parsed) return { ok: false, reason: parsed.fileIssue.reason };
  if (parsed.entries.length === 0) return { ok: false, reason: 'the list is empty' };
  if (parsed.issues.length > 0) return { ok: false, reason: `the list has ${parsed.issues.length} bad entries (first: ${parsed.issues[0]!.reason})` };
  return { ok: true, rows: parsed.entries.length, asOf: fallbackAsOf };
}

function inspectQueryAnswer(rows: unknown[], fallbackAsOf: IsoDate): Inspection {
  if (rows.length === 0) return { ok: false, reason: 'the list is empty' };
  const list: Record<string, string> = {};
  const dates = new Set<string>();
  for (const row of rows) {
    if (!isRecord(row) || typeof row.SECURITY_CODE !== 'string') return { ok: false, reason: 'a row of the answer has no SECURITY_CODE' };
    const nameField = NAME_FIELDS.find((f) => typeof row[f] === 'string');
    list[row.SECURITY_CODE] = (nameField ? String(row[nameField]).trim() : '') || row.SECURITY_CODE;
    if (typeof row.UPDATE_DATE === 'string') dates.add(row.UPDATE_DATE.slice(0, 10));
  }
  const [date] = [...dates];
  const asOf = dates.size === 1 && date && isIsoDate(date) ? date : fallbackAsOf;
  return { ok: true, rows: Object.keys(list).length, asOf, normalized: Buffer.from(JSON.stringify(list), 'utf8') };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
