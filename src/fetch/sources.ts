import { inspectDayquot } from './inspect-dayquot.js';
import { inspectSseList } from './inspect-sse.js';
import { inspectHsciExport, inspectListOfSecurities, inspectSzseList } from './inspect-xlsx-lists.js';
import type { IsoDate } from '../domain/types.js';
import type { SourceDescriptor, SourceId, SourceRequest } from './source-types.js';

/**
 * The public sources, one descriptor each (addresses and why: README "Getting real data").
 * Adding a source = one descriptor here (+ its loader in src/jobs/fetch-loaders.ts when one exists).
 */

const HKEX = 'https://www.hkex.com.hk';
const MB = 1024 * 1024;

/** `2026-09-01` -> `260901` (the dayquot file name's date). */
function yymmdd(d: IsoDate): string {
  return `${d.slice(2, 4)}${d.slice(5, 7)}${d.slice(8, 10)}`;
}

function requireDate(r: SourceRequest): IsoDate {
  if (!r.date) throw new Error('a dayquot fetch needs a date');
  return r.date;
}

const short = (sha: string): string => sha.slice(0, 12);

export const SOURCES: Readonly<Record<SourceId, SourceDescriptor>> = {
  dayquot: {
    id: 'dayquot',
    title: 'HKEX daily quotations report dYYMMDDe.htm (Main Board)',
    defaultBaseUrl: HKEX,
    path: (r) => `/eng/stat/smstat/dayquot/d${yymmdd(requireDate(r))}e.htm`,
    target: (r) => requireDate(r),
    // The loader dates a NO TRADING report by its file name, so the name keeps the dYYMMDDe form.
    fileName: (r, _asOf, sha) => `d${yymmdd(requireDate(r))}e-${short(sha)}.htm`,
    maxBytes: 64 * MB,
    shrinkCheck: true,
    inspect: (body, r, file) => inspectDayquot(body, requireDate(r), file),
  },
  securities: {
    id: 'securities',
    title: 'HKEX List of Securities, ListOfSecurities.xlsx',
    defaultBaseUrl: HKEX,
    path: () => '/eng/services/trading/securities/securitieslists/ListOfSecurities.xlsx',
    target: () => '',
    fileName: (_r, asOf, sha) => `ListOfSecurities-${asOf}-${short(sha)}.xlsx`,
    maxBytes: 64 * MB,
    shrinkCheck: true,
    inspect: (body, r, name) => inspectListOfSecurities(body, r.fallbackAsOf, name),
  },
  sse: {
    id: 'sse',
    title: 'SSE Southbound (Shanghai-Hong Kong Stock Connect) eligible securities, JSON',
    defaultBaseUrl: 'https://query.sse.com.cn',
    path: () => '/commonQuery.do?sqlId=COMMON_SSE_JYFW_HGT_XXPL_BDZQQD_L&isPagination=true&pageHelp.pageSize=2000'
      + '&pageHelp.pageNo=1&pageHelp.beginPage=1&pageHelp.endPage=1&pageHelp.cacheSize=1&keyword=',
    target: () => '',
    fileName: (_r, asOf, sha) => `sse-southbound-${asOf}-${short(sha)}.json`,
    maxBytes: 20 * MB,
    headers: { Referer: 'https://www.sse.com.cn/services/hkexsc/disclo/eligible/' },
    shrinkCheck: true,
    inspect: (body, r) => inspectSseList(body, r.fallbackAsOf),
  },
  szse: {
    id: 'szse',
    title: 'SZSE Southbound (Shenzhen-Hong Kong Stock Connect) eligible securities, xlsx',
    defaultBaseUrl: 'https://www.szse.cn',
    path: () => '/api/report/ShowReport?SHOWTYPE=xlsx&CATALOGID=SGT_GGTBDQD&TABKEY=tab1',
    target: () => '',
    // Kept as the `{code: name}` JSON it is loaded from (the workbook itself is in the record's sha256).
    fileName: (_r, asOf, sha) => `szse-southbound-${asOf}-${short(sha)}.json`,
    maxBytes: 20 * MB,
    headers: { Referer: 'https://www.szse.cn/szhk/hkbussiness/underlylist/index.html' },
    shrinkCheck: true,
    inspect: (body, r, name) => inspectSzseList(body, r.fallbackAsOf, name),
  },
  hsci: {
    id: 'hsci',
    title: 'Hang Seng Composite Index constituents export (xlsx) from hsi.com.hk',
    defaultBaseUrl: null,
    path: () => '',
    target: () => '',
    fileName: (_r, asOf, sha) => `hsci-constituents-${asOf}-${short(sha)}.xlsx`,
    maxBytes: 20 * MB,
    shrinkCheck: true,
    inspect: (body, r, name) => inspectHsciExport(body, r.fallbackAsOf, name),
  },
};

export function isSourceId(s: string): s is SourceId {
  return Object.prototype.hasOwnProperty.call(SOURCES, s);
}

/** The URL of one fetch: `--url` as given, else `--base-url` (or the source's own) + its path. */
export function sourceUrl(source: SourceDescriptor, request: SourceRequest, baseUrl?: string, url?: string): string | null {
  if (url) return url;
  const base = baseUrl ?? source.defaultBaseUrl;
  if (base === null) return null;
  return `${base.replace(/\/+$/, '')}${source.path(request)}`;
}
