/**
 * Errors as RFC 9457 problem details (`application/problem+json`): a status, a title
 * for the class of problem and a detail that names what was wrong. Only errors the
 * ledger raises on purpose say more than "internal error": no stack trace, store
 * path or vendor message reaches a client.
 */
import type { Response } from 'express';
import { z } from 'zod';
import {
  CommandRejectedError,
  ConflictRetriesExhaustedError,
  EventIdConflictError,
  EventValidationError,
  FilingConflictError,
  FilingParseError,
  HolderNotFoundError,
  InvalidValueError,
  IssuerNotFoundError,
  PathError,
  PersonNotFoundError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../ledger/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** For a request that fails its schema: each place and what is wrong there. */
  errors?: { where: string; problem: string }[];
}

/** A problem raised by the HTTP layer itself (no route, no token, wrong media type). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors?: Problem['errors'],
  ) {
    super(detail);
  }
}

const TYPE_BASE = 'https://13d-ledger.dev/problems/';

/** The problem a thrown error becomes; `unexpected` is told of anything the ledger did not raise on purpose. */
export function problemOf(error: unknown, unexpected: (error: unknown) => void = () => {}): Problem {
  const known = classify(error);
  if (known) return known;
  unexpected(error);
  return problem(
    500,
    'internal-error',
    'Internal error',
    'The server could not answer this request; the error is in its log.',
  );
}

function classify(error: unknown): Problem | null {
  if (error instanceof HttpProblem)
    return {
      ...problem(error.status, slug(error.title), error.title, error.message),
      ...(error.errors ? { errors: error.errors } : {}),
    };
  if (error instanceof z.ZodError) {
    const errors = error.issues.map((issue) => ({
      where: issue.path.join('.') || '(request)',
      problem: issue.message,
    }));
    return {
      ...problem(400, 'invalid-request', 'Invalid request', errors.map((e) => `${e.where}: ${e.problem}`).join('; ')),
      errors,
    };
  }
  if (error instanceof IssuerNotFoundError) return problem(404, 'issuer-not-found', 'Issuer not found', error.message);
  if (error instanceof PersonNotFoundError || error instanceof HolderNotFoundError)
    return problem(404, 'person-not-found', 'Person not found', error.message);
  if (error instanceof WrongExpectedRevisionError)
    return problem(409, 'stale-revision', 'Stale expected revision', error.message);
  if (error instanceof EventIdConflictError)
    return problem(409, 'event-id-conflict', 'Event id conflict', error.message);
  if (error instanceof ConflictRetriesExhaustedError)
    return problem(503, 'write-contention', 'Too many concurrent writers', error.message);
  // Another copy of the same filing (same amendment and date) with other contents is already recorded.
  if (error instanceof FilingConflictError)
    return problem(409, 'filing-conflict', 'Another copy of this filing is recorded', error.message);
  if (error instanceof FilingParseError)
    return problem(400, 'unreadable-filing', 'The filing could not be read', error.message);
  if (error instanceof EventValidationError)
    return problem(400, 'event-fails-schema', 'An event fails its schema', error.message);
  if (error instanceof CommandRejectedError) return problem(400, 'command-rejected', 'Command rejected', error.message);
  if (error instanceof InvalidValueError || error instanceof PathError)
    return problem(400, 'invalid-value', 'Invalid value', error.message);
  if (error instanceof StoreUnavailableError)
    return problem(503, 'store-unavailable', 'Store unavailable', 'The event store did not answer; try again shortly.');
  return bodyParserProblem(error);
}

/** body-parser's own errors carry a `type` and a status: too large, malformed JSON, unsupported charset. */
function bodyParserProblem(error: unknown): Problem | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  const { type, limit } = error as { type: unknown; limit?: unknown };
  if (type === 'entity.too.large')
    return problem(413, 'body-too-large', 'Request body too large', `The body is over the ${String(limit)}-byte limit`);
  if (type === 'entity.parse.failed')
    return problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON');
  if (type === 'charset.unsupported' || type === 'encoding.unsupported')
    return problem(
      415,
      'unsupported-encoding',
      'Unsupported encoding',
      "The body's charset or content encoding is not supported",
    );
  return null;
}

function problem(status: number, type: string, title: string, detail: string): Problem {
  return { type: `${TYPE_BASE}${type}`, title, status, detail };
}

function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function sendProblem(res: Response, body: Problem): void {
  if (body.status === 503) res.setHeader('Retry-After', '1');
  if (body.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="13d-ledger"');
  res.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}
