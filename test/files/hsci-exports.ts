import { readFileSync } from 'node:fs';
import { parseHsciExport } from '../../src/ingest/parse-hsci-export.js';
import { buildXlsx, type BuildCell } from '../support/xlsx.js';

export const REAL_HSCI = new URL('../fixtures/real/hsi-hsci-constituents-2025-11-21.xlsx', import.meta.url).pathname;
const HEADER = ['Date\n(dd-mm-yyyy)', 'Index', 'Stock Code', 'Stock Name', 'ISIN Code', 'Exchange Lis-ted', 'Industry', 'Trading Currency', 'Closing Price', '% Change (Daily)'];

/** The real export's constituents (code, name), in its order. */
export function realConstituents(): Array<{ code: string; name: string }> {
  return parseHsciExport(readFileSync(REAL_HSCI), 'real').rows.map((r) => ({ code: r.code, name: r.name }));
}

/**
 * A constructed Hang Seng export in the real one's shape (its header, an Excel date serial, codes as
 * numbers, a header repeated every 10 rows as at page breaks), for an index the real file does not cover.
 */
export function hangSengExport(indexName: string, serialDate: number, members: ReadonlyArray<{ code: string; name: string }>): Buffer {
  const rows: BuildCell[][] = [HEADER];
  members.forEach((m, i) => {
    if (i > 0 && i % 10 === 0) rows.push(HEADER);
    rows.push([serialDate, indexName, Number(m.code), m.name, 'HK0000000000', 'Hong Kong Stock Exchange', 'Energy', 'HKD', 1.5, -0.2]);
  });
  return buildXlsx(rows, { sheetName: 'Table 1' });
}
