import { strToU8, zipSync } from 'fflate';

/** A cell for buildXlsx: text is written as an inline string, a number as a number. */
export type BuildCell = string | number | null;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A minimal .xlsx workbook of one sheet, for tests and constructed fixtures: text cells as inline
 * strings (`t="inlineStr"`), numbers as `<v>`. `prefix` writes every element with a namespace prefix
 * (as HKEX does), `dimension` a `<dimension>` of your choice (HKEX's is wrong).
 */
export function buildXlsx(rows: readonly (readonly BuildCell[])[], options: { sheetName?: string; prefix?: string; dimension?: string } = {}): Buffer {
  const p = options.prefix ? `${options.prefix}:` : '';
  const xmlns = options.prefix ? `xmlns:${options.prefix}="${NS}"` : `xmlns="${NS}"`;
  const body = rows.map((cells, r) => {
    const cs = cells.map((v, c) => {
      const ref = `${column(c)}${r + 1}`;
      if (v === null) return '';
      if (typeof v === 'number') return `<${p}c r="${ref}"><${p}v>${v}</${p}v></${p}c>`;
      return `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${escape(v)}</${p}t></${p}is></${p}c>`;
    }).join('');
    return `<${p}row r="${r + 1}">${cs}</${p}row>`;
  }).join('');
  const dim = options.dimension ? `<${p}dimension ref="${options.dimension}"/>` : '';
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${xmlns}>${dim}<${p}sheetData>${body}</${p}sheetData></${p}worksheet>`;
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${xmlns} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><${p}sheets><${p}sheet name="${escape(options.sheetName ?? 'Sheet1')}" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`;
  const rels = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
  return Buffer.from(zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(rels),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  }));
}
