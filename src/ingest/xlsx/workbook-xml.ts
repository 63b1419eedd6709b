import { SaxesParser } from 'saxes';

/**
 * The name and part path of the workbook's first sheet, from xl/workbook.xml and its relationships
 * (namespace prefixes ignored). Without relationships, the conventional xl/worksheets/sheet1.xml.
 */
export function firstSheetPath(workbookXml: string, relsXml: string | null): { name: string; path: string } {
  let name = 'Sheet1';
  let relId: string | null = null;
  const wb = new SaxesParser();
  wb.on('opentag', (tag) => {
    if (relId !== null || tag.name.slice(tag.name.indexOf(':') + 1) !== 'sheet') return;
    name = String(tag.attributes.name ?? name);
    const id = Object.entries(tag.attributes).find(([k]) => k === 'r:id' || k.endsWith(':id'));
    relId = id ? String(id[1]) : '';
  });
  wb.write(workbookXml).close();
  let path = 'xl/worksheets/sheet1.xml';
  if (relsXml !== null && relId) {
    const rels = new SaxesParser();
    rels.on('opentag', (tag) => {
      if (tag.attributes.Id === relId && typeof tag.attributes.Target === 'string') path = resolveTarget(tag.attributes.Target);
    });
    rels.write(relsXml).close();
  }
  return { name, path };
}

/** A relationship target relative to xl/ (or absolute from the package root) as an archive path. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const p of target.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}
