/**
 * One polite HTTP GET with Node's built-in fetch: a User-Agent, a timeout per attempt, bounded
 * retries with exponential backoff on 5xx / 429 / timeouts / dropped connections, and a pacer that
 * keeps a minimum interval between any two requests of the same command. No module-level state:
 * the pacer and the sleep function are handed in, so tests run on a tiny backoff without a real wait.
 */

export interface HttpSettings {
  readonly userAgent: string;
  /** Per attempt, ms. */
  readonly timeoutMs: number;
  /** Attempts after the first one (so 3 means at most 4 requests). */
  readonly retries: number;
  /** The first backoff, ms; attempt n waits backoffMs x 2^(n-1), at most MAX_BACKOFF_MS. */
  readonly backoffMs: number;
  /** A response larger than this is cut off and refused. */
  readonly maxBytes: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly pacer: Pacer;
  readonly sleep?: (ms: number) => Promise<void>;
}

export type HttpResult =
  | { readonly ok: true; readonly status: number; readonly body: Buffer; readonly contentType: string | null; readonly attempts: number }
  | { readonly ok: false; readonly status: number | null; readonly reason: string; readonly attempts: number };

const MAX_BACKOFF_MS = 60_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Keeps at least `intervalMs` between the starts of two requests (one instance per command run). */
export class Pacer {
  private last = -Infinity;
  constructor(private readonly intervalMs: number, private readonly clock: () => number = () => Date.now()) {}

  async wait(sleep: (ms: number) => Promise<void>): Promise<void> {
    const due = this.last + this.intervalMs - this.clock();
    if (due > 0) await sleep(due);
    this.last = this.clock();
  }
}

/**
 * GETs `url`. A 2xx answer is `ok` with its body; a 4xx other than 429 is returned at once (not
 * retried: asking again will not help); 5xx, 429, timeouts and network errors are retried with
 * backoff, and after the last attempt come back `ok: false` with the last status and reason.
 */
export async function httpGet(url: string, settings: HttpSettings): Promise<HttpResult> {
  const sleep = settings.sleep ?? realSleep;
  let last: { status: number | null; reason: string } = { status: null, reason: 'no attempt made' };
  for (let attempt = 1; attempt <= settings.retries + 1; attempt++) {
    if (attempt > 1) await sleep(Math.min(MAX_BACKOFF_MS, settings.backoffMs * 2 ** (attempt - 2)));
    await settings.pacer.wait(sleep);
    const outcome = await attemptGet(url, settings);
    if (outcome.kind === 'answer') {
      const { status, body, contentType } = outcome;
      if (status >= 200 && status < 300) return { ok: true, status, body, contentType, attempts: attempt };
      last = { status, reason: `HTTP ${status}` };
      if (status < 500 && status !== 429) return { ok: false, ...last, attempts: attempt };
    } else {
      last = { status: null, reason: outcome.reason };
      if (!outcome.retry) return { ok: false, ...last, attempts: attempt };
    }
  }
  return { ok: false, ...last, attempts: settings.retries + 1 };
}

type Attempt =
  | { kind: 'answer'; status: number; body: Buffer; contentType: string | null }
  | { kind: 'error'; reason: string; retry: boolean };

async function attemptGet(url: string, settings: HttpSettings): Promise<Attempt> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { 'User-Agent': settings.userAgent, Accept: '*/*', ...settings.headers },
      redirect: 'follow',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
  } catch (err) {
    return { kind: 'error', reason: describeNetworkError(err, settings.timeoutMs), retry: true };
  }
  try {
    const body = await readLimited(response, settings.maxBytes);
    if (body === null) return { kind: 'error', reason: `the response is larger than ${settings.maxBytes} bytes`, retry: false };
    return { kind: 'answer', status: response.status, body, contentType: response.headers.get('content-type') };
  } catch (err) {
    return { kind: 'error', reason: describeNetworkError(err, settings.timeoutMs), retry: true };
  }
}

/** The body, or null once it exceeds maxBytes (the rest is not read). */
async function readLimited(response: Response, maxBytes: number): Promise<Buffer | null> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e?.message ?? 'network error'} (${cause})` : (e?.message ?? String(err));
}
