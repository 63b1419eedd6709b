import { UsageError } from '../domain/errors.js';
import type { Methodology } from './types.js';
import { deepFreeze } from './deep-freeze.js';

/** Parameters whose value is one of a few words; every other string parameter is free text. */
const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'averaging.method': ['daily', 'month-end'],
  'southbound.averaging': ['daily', 'month-end'],
  'universe.boards': ['MAIN', 'GEM'],
  'universe.types': [
    'EQUITY', 'REIT', 'STAPLED', 'ETF', 'FUND', 'INVESTMENT_CO', 'SPAC', 'PREFERENCE', 'DEBT', 'WARRANT', 'OTHER',
  ],
  'universe.currencies': ['HKD', 'CNY', 'USD'],
};

/**
 * Applies a user's overrides (parsed JSON) to a methodology: a deep merge of single parameters,
 * each checked against the base's shape. An unknown key or a value of the wrong type is a
 * UsageError naming the key path and `source` (the file). Arrays replace the base array whole.
 * The result's id is the user's `id` when given, else `<base id>+overrides`. Returns a frozen copy.
 */
export function applyOverrides(base: Methodology, overrides: unknown, source: string): Methodology {
  if (!isPlainObject(overrides)) {
    throw new UsageError(`${source}: the methodology overrides must be a JSON object.`);
  }
  const merged = mergeNode(base, overrides, '', source) as Record<string, unknown>;
  const userId = overrides.id;
  merged.id = typeof userId === 'string' ? userId : `${base.id}+overrides`;
  if (typeof overrides.description !== 'string') merged.description = `${base.description}, with overrides from ${source}`;
  return deepFreeze(merged as unknown as Methodology);
}

function mergeNode(base: unknown, over: unknown, path: string, source: string): unknown {
  const where = path || '(top level)';
  if (isPlainObject(base)) {
    if (!isPlainObject(over)) throw wrongType(source, where, 'an object', over);
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
      const keyPath = path ? `${path}.${key}` : key;
      if (!Object.hasOwn(base, key)) {
        throw new UsageError(`${source}: unknown methodology parameter "${keyPath}".`);
      }
      out[key] = mergeNode(base[key], value, keyPath, source);
    }
    return out;
  }
  if (Array.isArray(base)) {
    if (!Array.isArray(over) || !over.every((v) => typeof v === 'string')) {
      throw wrongType(source, where, 'an array of strings', over);
    }
    over.forEach((v, i) => checkEnum(path, v as string, `${where}[${i}]`, source));
    return [...over];
  }
  if (typeof base === 'number') {
    if (typeof over !== 'number' || !Number.isFinite(over)) throw wrongType(source, where, 'a number', over);
    if (over < 0) throw new UsageError(`${source}: methodology parameter "${where}" must not be negative (got ${over}).`);
    return over;
  }
  if (typeof base === 'string') {
    if (typeof over !== 'string') throw wrongType(source, where, 'a string', over);
    checkEnum(path, over, where, source);
    return over;
  }
  if (typeof base === 'boolean') {
    if (typeof over !== 'boolean') throw wrongType(source, where, 'true or false', over);
    return over;
  }
  throw new UsageError(`${source}: methodology parameter "${where}" cannot be overridden.`);
}

function checkEnum(path: string, value: string, where: string, source: string): void {
  const allowed = ENUMS[path];
  if (allowed && !allowed.includes(value)) {
    throw new UsageError(`${source}: methodology parameter "${where}" must be one of ${allowed.join(', ')} (got "${value}").`);
  }
}

function wrongType(source: string, where: string, expected: string, got: unknown): UsageError {
  const gotText = got === null ? 'null' : Array.isArray(got) ? 'an array' : typeof got;
  return new UsageError(`${source}: methodology parameter "${where}" must be ${expected} (got ${gotText}).`);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
