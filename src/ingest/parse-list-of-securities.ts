import type { InputIssue } from '../domain/errors.js';
import type { Board, Currency, SecurityType, StockCode } from '../domain/types.js';
import { Bad, parseCode } from './fields.js';
import { boardOfCategory, currencyOf, markersOfName, typeOfCategory } from './hkex-categories.js';
import { unreadable, type ParsedFile } from './parsed-file.js';
import { cellText, sheetRowsOrReason, type SheetRow } from './xlsx/read-xlsx.js';

/** One security as HKEX's List of Securities gives it, read into the store's terms (no listing date: the list has none). */
export interface ListedSecurity {
  readonly line: number;
  readonly code: StockCode;
  readonly name: string;
  readonly board: Board;
  readonly type: SecurityType;
  readonly currency: Currency;
  readonly wvr: boolean;
  readonly secondaryListing: boolean;
  readonly category: string;
  readonly subCategory: string;
}

const REQUIRED = { code: 'stock code', name: 'name of securities', category: 'category' } as const;

/**
 * Parses HKEX's `ListOfSecurities.xlsx` as published (pure): title rows above the header, the date
 * from "Updated as at DD/MM/YYYY", board and type from Category / Sub-Category, currency from the code
 * range and the -R / -U markers, WVR and secondary listing from the -W / -S markers (hkex-categories.ts).
 * A row whose category is unknown, whose code is not a code, or whose code repeats is an issue.
 */
export function parseListOfSecurities(bytes: Uint8Array, fileName: string): ParsedFile<ListedSecurity> {
  const sheet = sheetRowsOrReason(bytes);
  if ('reason' in sheet) return unreadable(fileName, sheet.reason);
  const rows = sheet.rows;
  const headerAt = rows.findIndex((r) => r.cells.some((c) => cellText(c).toLowerCase() === REQUIRED.code));
  if (headerAt === -1) return unreadable(fileName, 'no row names the column "Stock Code", so this is not HKEX\'s List of Securities');
  const header = rows[headerAt]!.cells.map((c) => cellText(c).toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const at = { code: col(REQUIRED.code), name: col(REQUIRED.name), category: col(REQUIRED.category), sub: col('sub-category') };
  const missing = Object.entries(REQUIRED).filter(([key]) => at[key as keyof typeof REQUIRED] === -1).map(([, label]) => `"${label}"`);
  if (missing.length > 0) return { ...unreadable(fileName, `the header (line ${rows[headerAt]!.line}) lacks the column ${missing.join(', ')}`) };
  const asOf = dateOfTitle(rows.slice(0, headerAt));
  const out: ListedSecurity[] = [];
  const issues: InputIssue[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(headerAt + 1)) {
    const cell = (i: number) => (i === -1 ? '' : cellText(row.cells[i] ?? null));
    const issue = (field: string, reason: string) => issues.push({ file: fileName, line: row.line, field, reason });
    const code = parseCode(cell(at.code));
    if (code instanceof Bad) { issue('Stock Code', code.reason); continue; }
    if (seen.has(code)) { issue('Stock Code', `an earlier line of this file already lists ${code}`); continue; }
    const name = cell(at.name);
    if (name === '') { issue('Name of Securities', `the name of ${code} is missing`); continue; }
    const category = cell(at.category);
    const subCategory = cell(at.sub);
    const type = typeOfCategory(category, subCategory);
    if (type === null) {
      issue('Category', `"${category}" / "${subCategory}" is not a category this tool knows; tell the maintainers, or load ${code} through a securities CSV`);
      continue;
    }
    seen.add(code);
    const markers = markersOfName(name);
    out.push({
      line: row.line, code, name, board: boardOfCategory(category, subCategory),
      type: markers.stapled && type === 'EQUITY' ? 'STAPLED' : type,
      currency: currencyOf(code, markers), wvr: markers.wvr, secondaryListing: markers.secondaryListing, category, subCategory,
    });
  }
  return asOf ? { rows: out, issues, asOf } : { rows: out, issues };
}

/** The date of "Updated as at 11/10/2021" (DD/MM/YYYY) in the title rows, or undefined. */
function dateOfTitle(titleRows: readonly SheetRow[]): string | undefined {
  for (const row of titleRows) {
    for (const c of row.cells) {
      const m = /as at\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/i.exec(cellText(c));
      if (!m) continue;
      const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
      const d = new Date(`${iso}T00:00:00Z`);
      if (!Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso)) return iso;
    }
  }
  return undefined;
}
