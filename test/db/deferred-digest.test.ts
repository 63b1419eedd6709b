import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DeferredSha256 } from '../../src/db/deferred-digest.js';

describe('DeferredSha256', () => {
  it('gives the digest of createHash fed the same parts in the same order (strings as UTF-8)', async () => {
    const parts: Array<string | Uint8Array> = ['{"v":2}', '2026-06-30', Buffer.from([0, 1, 2, 255]), '§7.1 港股通', new Uint8Array(new Float64Array([1.5, -2]).buffer), ''];
    const deferred = new DeferredSha256();
    const direct = createHash('sha256');
    for (const p of parts) {
      deferred.update(p);
      direct.update(p);
    }
    expect(await deferred.digestHex()).toBe(direct.digest('hex'));
  });

  it('is order-sensitive and empties itself once digested', async () => {
    const ab = new DeferredSha256().update('a').update('b');
    const ba = new DeferredSha256().update('b').update('a');
    const first = await ab.digestHex();
    expect(first).not.toBe(await ba.digestHex());
    expect(await ab.digestHex()).toBe(createHash('sha256').digest('hex'));
  });
});
