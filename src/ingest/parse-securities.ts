import type { ChangeableField } from '../domain/types.js';
import { parseAttribute, type AttributeValue } from './attribute-values.js';
import type { ColumnIndex } from './csv-rows.js';
import type { DateReader } from './date-format.js';
import { Bad, parseCode, parseDate } from './fields.js';
import type { RowIssue } from './types.js';

/** `securities` columns (docs/contract.md "Input files"); `a_share_risk_alert` is an extra optional column. */
export const SECURITIES_COLUMNS = {
  required: ['code', 'name', 'board', 'type', 'currency', 'listing_date'],
  optional: [
    'delisting_date', 'wvr', 'secondary_listing', 'free_float', 'a_share_code', 'a_share_exchange',
    'a_share_listing_date', 'stabilisation_end', 'sfc_high_concentration', 'a_share_risk_alert',
  ],
} as const;

/** The attribute columns in `securities` table order (after code and listing_date). */
export const SECURITY_ATTRIBUTES: readonly ChangeableField[] = [
  'name', 'board', 'type', 'currency', 'delisting_date', 'wvr', 'secondary_listing', 'free_float',
  'a_share_code', 'a_share_exchange', 'a_share_listing_date', 'stabilisation_end', 'sfc_high_concentration', 'a_share_risk_alert',
];

export interface SecurityRow {
  readonly code: string;
  readonly listingDate: string;
  /** Values in SECURITY_ATTRIBUTES order; an absent optional column counts as blank. */
  readonly attributes: readonly AttributeValue[];
}

/** Parses one `securities` row (pure); the first bad field is the row's issue. */
export function parseSecurityRow(fields: readonly string[], line: number, index: ColumnIndex, readDate: DateReader = parseDate): SecurityRow | RowIssue {
  const cell = (name: string) => (index[name] === -1 || index[name] === undefined ? '' : fields[index[name]!]!);
  const code = parseCode(cell('code'));
  if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
  const listingDate = readDate(cell('listing_date'));
  if (listingDate instanceof Bad) return { line, field: 'listing_date', reason: listingDate.reason };
  const attributes: AttributeValue[] = [];
  for (const field of SECURITY_ATTRIBUTES) {
    const value = parseAttribute(field, cell(field), 0, readDate);
    if (value instanceof Bad) return { line, field, reason: value.reason };
    attributes.push(value);
  }
  const delisting = attributes[SECURITY_ATTRIBUTES.indexOf('delisting_date')];
  if (typeof delisting === 'string' && delisting < listingDate) {
    return { line, field: 'delisting_date', reason: `${delisting} is before the listing date ${listingDate}` };
  }
  return { code, listingDate, attributes };
}
