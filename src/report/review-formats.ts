/** The `screen --format` choices. A module of its own so that `--help` never loads the renderers. */
export const REVIEW_FORMATS = ['table', 'json', 'csv', 'md', 'html'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];
