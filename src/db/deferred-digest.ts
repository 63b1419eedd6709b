import { webcrypto } from 'node:crypto';

/** Anything the window read can feed its day rows to: a `crypto.Hash`, or a `DeferredSha256`. */
export interface ByteSink {
  update(data: string | Uint8Array): unknown;
}

/**
 * A SHA-256 whose hashing runs off the main thread. The parts are kept in order (strings as UTF-8,
 * exactly as `Hash.update` takes them), then hashed in one go by WebCrypto on libuv's thread pool, so
 * the digest equals the one a `createHash('sha256')` fed the same parts would give.
 *
 * Why (issue 7): the inputs fingerprint hashes the whole review window as stored, ~13 MB on a full
 * market: ~17 ms of the main thread, spent while nothing else could run. Deferred, it runs on the
 * second core while the rules work, and costs the main thread one copy of the bytes (~3 ms).
 */
export class DeferredSha256 implements ByteSink {
  private parts: Uint8Array[] = [];

  update(data: string | Uint8Array): this {
    this.parts.push(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    return this;
  }

  /** Starts the hashing of everything fed so far; the sink is then empty. */
  digestHex(): Promise<string> {
    const bytes = Buffer.concat(this.parts);
    this.parts = [];
    return webcrypto.subtle.digest('SHA-256', bytes).then((d) => Buffer.from(d).toString('hex'));
  }
}
