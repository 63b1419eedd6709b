import { afterEach, describe, expect, it } from 'vitest';
import { httpGet, Pacer, type HttpSettings } from '../../src/fetch/http-get.js';
import { startReplayServer, type ReplayServer } from './replay-server.js';

const servers: ReplayServer[] = [];
afterEach(async () => { await Promise.all(servers.splice(0).map((s) => s.close())); });

async function serve(routes: Parameters<typeof startReplayServer>[0]) {
  const s = await startReplayServer(routes);
  servers.push(s);
  return s;
}

/** Settings whose sleeps are recorded, not slept: the backoff schedule is checked without waiting. */
function settings(over: Partial<HttpSettings> = {}): { s: HttpSettings; slept: number[] } {
  const slept: number[] = [];
  const sleep = async (ms: number) => { slept.push(ms); };
  return { s: { userAgent: 'hkconnect-test', timeoutMs: 2000, retries: 3, backoffMs: 100, maxBytes: 1000, pacer: new Pacer(0), sleep, ...over }, slept };
}

describe('httpGet', () => {
  it('backs off exponentially between retries of 5xx and 429, then succeeds', async () => {
    const server = await serve({ '/x': [{ status: 502, body: 'a' }, { status: 429, body: 'b' }, { status: 500, body: 'c' }, { body: 'ok' }] });
    const { s, slept } = settings();
    const r = await httpGet(`${server.url}/x`, s);
    expect(r).toMatchObject({ ok: true, status: 200, attempts: 4 });
    expect(r.ok && r.body.toString()).toBe('ok');
    expect(slept).toEqual([100, 200, 400]);
  });

  it('stops after the bounded retries with the last status', async () => {
    const server = await serve({ '/x': [{ status: 503, body: '' }] });
    const { s } = settings({ retries: 2 });
    expect(await httpGet(`${server.url}/x`, s)).toEqual({ ok: false, status: 503, reason: 'HTTP 503', attempts: 3 });
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const server = await serve({});
    const { s, slept } = settings();
    expect(await httpGet(`${server.url}/gone`, s)).toEqual({ ok: false, status: 404, reason: 'HTTP 404', attempts: 1 });
    expect(slept).toEqual([]);
  });

  it('retries a timeout and takes the prompt answer after it', async () => {
    const server = await serve({ '/slow': [{ body: 'late', delayMs: 1500 }, { body: 'ok' }] });
    const { s } = settings({ timeoutMs: 200 });
    const r = await httpGet(`${server.url}/slow`, s);
    expect(r).toMatchObject({ ok: true, attempts: 2 });
  });

  it('reports a timeout on every attempt as one reason', async () => {
    const server = await serve({ '/slow': [{ body: 'late', delayMs: 1500 }] });
    const { s } = settings({ timeoutMs: 100, retries: 1 });
    expect(await httpGet(`${server.url}/slow`, s)).toEqual({ ok: false, status: null, reason: 'no answer within 100 ms', attempts: 2 });
  });

  it('refuses a body over maxBytes without retrying, and sends the User-Agent', async () => {
    const server = await serve({ '/big': [{ body: 'x'.repeat(1001) }] });
    const { s } = settings();
    expect(await httpGet(`${server.url}/big`, s)).toEqual({ ok: false, status: null, reason: 'the response is larger than 1000 bytes', attempts: 1 });
    expect(server.requests[0]!.userAgent).toBe('hkconnect-test');
  });
});

describe('Pacer', () => {
  it('keeps the interval between request starts, on an injected clock', async () => {
    let now = 1000;
    const slept: number[] = [];
    const pacer = new Pacer(500, () => now);
    const sleep = async (ms: number) => { slept.push(ms); now += ms; };
    await pacer.wait(sleep);
    now += 200;
    await pacer.wait(sleep);
    now += 600;
    await pacer.wait(sleep);
    expect(slept).toEqual([300]);
  });
});
