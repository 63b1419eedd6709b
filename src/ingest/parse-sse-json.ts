import { Bad, parseCode, parseText } from './fields.js';
import type { RowIssue } from './types.js';

export interface SseListEntry { readonly code: string; readonly name: string }

/**
 * Parses the SSE Southbound list download: one JSON object `{"00001": "Name", ...}` (pure).
 * Each entry is a row; a bad key or a non-text name is a row issue (with the line the key is on).
 * A text that is not a JSON object is a file-level issue.
 */
export function parseSseListJson(text: string): { entries: SseListEntry[]; issues: RowIssue[] } | { fileIssue: RowIssue } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { fileIssue: { reason: `the file is not valid JSON (${(err as Error).message})` } };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { fileIssue: { reason: 'the JSON is not an object of the form {"00001": "Name", ...}' } };
  }
  const entries: SseListEntry[] = [];
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(data)) {
    const line = lineOfKey(text, key);
    const code = parseCode(key);
    if (code instanceof Bad) { issues.push({ line, field: 'code', reason: code.reason }); continue; }
    if (seen.has(code)) { issues.push({ line, field: 'code', reason: `${code} appears twice (written with and without leading zeros)` }); continue; }
    const name = typeof value === 'string' ? parseText(value) : new Bad('the name is not a text');
    if (name instanceof Bad) { issues.push({ line, field: 'name', reason: `for ${code}: ${name.reason}` }); continue; }
    seen.add(code);
    entries.push({ code, name });
  }
  return { entries, issues };
}

/** The 1-based line on which `"key"` first appears (the download is often one line: then 1). */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(JSON.stringify(key));
  if (at === -1) return 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
