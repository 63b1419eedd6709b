import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned answer: status (default 200), body, content type; `delayMs` holds the answer back (timeouts). */
export interface Reply {
  readonly status?: number;
  readonly body: Buffer | string;
  readonly type?: string;
  readonly delayMs?: number;
}

export interface ReplayServer {
  /** `http://127.0.0.1:PORT`, a random free port. */
  readonly url: string;
  /** Every request seen, in order: path with query, and the User-Agent it sent. */
  readonly requests: Array<{ path: string; userAgent: string | undefined; referer: string | undefined }>;
  close(): Promise<void>;
}

/**
 * A local HTTP server on 127.0.0.1 that replays files: each route (path + query, exactly) answers
 * its replies in order, repeating the last one; any other path is HKEX's style of 404 page.
 * Started and stopped by the test itself; nothing touches the internet.
 */
export async function startReplayServer(routes: Record<string, readonly Reply[]>): Promise<ReplayServer> {
  const served = new Map<string, number>();
  const requests: ReplayServer['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    requests.push({ path, userAgent: req.headers['user-agent'], referer: req.headers.referer });
    const replies = routes[path];
    if (!replies || replies.length === 0) {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body><h1>404 Not Found</h1></body></html>');
      return;
    }
    const n = served.get(path) ?? 0;
    served.set(path, n + 1);
    const reply = replies[Math.min(n, replies.length - 1)]!;
    const send = () => {
      const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'latin1') : reply.body;
      res.writeHead(reply.status ?? 200, { 'Content-Type': reply.type ?? 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
    };
    if (reply.delayMs) {
      const t = setTimeout(() => { timers.delete(t); if (!res.destroyed) send(); }, reply.delayMs);
      timers.add(t);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
