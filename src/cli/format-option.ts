import { ROW_FORMATS, type RowFormat } from '../report/format-rows.js';
import { CHANNELS } from '../domain/types.js';

/** The reusable `--format table|json|csv` option group of the query commands. */
export const rowFormatOption = {
  format: { choices: ROW_FORMATS, default: 'table' as RowFormat, describe: 'Output format' },
} as const;

/** A `--channel SH|SZ` option that accepts any case (`sz`), as ingest does. */
export function channelOption(describe: string) {
  return { choices: CHANNELS, coerce: (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : v), describe } as const;
}
