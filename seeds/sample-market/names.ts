import type { Prng } from './prng.js';

const FIRST = ['Harbour', 'Jade', 'Pearl', 'Lion Rock', 'Kowloon', 'Victoria', 'Lantau', 'Golden', 'Orient', 'Silver', 'Dragon',
  'Phoenix', 'Peak', 'Star Ferry', 'Bauhinia', 'Tsing', 'Sai Kung', 'Causeway', 'Nathan', 'Repulse', 'Aberdeen', 'Junk Bay'];
const SECOND = ['Tech', 'Bio', 'Land', 'Power', 'Motors', 'Foods', 'Logistics', 'Health', 'Energy', 'Retail', 'Finance',
  'Mining', 'Pharma', 'Semicon', 'Media', 'Education', 'Water', 'Gas', 'Textile', 'Shipping', 'Property', 'Insurance'];
const SUFFIX = ['Holdings', 'Group', 'International', 'Limited', 'Corporation', 'Industries', 'Development', 'Resources'];

/** A clearly synthetic company name: always starts with "SYN ". */
export function makeCompanyName(rng: Prng): string {
  return `SYN ${rng.pick(FIRST)} ${rng.pick(SECOND)} ${rng.pick(SUFFIX)}`;
}

export function makeFundName(rng: Prng, kind: 'ETF' | 'REIT'): string {
  return kind === 'ETF' ? `SYN ${rng.pick(FIRST)} ${rng.pick(SECOND)} Index ETF` : `SYN ${rng.pick(FIRST)} ${rng.pick(SECOND)} REIT`;
}
