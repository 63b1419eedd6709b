/**
 * Pure checks of a downloaded body before anything of it is stored (issue 17: fail closed). Each
 * returns null when the body passes, else the reason in a few words (the caller makes the sentence).
 */

/** True when the body starts (after blanks and a BOM) like an HTML page. */
export function looksLikeHtml(body: Buffer): boolean {
  const head = body.subarray(0, 2048).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && head.includes('<body'));
}

/** An xlsx workbook is a zip: local header first, and an end-of-central-directory record that fits. */
export function checkXlsxBody(body: Buffer): string | null {
  if (body.length === 0) return 'the response is empty';
  if (looksLikeHtml(body)) return 'an HTML page came back where an xlsx workbook was expected (an error page)';
  if (body.readUInt32LE(0) !== 0x04034b50) return 'the response is not an xlsx workbook (no zip signature)';
  const eocd = findEndOfCentralDirectory(body);
  if (eocd < 0) return 'the workbook is truncated (its zip directory is missing)';
  const dirSize = body.readUInt32LE(eocd + 12);
  const dirOffset = body.readUInt32LE(eocd + 16);
  if (dirOffset + dirSize > eocd) return 'the workbook is truncated (its zip directory points past the data received)';
  return null;
}

/** A JSON document: not empty, not an HTML page, parses (possibly inside a JSONP wrapper). */
export function checkJsonBody(body: Buffer): string | null {
  if (body.length === 0) return 'the response is empty';
  if (looksLikeHtml(body)) return 'an HTML page came back where JSON was expected (an error page)';
  try {
    JSON.parse(unwrapJsonp(body.toString('utf8')));
    return null;
  } catch {
    return 'the response is not valid JSON (truncated or not a list)';
  }
}

/** `callback({...})` -> `{...}`; anything else unchanged. Strips a leading BOM. */
export function unwrapJsonp(text: string): string {
  const t = text.replace(/^\uFEFF/, '').trim();
  const m = /^[A-Za-z_$][\w$]*\(([\s\S]*)\);?$/.exec(t);
  return m ? m[1]! : t;
}

/** The offset of the zip end-of-central-directory signature in the last 64 KiB + 22 bytes, or -1. */
function findEndOfCentralDirectory(body: Buffer): number {
  const stop = Math.max(0, body.length - 65_557);
  for (let i = body.length - 22; i >= stop; i--) {
    if (body.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/**
 * The shrink rule: a list of `rows` refused when it is smaller than (1 - maxShrink) times the last
 * good copy's `previous` rows (maxShrink 0.1: 900 of 1000 rows pass, 899 do not). Null when it passes.
 */
export function checkShrink(rows: number, previous: number | null, maxShrink: number): string | null {
  if (previous === null || previous === 0) return null;
  // The smallest count that passes, as a whole number (the float product may land a hair above it).
  if (rows >= Math.ceil((1 - maxShrink) * previous - 1e-9)) return null;
  const pct = Math.round((1 - rows / previous) * 1000) / 10;
  return `it has ${rows} rows, ${pct}% fewer than the ${previous} of the last good copy (more than the ${Math.round(maxShrink * 1000) / 10}% allowed by --max-shrink)`;
}
