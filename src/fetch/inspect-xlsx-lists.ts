import type { IsoDate } from '../domain/types.js';
import type { ParsedFile } from '../ingest/parsed-file.js';
import { parseHsciExport } from '../ingest/parse-hsci-export.js';
import { parseListOfSecurities } from '../ingest/parse-list-of-securities.js';
import { parseSzseListXlsx } from '../ingest/parse-szse-list.js';
import { checkXlsxBody } from './content-checks.js';
import type { Inspection } from './source-types.js';

/**
 * The xlsx lists, checked whole (content-checks.ts), then read by the same parsers as `ingest`
 * (pure): counted, dated by the sheet where it states a date (HKEX's "Updated as at", the Hang Seng
 * export's Date), else by `fallbackAsOf`. A workbook the parser cannot read, or with no rows, is refused.
 */
function inspectWith<Row>(body: Buffer, fallbackAsOf: IsoDate, name: string, parse: (b: Uint8Array, f: string) => ParsedFile<Row>):
  { inspection: Inspection; parsed?: ParsedFile<Row> } {
  const bad = checkXlsxBody(body);
  if (bad) return { inspection: { ok: false, reason: bad } };
  const parsed = parse(body, name);
  if (parsed.fileIssue) return { inspection: { ok: false, reason: parsed.fileIssue.reason } };
  if (parsed.rows.length === 0) return { inspection: { ok: false, reason: 'the list is empty' } };
  return { inspection: { ok: true, rows: parsed.rows.length, asOf: parsed.asOf ?? fallbackAsOf }, parsed };
}

export function inspectListOfSecurities(body: Buffer, fallbackAsOf: IsoDate, name: string): Inspection {
  return inspectWith(body, fallbackAsOf, name, parseListOfSecurities).inspection;
}

export function inspectHsciExport(body: Buffer, fallbackAsOf: IsoDate, name: string): Inspection {
  return inspectWith(body, fallbackAsOf, name, parseHsciExport).inspection;
}

/** The SZSE workbook, kept as `{code: name}` JSON so that `ingest southbound --channel SZ` loads it (the workbook states no date). */
export function inspectSzseList(body: Buffer, fallbackAsOf: IsoDate, name: string): Inspection {
  const { inspection, parsed } = inspectWith(body, fallbackAsOf, name, parseSzseListXlsx);
  if (!inspection.ok || !parsed) return inspection;
  if (parsed.issues.length > 0) return { ok: false, reason: `the list has ${parsed.issues.length} bad rows (first: ${parsed.issues[0]!.reason})` };
  const list = Object.fromEntries(parsed.rows.map((r) => [r.code, r.name || r.code]));
  return { ...inspection, normalized: Buffer.from(JSON.stringify(list), 'utf8') };
}
