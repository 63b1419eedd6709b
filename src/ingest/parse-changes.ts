import { CHANGEABLE_FIELDS, type ChangeableField } from '../domain/types.js';
import { attributeText, parseAttribute } from './attribute-values.js';
import type { ColumnIndex } from './csv-rows.js';
import type { DateReader } from './date-format.js';
import { Bad, clip, parseCode, parseDate } from './fields.js';
import type { RowIssue } from './types.js';

/** `changes` columns (docs/contract.md "Input files"). */
export const CHANGES_COLUMNS = { required: ['code', 'date', 'field', 'value'] } as const;

export interface ChangeRow {
  readonly code: string;
  readonly date: string;
  readonly field: ChangeableField;
  /** Normalised text: booleans `0`/`1`, enumerations upper case, '' = cleared (nullable fields only). */
  readonly value: string;
}

/** Parses one `changes` row (pure); the value is checked by its field's type. */
export function parseChangeRow(
  fields: readonly string[], line: number, index: ColumnIndex, knownCodes: ReadonlySet<string>, readDate: DateReader = parseDate,
): ChangeRow | RowIssue {
  const code = parseCode(fields[index.code!]!);
  if (code instanceof Bad) return { line, field: 'code', reason: code.reason };
  if (!knownCodes.has(code)) return { line, field: 'code', reason: `${code} is not a known security (load it with \`ingest securities\` first)` };
  const date = readDate(fields[index.date!]!);
  if (date instanceof Bad) return { line, field: 'date', reason: date.reason };
  const field = parseChangeableField(fields[index.field!]!);
  if (field instanceof Bad) return { line, field: 'field', reason: field.reason };
  const value = parseAttribute(field, fields[index.value!]!, undefined, readDate);
  if (value instanceof Bad) return { line, field: 'value', reason: `for ${field}: ${value.reason}` };
  return { code, date, field, value: attributeText(value) };
}

function parseChangeableField(cell: string): ChangeableField | Bad {
  const s = cell.trim().toLowerCase();
  const found = CHANGEABLE_FIELDS.find((f) => f === s);
  if (found) return found;
  if (s === '') return new Bad('the attribute name is missing');
  return new Bad(`"${clip(cell.trim())}" is not an attribute that can change (one of ${CHANGEABLE_FIELDS.join(', ')})`);
}
