/**
 * A small EDGAR on loopback (127.0.0.1, a random port) for the sync tests: it
 * serves files at the paths EDGAR uses, logs every request (path, time,
 * User-Agent, answers in flight), and answers with faults a test queues for a
 * path: a status (429 with Retry-After, 503), a truncated body (Content-Length
 * larger than what is sent, then the socket closed), a connection reset, or a
 * slow answer.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'truncate' }
  | { kind: 'reset' }
  | { kind: 'slow'; ms: number };

export interface LoggedRequest {
  path: string;
  /** performance.now() when the request arrived. */
  at: number;
  userAgent: string | undefined;
}

export interface LocalEdgar {
  /** `http://127.0.0.1:PORT/`, to pass as --edgar-base. */
  url: string;
  files: Map<string, Buffer>;
  requests: LoggedRequest[];
  /** The most answers the server was working on at once. */
  maxInFlight: number;
  /** Every answer waits this long first (so that concurrent downloads overlap). */
  delayMs: number;
  /** Queues faults for a path (without the leading slash); `times` Infinity keeps failing. */
  fail(path: string, fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Paths of the requests for filings (under Archives/edgar/data/). */
  filingRequests(): string[];
  close(): Promise<void>;
}

export async function startLocalEdgar(files: Map<string, Buffer>): Promise<LocalEdgar> {
  const faults = new Map<string, { fault: Fault; times: number }[]>();
  let inFlight = 0;
  const edgar: LocalEdgar = {
    url: '',
    files,
    requests: [],
    maxInFlight: 0,
    delayMs: 0,
    fail(path, fault, times = 1) {
      faults.set(path, [...(faults.get(path) ?? []), { fault, times }]);
    },
    clearFaults: () => faults.clear(),
    filingRequests: () => edgar.requests.map((r) => r.path).filter((p) => p.startsWith('Archives/edgar/data/')),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const nextFault = (path: string): Fault | null => {
    const queue = faults.get(path);
    const head = queue?.[0];
    if (head === undefined) return null;
    head.times -= 1;
    if (head.times <= 0) queue!.shift();
    return head.fault;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/+/, ''));
    edgar.requests.push({ path, at: performance.now(), userAgent: req.headers['user-agent'] });
    inFlight += 1;
    edgar.maxInFlight = Math.max(edgar.maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    setTimeout(() => answer(req, res, path, nextFault(path), files.get(path)), edgar.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  edgar.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return edgar;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  fault: Fault | null,
  body: Buffer | undefined,
) {
  if (fault?.kind === 'slow') {
    setTimeout(() => answer(req, res, path, null, body), fault.ms);
    return;
  }
  if (fault?.kind === 'reset') {
    req.socket.resetAndDestroy();
    return;
  }
  if (fault?.kind === 'status') {
    const headers: Record<string, string> = { 'Content-Type': 'text/plain' };
    if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
    res.writeHead(fault.status, headers).end(`status ${fault.status}`);
    return;
  }
  if (body === undefined) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
    return;
  }
  if (fault?.kind === 'truncate') {
    // Announces the whole body, sends half of it, and closes: the client must see that bytes are missing.
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': String(body.length) });
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  const type = path.endsWith('.json') ? 'application/json' : 'text/plain';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': String(body.length) }).end(body);
}

/** The most requests that arrived within any window of `windowMs` milliseconds. */
export function maxRequestsInWindow(requests: readonly LoggedRequest[], windowMs = 1000): number {
  const times = requests.map((r) => r.at).sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < times.length; end++) {
    while (times[end]! - times[start]! >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
