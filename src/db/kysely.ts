import { createRequire } from 'node:module';

/**
 * kysely, loaded when a command first queries through it (its CommonJS build, which `require` can
 * load at that moment; same API and types as the ES build). Why not a static import: kysely's ES
 * build is ~280 modules, and importing them took ~100 ms of every process, a third of a one-day
 * append that never queries through kysely (the loads use prepared statements only). Every module
 * of src/ takes kysely's values from here, so a process loads one copy of it.
 */
export function kyselyModule(): typeof import('kysely') {
  return createRequire(import.meta.url)('kysely') as typeof import('kysely');
}
