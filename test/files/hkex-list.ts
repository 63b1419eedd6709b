import { buildXlsx, type BuildCell } from '../support/xlsx.js';

/** The HKEX List of Securities header, as published (title rows above it). */
export const HKEX_HEADER = ['Stock Code', 'Name of Securities', 'Category', 'Sub-Category', 'Board Lot', 'Par Value', 'ISIN'];

/** A constructed HKEX list in the published shape (x: prefix, wrong dimension, title rows), "Updated as at DD/MM/YYYY". */
export function hkexListXlsx(updatedAsAt: string | null, rows: ReadonlyArray<readonly BuildCell[]>): Buffer {
  const title: BuildCell[][] = [['List of Securities'], updatedAsAt === null ? ['(no date)'] : [`Updated as at ${updatedAsAt}`]];
  return buildXlsx([...title, HKEX_HEADER, ...rows], { prefix: 'x', dimension: 'A1:U8', sheetName: 'ListOfSecurities' });
}

export const EQUITY_MAIN = ['Equity', 'Equity Securities (Main Board)'] as const;
export const EQUITY_GEM = ['Equity', 'Equity Securities (GEM)'] as const;
