import type { InputIssue } from '../domain/errors.js';
import type { IsoDate, StockCode } from '../domain/types.js';
import { missingPages, type SzseListEntry, type SzsePages } from './parse-szse-list.js';
import type { ParsedFile } from './parsed-file.js';

/** One file of SZSE report pages as parsed (parseSzseListJson). */
export interface SzsePageFile {
  readonly file: string;
  readonly parsed: ParsedFile<SzseListEntry> & { readonly pages: SzsePages };
}

/** The pages put together: the list's date, its rows by file, and the rows refused across pages. */
export type CombinedSzsePages =
  | { readonly ok: false; readonly file: string; readonly reason: string }
  | {
      readonly ok: true;
      readonly asOf?: IsoDate;
      /** Per file (same order as given): the rows it adds to the list. */
      readonly rows: ReadonlyArray<readonly SzseListEntry[]>;
      /** Rows of a later page repeating a code of an earlier page. */
      readonly issues: readonly InputIssue[];
    };

/**
 * Puts SZSE report pages given as separate files together into one list (pure), refusing pages that
 * do not belong together: another report (catalogid), another date (subname), another page count or
 * record count, a page given twice, a page missing from 1..pagecount, or rows that do not add up to
 * the record count the pages declare. A code on two pages is a bad row of the later page.
 */
export function combineSzsePages(files: readonly SzsePageFile[]): CombinedSzsePages {
  const first = files[0]!;
  const p0 = first.parsed.pages;
  for (const f of files.slice(1)) {
    const p = f.parsed.pages;
    const refuse = (reason: string) => ({ ok: false as const, file: f.file, reason });
    const none = (v: string | undefined) => v ?? '(none stated)';
    if (p.catalog !== p0.catalog) return refuse(`its pages are of the report ${none(p.catalog)}, but those of ${first.file} of ${none(p0.catalog)}: pages of different reports do not make one list`);
    if (f.parsed.asOf !== first.parsed.asOf) return refuse(`it is the list of ${none(f.parsed.asOf)}, but ${first.file} the list of ${none(first.parsed.asOf)}: the pages of one list share its date`);
    if (p.pageCount !== p0.pageCount) return refuse(`it says the list has ${p.pageCount} pages, but ${first.file} says ${p0.pageCount}: the pages of one download agree`);
    if (p.recordCount !== p0.recordCount) return refuse(`it says the list has ${p.recordCount} rows, but ${first.file} says ${p0.recordCount}: the pages of one download agree`);
  }
  const seenPage = new Map<number, string>();
  for (const f of files) {
    for (const n of f.parsed.pages.pageNos) {
      const earlier = seenPage.get(n);
      if (earlier !== undefined) return { ok: false, file: f.file, reason: `page ${n} is given twice (also in ${earlier}); give each page once` };
      seenPage.set(n, f.file);
    }
  }
  const extra = [...seenPage.keys()].find((n) => !(Number.isInteger(n) && n >= 1 && n <= p0.pageCount));
  if (extra !== undefined) return { ok: false, file: seenPage.get(extra)!, reason: `page ${extra} is outside the ${p0.pageCount} pages the list declares` };
  const missing = missingPages({ pageNos: [...seenPage.keys()], pageCount: p0.pageCount, recordCount: p0.recordCount });
  if (missing.length > 0) return { ok: false, file: first.file, reason: `page(s) ${missing.join(', ')} of ${p0.pageCount} are missing: give every page file of the list in one command (or their directory), or use hkconnect fetch` };
  const total = files.reduce((n, f) => n + f.parsed.rows.length + f.parsed.issues.length, 0);
  if (total !== p0.recordCount) return { ok: false, file: first.file, reason: `the pages hold ${total} rows but SZSE says the list has ${p0.recordCount}: download them again` };
  const where = new Map<StockCode, string>();
  const issues: InputIssue[] = [];
  const rows = files.map((f) => f.parsed.rows.filter((r) => {
    const earlier = where.get(r.code);
    if (earlier === undefined) { where.set(r.code, `${f.file}, line ${r.line}`); return true; }
    issues.push({ file: f.file, line: r.line, field: 'zqdm', reason: `${r.code} is already on an earlier page (${earlier})` });
    return false;
  }));
  return { ok: true, ...(first.parsed.asOf === undefined ? {} : { asOf: first.parsed.asOf }), rows, issues };
}
