/**
 * The OpenAPI 3.1 document, generated from the route table and the same zod schemas
 * that check requests and describe responses: nothing is written twice. Schemas named
 * with `.meta({ id })` become components; every $ref points at them.
 */
import { z } from 'zod';
import { FILING_MEDIA_TYPES, type Route } from './routes.js';
import { ProblemResponse } from './response-schemas.js';

type Json = Record<string, unknown>;

/** The problem responses a route can give, besides its own successes. */
export function problemStatuses(route: Route): number[] {
  // 401 on reads too: a server started with LEDGER_READ_TOKEN wants it on every call.
  const statuses = [400, 401, 404, 500, 503];
  if (route.access === 'write') statuses.push(403, 409);
  if (route.body !== undefined) statuses.push(413, 415);
  return statuses.sort((a, b) => a - b);
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Bad input: a parameter, the body, or the filing (the detail names which and where)',
  401: 'No bearer token, or the wrong one',
  403: 'Writes are disabled on this server (no LEDGER_TOKEN)',
  404: 'No such issuer, person or route',
  409: 'The stream moved on since expectedRevision, an event id is taken, or another copy of the filing is recorded',
  413: 'The body is over the size limit',
  415: 'The body is not of a media type this route reads',
  500: 'An internal error (details in the server log only)',
  503: 'The store did not answer, or writers kept conflicting; retry',
};

export function openApiDocument(routes: readonly Route[]): Json {
  const components: Record<string, unknown> = {};
  const convert = (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;
    const { $defs, $schema: _, ...rest } = json as Json & { $defs?: Record<string, unknown> };
    for (const [id, def] of Object.entries($defs ?? {})) components[id] = pointAtComponents(def);
    return pointAtComponents(rest) as Json;
  };
  const problem = convert(ProblemResponse, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[route.method] = operation(route, convert, problem);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '13d-ledger',
      version: '1',
      description:
        'An event-sourced history of SEC Schedule 13D statements: holdings, groups, histories and filings at any date, as known at any time.',
    },
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'LEDGER_TOKEN for writes; LEDGER_READ_TOKEN (when set) for reads',
        },
      },
    },
  };
}

function operation(route: Route, convert: (schema: z.ZodType, io: 'input' | 'output') => Json, problem: Json): Json {
  const parameters = [...parametersOf(route.params, 'path', convert), ...parametersOf(route.query, 'query', convert)];
  const responses: Record<string, unknown> = {};
  for (const [status, { description, schema }] of Object.entries(route.responses)) {
    const content: Record<string, unknown> = { 'application/json': { schema: convert(schema, 'output') } };
    if (route.csv) content['text/csv'] = { schema: { type: 'string' } };
    responses[status] = { description, content };
  }
  for (const status of problemStatuses(route)) {
    responses[String(status)] = {
      description: PROBLEM_DESCRIPTIONS[status],
      content: { 'application/problem+json': { schema: problem } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    ...(route.access === 'write' ? { security: [{ bearer: [] }] } : { security: [{}, { bearer: [] }] }),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body === undefined ? {} : { requestBody: requestBody(route.body, convert) }),
    responses,
  };
}

function requestBody(
  body: NonNullable<Route['body']>,
  convert: (schema: z.ZodType, io: 'input' | 'output') => Json,
): Json {
  if (body.kind === 'json')
    return { required: true, content: { 'application/json': { schema: convert(body.schema, 'input') } } };
  const types = body.mediaTypes.length > 0 ? body.mediaTypes : FILING_MEDIA_TYPES;
  return {
    required: true,
    description:
      'The filing as EDGAR serves it: a text or HTML Schedule 13D, an EDGAR XML 13D, or a full submission (.txt)',
    content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
  };
}

function parametersOf(
  schema: z.ZodObject | undefined,
  where: 'path' | 'query',
  convert: (schema: z.ZodType, io: 'input' | 'output') => Json,
): Json[] {
  if (schema === undefined) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = convert(field as z.ZodType, 'input');
    const { description, ...rest } = json as Json & { description?: string };
    const optional = (field as z.ZodType).safeParse(undefined).success;
    return {
      name,
      in: where,
      required: where === 'path' || !optional,
      ...(description ? { description } : {}),
      schema: rest,
    };
  });
}

/** z.toJSONSchema refers to `#/$defs/Id`; in the document they live under components. */
function pointAtComponents(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pointAtComponents);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === '$ref' && typeof item === 'string'
        ? item.replace('#/$defs/', '#/components/schemas/')
        : pointAtComponents(item),
    ]),
  );
}
