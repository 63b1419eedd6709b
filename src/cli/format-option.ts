import { ROW_FORMATS, type RowFormat } from '../report/format-rows.js';

/** The reusable `--format table|json|csv` option group of the query commands. */
export const rowFormatOption = {
  format: { choices: ROW_FORMATS, default: 'table' as RowFormat, describe: 'Output format' },
} as const;
