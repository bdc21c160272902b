/**
 * The HTTP service: the route table (routes.ts) served with express, each request
 * checked against its zod schemas before a ledger service runs, and every failure
 * answered as problem details. A thin shell: no ledger logic lives here.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { MAX_FILING_BYTES } from '../ledger/filing-input.js';
import { authorize, type Tokens } from './auth.js';
import { openApiDocument } from './openapi.js';
import { servePage } from './page.js';
import { HttpProblem, problemOf, sendProblem } from './problem.js';
import { ROUTES, type Route, type RouteContext } from './routes.js';

export interface AppOptions extends RouteContext {
  tokens: Tokens;
  /** Largest filing an ingest accepts. @defaultValue MAX_FILING_BYTES (50 MB) */
  maxFilingBytes?: number;
  /** Told of every error the ledger did not raise on purpose (the response says only "internal error"). */
  onUnexpectedError?: (error: unknown, req: Request) => void;
}

/** JSON bodies of commands are small: a correction names a few fields. */
const MAX_JSON_BYTES = 64 * 1024;

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('json replacer', (_key: string, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));
  const document = openApiDocument(ROUTES);
  app.get('/openapi.json', (_req, res) => void res.json(document));
  for (const route of ROUTES) app[route.method](route.path, ...bodyParsers(route, options), handler(route, options));
  servePage(app);
  app.use((req: Request) => {
    throw new HttpProblem(404, 'Not found', `No route ${req.method} ${req.path}; see /openapi.json`);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    sendProblem(
      res,
      problemOf(error, (e) => options.onUnexpectedError?.(e, req)),
    );
  });
  return app;
}

function bodyParsers(route: Route, options: AppOptions) {
  const checkAccess = (req: Request, _res: Response, next: NextFunction) => {
    // Before the body is read: a caller without the token does not get to upload 50 MB.
    authorize(req, route.access, options.tokens);
    next();
  };
  if (route.body === undefined) return [checkAccess];
  if (route.body.kind === 'json') {
    return [checkAccess, requireMediaType(['application/json']), express.json({ limit: MAX_JSON_BYTES, strict: true })];
  }
  const types = route.body.mediaTypes;
  return [
    checkAccess,
    requireMediaType(types),
    express.raw({ type: () => true, limit: options.maxFilingBytes ?? MAX_FILING_BYTES }),
  ];
}

function requireMediaType(types: readonly string[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.is([...types])) {
      const given = req.get('content-type') ?? 'none';
      throw new HttpProblem(
        415,
        'Unsupported media type',
        `Content-Type ${given} is not accepted here; send one of ${types.join(', ')}`,
      );
    }
    next();
  };
}

function handler(route: Route, options: AppOptions) {
  return async (req: Request, res: Response) => {
    const params = route.params ? route.params.parse(req.params) : {};
    const query = (route.query ?? EMPTY_QUERY).parse(req.query) as Record<string, string | undefined>;
    const body = route.body?.kind === 'json' ? route.body.schema.parse(req.body) : req.body;
    if (route.body?.kind === 'filing' && (!Buffer.isBuffer(body) || body.length === 0))
      throw new HttpProblem(400, 'Empty body', 'Send the filing as the request body');
    const result = await route.handle({ params: params as Record<string, string>, query, body }, options);
    res.status(result.status ?? 200);
    if (route.csv && wantsCsv(req, query)) {
      res.type('text/csv; charset=utf-8').send((route.csv as (value: unknown) => string)(result.body));
      return;
    }
    res.json(result.body);
  };
}

const EMPTY_QUERY = { parse: (query: unknown) => emptyQuery(query) };

/** A route that takes no query parameters refuses any, as the others refuse unknown ones. */
function emptyQuery(query: unknown): Record<string, never> {
  const names = Object.keys((query as object) ?? {});
  if (names.length > 0)
    throw new HttpProblem(400, 'Invalid request', `Unknown query parameter(s): ${names.join(', ')}`);
  return {};
}

function wantsCsv(req: Request, query: Record<string, string | undefined>): boolean {
  if (query.format !== undefined) return query.format === 'csv';
  return req.accepts(['application/json', 'text/csv']) === 'text/csv';
}
