/** The `diff --format` choices. A module of its own so that `--help` never loads the renderers. */
export const DIFF_FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
