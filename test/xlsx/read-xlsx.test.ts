import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText, excelSerialToIsoDate, readXlsx, XlsxError } from '../../src/ingest/xlsx/read-xlsx.js';
import { buildXlsx } from '../support/xlsx.js';

const REAL = (name: string) => readFileSync(new URL(`../fixtures/real/${name}`, import.meta.url));

describe('readXlsx on the real published files', () => {
  it('HKEX ListOfSecurities: x: prefixes, a dimension of A1:U8 over 18,501 rows, formula strings', () => {
    const sheet = readXlsx(REAL('hkex-list-of-securities-2021-10-11.xlsx'));
    expect(sheet.sheetName).toBe('ListOfSecurities');
    // 18,501 rows in the sheet; the last four are empty and are not returned.
    expect(sheet.rows).toHaveLength(18_497);
    expect(sheet.rows[0]).toEqual({ line: 1, cells: ['List of Securities'] });
    expect(sheet.rows[1]!.cells[0]).toBe('Updated as at 11/10/2021');
    expect(sheet.rows[2]!.cells.slice(0, 4)).toEqual(['Stock Code', 'Name of Securities', 'Category', 'Sub-Category']);
    // The rich-text shared string of the header's last column: its runs joined.
    expect(sheet.rows[2]!.cells[19]).toBe('Spread Table\n1, 4 = Part A\n3 = Part B\n5 = Part D');
    expect(sheet.rows[3]!.cells.slice(0, 4)).toEqual(['00001', 'CKH HOLDINGS', 'Equity', 'Equity Securities (Main Board)']);
    expect(sheet.rows.at(-1)!.line).toBe(18_497);
    expect(sheet.rows.at(-1)!.cells.slice(0, 3)).toEqual(['87001', 'HUI XIAN REIT', 'Real Estate Investment Trusts']);
  });

  it('Hang Seng export: rich-text headers, numbers as numbers, repeated headers kept as rows', () => {
    const sheet = readXlsx(REAL('hsi-hsci-constituents-2025-11-21.xlsx'));
    expect(sheet.rows).toHaveLength(554);
    expect(sheet.rows[0]!.cells[0]).toBe('Date\n(dd-mm-yyyy)');
    expect(sheet.rows[1]!.cells.slice(0, 4)).toEqual([45982, 'Hang Seng Composite Index', 883, 'CNOOC']);
    expect(sheet.rows.filter((r) => r.cells[1] === 'Index')).toHaveLength(51);
    expect(excelSerialToIsoDate(45982)).toBe('2025-11-21');
  });
});

describe('readXlsx on constructed workbooks', () => {
  it('reads inline strings, any prefix, and ignores a wrong dimension', () => {
    const bytes = buildXlsx([['a', 1], ['b', 2.5], [null, 'c']], { prefix: 'q', dimension: 'A1:A1' });
    expect(readXlsx(bytes).rows).toEqual([
      { line: 1, cells: ['a', 1] }, { line: 2, cells: ['b', 2.5] }, { line: 3, cells: [null, 'c'] },
    ]);
  });

  it('skips phonetic runs, places cells by their reference and fills gaps with null', () => {
    const sheet = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
      + '<row r="5"><c r="C5" t="s"><v>0</v></c><c t="b"><v>1</v></c></row><row><c><v>7</v></c></row></sheetData></worksheet>';
    const sst = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><r><t>東</t></r><rPh><t>ひがし</t></rPh><r><t>京</t></r></si></sst>';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/sharedStrings.xml': strToU8(sst),
    });
    expect(readXlsx(bytes).rows).toEqual([{ line: 5, cells: [null, null, '東京', true] }, { line: 6, cells: [7] }]);
  });

  it('refuses what is not a workbook, each with one sentence', () => {
    expect(() => readXlsx(strToU8('code,name\n700,x\n'))).toThrow(/not an \.xlsx workbook \(it is not a zip archive/);
    expect(() => readXlsx(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/no xl\/workbook\.xml/);
    const truncated = buildXlsx([['a']]).subarray(0, 60);
    expect(() => readXlsx(truncated)).toThrow(XlsxError);
    const badXml = zipSync({ 'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S"/></sheets></workbook>'), 'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row>') });
    expect(() => readXlsx(badXml)).toThrow(/worksheet is not well-formed XML/);
  });

  it('cellText and excelSerialToIsoDate at their edges', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(700)).toBe('700');
    expect(cellText('  00700 ')).toBe('00700');
    expect(excelSerialToIsoDate(25569)).toBe('1970-01-01');
    expect(excelSerialToIsoDate(45982.5)).toBeNull();
    expect(excelSerialToIsoDate(0)).toBeNull();
  });
});
