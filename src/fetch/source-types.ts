import type { IsoDate } from '../domain/types.js';

/** The public sources `hkconnect fetch` knows (README "Getting real data"). */
export const SOURCE_IDS = ['dayquot', 'securities', 'sse', 'szse', 'hsci'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** What a fetch asks for: a report date for dayquot; `fallbackAsOf` dates a list that prints no date of its own. */
export interface SourceRequest {
  readonly date?: IsoDate;
  /** `--as-of`, else today in Hong Kong. */
  readonly fallbackAsOf: IsoDate;
}

/** What the checks made of a body: refused with a reason, or passed with its row count and as-of date. */
export type Inspection =
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      /** Rows of the list or report; null when it cannot be counted yet (an xlsx before its parser). */
      readonly rows: number | null;
      readonly asOf: IsoDate;
      /** dayquot: HKEX's NO TRADING page. */
      readonly holiday?: boolean;
      /** The bytes to keep and load when they differ from the download (the SSE query answer as `{code: name}`). */
      readonly normalized?: Buffer;
    };

/**
 * One public source as a small descriptor: where it lives, how its copy is named, how a body is
 * checked and dated. Loading is the job's (src/jobs/fetch-loaders.ts), since it needs the store.
 */
export interface SourceDescriptor {
  readonly id: SourceId;
  readonly title: string;
  /** Scheme and host the path is appended to; `--base-url` replaces it. Null: no stable public address (give --url). */
  readonly defaultBaseUrl: string | null;
  /** Path and query under the base URL. */
  path(request: SourceRequest): string;
  /** What distinguishes one fetch of the source from another (the dayquot date), else ''. */
  target(request: SourceRequest): string;
  /** The kept copy's file name (content-addressed with a short sha256 so copies never overwrite each other). */
  fileName(request: SourceRequest, asOf: IsoDate, sha256: string): string;
  readonly maxBytes: number;
  /** Extra request headers (the exchanges' JSON endpoints want their page as Referer). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Lists are refused when they shrink beyond --max-shrink against the last good copy. */
  readonly shrinkCheck: boolean;
  inspect(body: Buffer, request: SourceRequest, fileName: string): Inspection;
}
