/**
 * Translation at the edge: pg's errors and rows into the port's own, so that no
 * driver type, SQLSTATE or string-typed bigint leaks past the adapter.
 */
import type { EventMetadata, RecordedEvent } from '../event-store.js';
import { markAttested } from '../attestation.js';
import { sealMatches } from '../hash-chain.js';
import {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  StoreSchemaError,
  StoreUnavailableError,
  UnsupportedStoreUrlError,
  WrongExpectedRevisionError,
} from '../errors.js';

/** Where a store URL points, for messages: never the password. */
export interface Target {
  host: string;
  port: string;
  database: string;
  /** `host:port/database`, or `socket-dir/database` for a Unix socket. */
  display: string;
}

/** Reads host, port and database as libpq would (defaults localhost, 5432, the user's name). */
export function describeTarget(connectionString: string): Target {
  let url: URL;
  try {
    // `postgres://user@/db?host=/run/postgresql` (a socket) has no host, which URL refuses: as pg does, put one in.
    url = new URL(connectionString.replace('@/', '@localhost/'));
  } catch {
    throw new UnsupportedStoreUrlError(
      'Cannot read the PostgreSQL store URL: expected postgres://user@host:5432/database',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new UnsupportedStoreUrlError(
      `A PostgreSQL store URL starts with postgres:// or postgresql://, got ${url.protocol}//`,
    );
  }
  const socket = url.searchParams.get('host');
  const host = socket ?? (decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')) || 'localhost');
  const port = url.searchParams.get('port') ?? (url.port || '5432');
  const user = decodeURIComponent(url.username) || process.env.PGUSER || process.env.USER || '';
  const database = decodeURIComponent(url.pathname.slice(1)) || url.searchParams.get('dbname') || user;
  const display = host.startsWith('/') ? `${host}/${database}` : `${host}:${port}/${database}`;
  return { host, port, database, display };
}

/** The columns every read selects, in this order (see toRecordedEvent). */
export const COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at, seal';

export interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: Date;
  seal: Buffer | null;
}

/** An event as the port gives it, flagged as attested when its seal matches the store's key (../attestation.ts). */
export function toRecordedEvent(row: EventRow, key: Buffer | null): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  metadata.recordedAt = row.recorded_at.toISOString();
  const event = {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
  };
  return key !== null && sealMatches(key, row.seal, row.type, row.data, row.metadata) ? markAttested(event) : event;
}

/** SQLSTATE classes and driver messages that mean the connection, not the statement, failed. */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
]);
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Client was closed/i;

export function isConnectionLoss(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (CONNECTION_STATES.has(code) || CONNECTION_CODES.has(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionLoss);
  return CONNECTION_MESSAGES.test(error.message);
}

/** A unique violation of the log's table: which guard refused the row. */
export type UniqueViolation = { guard: 'revision' } | { guard: 'id'; id: string };

export function uniqueViolation(error: unknown): UniqueViolation | undefined {
  const e = error as { code?: unknown; constraint?: unknown; detail?: unknown };
  if (e?.code !== '23505') return undefined;
  if (e.constraint === 'ledger_events_stream_revision_key') return { guard: 'revision' };
  if (e.constraint === 'ledger_events_id_key') {
    return { guard: 'id', id: /\(id\)=\(([^)]+)\)/.exec(String(e.detail))?.[1] ?? '(unknown)' };
  }
  return undefined;
}

const PORT_ERRORS = [
  WrongExpectedRevisionError,
  EventIdConflictError,
  InvalidStoreInputError,
  UnsupportedStoreUrlError,
  StoreClosedError,
  StoreSchemaError,
  StoreUnavailableError,
];

/**
 * Port errors pass through; anything from pg becomes the port's own, the original kept
 * as `cause`: a lost or refused connection a StoreUnavailableError naming the server and
 * what to check, text PostgreSQL cannot store an InvalidStoreInputError, a missing table
 * a StoreSchemaError.
 */
export function toPortError(error: unknown, what: string, target: Target): Error {
  if (PORT_ERRORS.some((type) => error instanceof type)) return error as Error;
  const message = messageOf(error);
  const code = (error as { code?: unknown })?.code;
  const failed = `PostgreSQL ${what} at ${target.display} failed: ${message}`;
  if (code === '22021' || code === '22P05') {
    return new InvalidStoreInputError(`${what}: PostgreSQL cannot store this text (${message})`, { cause: error });
  }
  if (code === '42P01') {
    return new StoreSchemaError(`${failed} (the ledger schema is missing: run \`13d-ledger store migrate\`)`, {
      cause: error,
    });
  }
  if (code === '3D000') {
    return new StoreUnavailableError(
      `${failed} (create it with \`createdb -h ${target.host} -p ${target.port} ${target.database}\`, then run \`13d-ledger store migrate\`)`,
      { cause: error },
    );
  }
  if (code === '42501') {
    return new StoreUnavailableError(
      `${failed} (the store URL's role lacks this privilege: the ledger's role needs SELECT and INSERT on ledger_events, and \`store migrate\` runs as the tables' owner)`,
      { cause: error },
    );
  }
  if (code === '28P01' || code === '28000') {
    return new StoreUnavailableError(
      `${failed} (check the user and password in the store URL, PGPASSWORD or ~/.pgpass)`,
      { cause: error },
    );
  }
  if (isConnectionLoss(error)) {
    const check = target.host.startsWith('/')
      ? `pg_isready -h ${target.host}`
      : `pg_isready -h ${target.host} -p ${target.port}`;
    return new StoreUnavailableError(
      `${failed} (is the PostgreSQL server at ${target.display} running and reachable? check with \`${check}\`, and check the host, port and database in --store or LEDGER_STORE)`,
      { cause: error },
    );
  }
  return new StoreUnavailableError(failed, { cause: error });
}

/** Node 20 reports a refused connection to several addresses as an AggregateError with an empty message. */
function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message !== '') return error.message;
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('; ');
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : error.name;
}
