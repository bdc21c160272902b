/**
 * Bearer tokens: writes need LEDGER_TOKEN (none set: the server refuses writes and says
 * why); reads are open unless LEDGER_READ_TOKEN is set (then either token reads). Tokens
 * are compared in constant time, as digests of equal length, and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { HttpProblem } from './problem.js';

export interface Tokens {
  write: string | null;
  read: string | null;
}

export type Access = 'read' | 'write';

export function tokensFromEnv(env: NodeJS.ProcessEnv = process.env): Tokens {
  return { write: nonEmpty(env.LEDGER_TOKEN), read: nonEmpty(env.LEDGER_READ_TOKEN) };
}

/** Throws the 401 or 403 problem when the request may not do this. */
export function authorize(req: Request, access: Access, tokens: Tokens): void {
  const given = bearer(req);
  if (access === 'write') {
    if (tokens.write === null)
      throw new HttpProblem(
        403,
        'Writes disabled',
        'This server accepts no writes: start it with LEDGER_TOKEN set to enable them',
      );
    if (given === null || !same(given, tokens.write))
      throw unauthorized('Writes need the bearer token set in LEDGER_TOKEN');
    return;
  }
  if (tokens.read === null) return;
  if (given === null || !(same(given, tokens.read) || (tokens.write !== null && same(given, tokens.write)))) {
    throw unauthorized('Reads need the bearer token set in LEDGER_READ_TOKEN');
  }
}

function unauthorized(detail: string): HttpProblem {
  return new HttpProblem(401, 'Unauthorized', detail);
}

function bearer(req: Request): string | null {
  const header = req.get('authorization');
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Constant time in the token's content: both sides hashed to 32 bytes first. */
function same(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
