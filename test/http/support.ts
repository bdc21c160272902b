/**
 * A real server on loopback over a real store, and a client whose every answer is
 * checked against what the OpenAPI document says that route returns (so a route that
 * drifts from its documented shape fails whichever test calls it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { ROUTES, type Route } from '../../src/http/routes.js';
import { ProblemResponse } from '../../src/http/response-schemas.js';
import { startServer, type RunningServer, type ServerOptions } from '../../src/http/server.js';

export const WRITE_TOKEN = 'test-write-token-0123456789';

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON (problem or success), or undefined for CSV and HTML. */
  json: any;
}

export interface TestServer extends RunningServer {
  dir: string;
  get(path: string, headers?: Record<string, string>): Promise<Answer>;
  post(path: string, body: string | Buffer, headers?: Record<string, string>): Promise<Answer>;
  stop(): Promise<void>;
}

/** A server on a SQLite file of its own (the sample loaded unless `empty`), writes enabled with WRITE_TOKEN. */
export async function testServer(options: Partial<ServerOptions> & { empty?: boolean } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-http-'));
  const server = await startServer({
    storeUrl: `sqlite:${join(dir, 'ledger.db')}`,
    port: 0,
    tokens: { write: WRITE_TOKEN, read: null },
    loadSampleIfEmpty: options.empty !== true,
    log: () => {},
    ...options,
  });
  const request = async (
    method: string,
    path: string,
    body: string | Buffer | undefined,
    headers: Record<string, string> = {},
  ): Promise<Answer> => {
    const response = await fetch(new URL(path, server.url), {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    const answer = {
      status: response.status,
      contentType,
      text,
      json: /json/.test(contentType) ? JSON.parse(text) : undefined,
    };
    checkAgainstDocument(method, path, answer);
    return answer;
  };
  return {
    ...server,
    dir,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** operationIds of routes that answered with a documented success, in this test file (every route should). */
export const answeredRoutes = new Set<string>();

/** Problems must be problem+json of the documented shape; successes of the route's documented schema. */
function checkAgainstDocument(method: string, path: string, answer: Answer): void {
  if (answer.status >= 400) {
    expect(answer.contentType).toMatch(/^application\/problem\+json/);
    ProblemResponse.parse(answer.json);
    expect(answer.json.status).toBe(answer.status);
    return;
  }
  const route = routeOf(method, new URL(path, 'http://x').pathname);
  if (route === undefined || answer.json === undefined) return;
  const documented = route.responses[answer.status];
  expect(documented, `${method} ${path} answered ${answer.status}, which its route does not document`).toBeDefined();
  documented!.schema.parse(answer.json);
  answeredRoutes.add(route.operationId);
}

export function routeOf(method: string, pathname: string): Route | undefined {
  return ROUTES.find(
    (route) =>
      route.method === method.toLowerCase() && new RegExp(`^${route.path.replace(/:\w+/g, '[^/]+')}$`).test(pathname),
  );
}

export const bearer = (token = WRITE_TOKEN) => ({ authorization: `Bearer ${token}` });
export const json = (token = WRITE_TOKEN) => ({ ...bearer(token), 'content-type': 'application/json' });
