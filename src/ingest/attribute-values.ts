import { A_SHARE_EXCHANGES, BOARDS, CURRENCIES, SECURITY_TYPES, type ChangeableField } from '../domain/types.js';
import type { DateReader } from './date-format.js';
import { Bad, parseBoolean, parseDate, parseEnum, parseFreeFloat, parseText } from './fields.js';

/** A parsed attribute: text, an enum, a date, 0/1, a fraction; null = not given / cleared. */
export type AttributeValue = string | number | null;

const A_SHARE_CODE_RE = /^\d{6}$/;

/** Attributes that may be blank (null: "none"); the others must be given. Booleans blank -> 0 in `securities`. */
const NULLABLE: ReadonlySet<ChangeableField> = new Set([
  'delisting_date', 'free_float', 'a_share_code', 'a_share_exchange', 'a_share_listing_date', 'stabilisation_end',
]);

export const BOOLEAN_ATTRIBUTES: ReadonlySet<ChangeableField> = new Set([
  'wvr', 'secondary_listing', 'sfc_high_concentration', 'a_share_risk_alert',
]);

/**
 * Parses one security attribute by its type (shared by `securities` columns and `changes` values):
 * enumerations (BOARDS, SECURITY_TYPES, CURRENCIES, A_SHARE_EXCHANGES), dates, booleans as 0/1,
 * free_float in (0, 1], a 6-digit A-share code, names of at most 200 characters.
 */
export function parseAttribute(field: ChangeableField, cell: string, blankBoolean?: 0 | 1, readDate: DateReader = parseDate): AttributeValue | Bad {
  const s = cell.trim();
  if (s === '' && NULLABLE.has(field)) return null;
  if (BOOLEAN_ATTRIBUTES.has(field)) {
    const b = parseBoolean(s, blankBoolean === undefined ? undefined : blankBoolean === 1);
    return b instanceof Bad ? b : b ? 1 : 0;
  }
  switch (field) {
    case 'name': return parseText(s);
    case 'board': return parseEnum(s, BOARDS);
    case 'type': return parseEnum(s, SECURITY_TYPES);
    case 'currency': return parseEnum(s, CURRENCIES);
    case 'a_share_exchange': return parseEnum(s, A_SHARE_EXCHANGES);
    case 'free_float': return parseFreeFloat(s);
    case 'a_share_code': return A_SHARE_CODE_RE.test(s) ? s : new Bad(`"${s.slice(0, 40)}" is not an A-share code (6 digits)`);
    case 'delisting_date': case 'a_share_listing_date': case 'stabilisation_end': return readDate(s);
    default: return new Bad(`${field} is not a known attribute`);
  }
}

/** The text stored in `attribute_changes.value`: booleans `0`/`1`, numbers as written by JS, none = ''. */
export function attributeText(value: AttributeValue): string {
  return value === null ? '' : String(value);
}
