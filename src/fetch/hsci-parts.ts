import type { HsciExportIndex } from '../ingest/parse-hsci-export.js';

/**
 * `fetch hsci` fetches the HSCI export together with size-index exports of the same day, since one
 * HSCI export cannot tell the segments (pure). A part is named by a key: on the command line
 * (`--url large=URL`), as the `target` of its fetch record, and in its mirror path.
 */
export const HSCI_PART_KEYS = ['hsci', 'large', 'mid', 'small', 'large-mid'] as const;
export type HsciPartKey = (typeof HSCI_PART_KEYS)[number];

export interface HsciPart {
  readonly key: HsciPartKey;
  readonly url: string;
}

/** The index each part's export must name in its Index column. */
export const PART_INDEX: Readonly<Record<HsciPartKey, HsciExportIndex>> = {
  hsci: 'HSCI', large: 'LARGE', mid: 'MID', small: 'SMALL', 'large-mid': 'LARGE_MID',
};

/** The parts fetched under `--base-url` when no `--url` names them: the HSCI and its three size indexes. */
export const DEFAULT_HSCI_PARTS: readonly HsciPartKey[] = ['hsci', 'large', 'mid', 'small'];

/**
 * Where a mirror serves each export under `--base-url` (Hang Seng Indexes has no stable public address
 * for its exports, so this is the layout hkconnect asks a mirror for; docs/fetch.md).
 */
export function mirrorPath(key: HsciPartKey): string {
  return key === 'hsci' ? '/hsci.xlsx' : `/hsci-${key === 'large-mid' ? 'largecap-midcap' : `${key}cap`}.xlsx`;
}

const isKey = (s: string): s is HsciPartKey => (HSCI_PART_KEYS as readonly string[]).includes(s);

/**
 * The parts named by `--url` values: `KEY=URL` (KEY one of HSCI_PART_KEYS), or a bare URL for the
 * HSCI export itself. Returns a sentence when a value names no known part or a part twice.
 */
export function partsFromUrls(values: readonly string[], flag = '--url'): HsciPart[] | string {
  const parts: HsciPart[] = [];
  for (const value of values) {
    const m = /^([a-z-]+)=(.*)$/.exec(value);
    const key = m ? m[1]! : 'hsci';
    const url = m ? m[2]! : value;
    if (!isKey(key)) return `${flag} ${value}: "${key}" is not an HSCI export; name each as ${HSCI_PART_KEYS.map((k) => `${k}=URL`).join(', ')}`;
    if (!/^https?:\/\/[^/]/.test(url)) return `${flag} "${value}" is not an http(s) address`;
    if (parts.some((p) => p.key === key)) return `${flag} gives the ${key} export twice`;
    parts.push({ key, url });
  }
  return parts;
}

/**
 * The parts one fetch asks for: those `--url` names, else the mirror layout under `--base-url`; or the
 * sentence saying why they cannot make a list with segments (exit 2: nothing is fetched).
 */
export function resolveHsciParts(urls: readonly string[], baseUrl: string | undefined, flag = '--url'): HsciPart[] | string {
  let parts: HsciPart[];
  if (urls.length > 0) {
    const given = partsFromUrls(urls, flag);
    if (typeof given === 'string') return given;
    parts = given;
  } else if (baseUrl) {
    parts = DEFAULT_HSCI_PARTS.map((key) => ({ key, url: `${baseUrl.replace(/\/+$/, '')}${mirrorPath(key)}` }));
  } else {
    return `hsci has no stable public address: give ${flag} for each export (${flag} hsci=URL ${flag} large=URL ${flag} mid=URL ${flag} small=URL) or --base-url of a mirror`;
  }
  return partsProblem(parts.map((p) => p.key), flag) ?? parts;
}

/**
 * Why a set of parts cannot make a list with segments, or null: the HSCI export is needed, and size
 * exports that leave one segment per code (any two of large / mid / small, or large-mid with one of them).
 */
export function partsProblem(keys: readonly HsciPartKey[], flag = '--url'): string | null {
  const has = (k: HsciPartKey) => keys.includes(k);
  if (!has('hsci')) return `fetch hsci needs the Hang Seng Composite Index export itself: give ${flag} hsci=URL`;
  const sizes = (['large', 'mid', 'small'] as const).filter(has).length;
  if (sizes >= 2 || (has('large-mid') && sizes >= 1)) return null;
  return 'one HSCI export cannot tell the segments: fetch it with two of its LargeCap, MidCap and SmallCap exports, '
    + `or LargeCap & MidCap with one of them (${flag} large=URL ${flag} mid=URL ${flag} small=URL, or --base-url of a mirror)`;
}
