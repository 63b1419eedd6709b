import { parseDailyQuotations } from '../ingest/parse-dayquot.js';
import type { IsoDate } from '../domain/types.js';
import type { Inspection } from './source-types.js';

/**
 * Checks a downloaded HKEX daily quotations report (pure): an HTML page that is the report, whole
 * (it ends with its closing tags), dated the day asked for. A NO TRADING page is passed on as a
 * holiday; whether that day really is one is the job's question (it knows the calendar).
 */
export function inspectDayquot(body: Buffer, date: IsoDate, file: string): Inspection {
  if (body.length === 0) return { ok: false, reason: 'the response is empty' };
  const text = body.toString('latin1');
  if (!/Daily Quotations/i.test(text) || !/<pre/i.test(text)) {
    return { ok: false, reason: 'the page is not a daily quotations report (an error page)' };
  }
  if (!/<\/html>\s*$/i.test(text)) return { ok: false, reason: 'the report is truncated (it does not end with </html>)' };
  const parsed = parseDailyQuotations(text, file);
  if (parsed.holiday) return { ok: true, rows: 0, asOf: date, holiday: true };
  const fileIssue = parsed.issues.find((i) => i.line === undefined);
  if (fileIssue) return { ok: false, reason: fileIssue.reason };
  if (parsed.date !== date) return { ok: false, reason: `the report is dated ${parsed.date ?? 'nowhere'}, not ${date} as asked` };
  if (parsed.rows.length === 0) return { ok: false, reason: 'the report holds no quotations' };
  return { ok: true, rows: parsed.rows.length, asOf: date, holiday: false };
}
