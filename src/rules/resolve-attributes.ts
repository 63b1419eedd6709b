import type {
  AttributeChange, ChangeableField, IsoDate, SecurityAttributes,
} from '../domain/types.js';

/** Maps a `changes` field (snake_case, docs/contract.md) to its SecurityAttributes property. */
const PROPERTY: Readonly<Record<ChangeableField, keyof SecurityAttributes>> = {
  name: 'name', board: 'board', type: 'type', currency: 'currency', delisting_date: 'delistingDate',
  wvr: 'wvr', secondary_listing: 'secondaryListing', free_float: 'freeFloat', a_share_code: 'aShareCode',
  a_share_exchange: 'aShareExchange', a_share_listing_date: 'aShareListingDate',
  stabilisation_end: 'stabilisationEnd', sfc_high_concentration: 'sfcHighConcentration',
  a_share_risk_alert: 'aShareRiskAlert',
};

const BOOLEAN_FIELDS: ReadonlySet<ChangeableField> = new Set([
  'wvr', 'secondary_listing', 'sfc_high_concentration', 'a_share_risk_alert',
]);
const NULLABLE_FIELDS: ReadonlySet<ChangeableField> = new Set([
  'delisting_date', 'free_float', 'a_share_code', 'a_share_exchange', 'a_share_listing_date', 'stabilisation_end',
]);

/**
 * The attributes as they stood on `date` (docs/contract.md `changes`): for each field, the latest change
 * dated on or before `date` wins over the base row; a change dated after `date` is ignored.
 * Values are parsed by the field's type (booleans 0/1/true/false; free_float a number; a blank
 * value of a nullable field means "none").
 */
export function resolveAttributesAt(
  base: SecurityAttributes, changes: readonly AttributeChange[], date: IsoDate,
): SecurityAttributes {
  let latest: Map<ChangeableField, AttributeChange> | null = null;
  for (const c of changes) {
    if (c.date > date || c.code !== base.code) continue;
    latest ??= new Map();
    const prev = latest.get(c.field);
    if (!prev || c.date >= prev.date) latest.set(c.field, c);
  }
  if (!latest) return base;
  const out: Record<string, unknown> = { ...base };
  for (const [field, change] of latest) out[PROPERTY[field]] = parseAttributeValue(field, change.value);
  return out as unknown as SecurityAttributes;
}

/** Parses one `changes` value by its field's type; throws a RangeError naming field and value. */
export function parseAttributeValue(field: ChangeableField, raw: string): unknown {
  const value = raw.trim();
  if (value === '' && NULLABLE_FIELDS.has(field)) return null;
  if (BOOLEAN_FIELDS.has(field)) {
    const v = value.toLowerCase();
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    throw new RangeError(`change of "${field}": "${raw}" is not a boolean (0/1/true/false)`);
  }
  if (field === 'free_float') {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > 1) throw new RangeError(`change of "free_float": "${raw}" is not in (0, 1]`);
    return n;
  }
  if (field === 'board' || field === 'type' || field === 'currency' || field === 'a_share_exchange') {
    return value.toUpperCase();
  }
  return value;
}
