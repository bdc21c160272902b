/**
 * One open SQLite file with the embedded store's prepared statements: the
 * append transaction and the reads. The store opens it lazily (see sqlite-event-store.ts).
 */
import Database from 'better-sqlite3';
import type { AppendOptions, AppendResult, EventFilter, RecordedEvent } from '../event-store.js';
import {
  EventIdConflictError,
  StoreReadOnlyError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../errors.js';
import { normaliseExpectedRevision, type SerialisedEvent } from '../validate-input.js';
import { applySchema, schemaNeedsWork, schemaVersion } from './schema.js';
import { chainWriter, sqliteEvidence, type SqliteEvidence } from './sqlite-chain.js';
import { markAttested } from '../attestation.js';
import { sealMatches, sealOf } from '../hash-chain.js';
import { openDatabase } from './sqlite-open.js';
import { translatingSqlite } from './sqlite-errors.js';
import type { SqliteLocation } from './sqlite-url.js';

interface EventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at, seal';
/** Reads fetch rows as arrays in COLUMNS order: about a quarter cheaper than objects on a replay. */
type EventTuple = [
  position: bigint,
  id: string,
  stream: string,
  revision: bigint,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  seal: Buffer | null,
];
/** SQLite's "no limit". */
export const ALL = -1;

export interface SqliteConnection {
  /** `attested`: the ledger validated the batch, and the store seals it (see ../attestation.ts). */
  append(stream: string, batch: SerialisedEvent[], options: AppendOptions | undefined, attested: boolean): AppendResult;
  readForwards(stream: string, from: bigint, limit: number): RecordedEvent[];
  readBackwards(stream: string, from: bigint, limit: number): RecordedEvent[];
  readAllRows(fromPosition: bigint, limit: number, filter: EventFilter | undefined): RecordedEvent[];
  /** The rows with their hashes, for `verify`. */
  evidence: SqliteEvidence;
  close(): void;
}

export interface SqliteConnectionOptions {
  now: () => Date;
  /** Create a missing directory: only for the program's own default location. */
  createDirectory: boolean;
}

export function openSqliteConnection(location: SqliteLocation, options: SqliteConnectionOptions): SqliteConnection {
  const where = { path: location.path, busyTimeoutMs: location.busyTimeoutMs };
  const { db, readOnly } = openDatabase(location, options);
  try {
    const connection = translatingSqlite(where, () => prepareConnection(db, location, readOnly, options.now));
    return wrapErrors(connection, where);
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Every call of a connection, with SQLite's errors translated into the port's. */
function wrapErrors(connection: SqliteConnection, where: { path: string; busyTimeoutMs: number }): SqliteConnection {
  return {
    append: (stream, batch, options, attested) =>
      translatingSqlite(where, () => connection.append(stream, batch, options, attested)),
    readForwards: (stream, from, limit) => translatingSqlite(where, () => connection.readForwards(stream, from, limit)),
    readBackwards: (stream, from, limit) =>
      translatingSqlite(where, () => connection.readBackwards(stream, from, limit)),
    readAllRows: (from, limit, filter) => translatingSqlite(where, () => connection.readAllRows(from, limit, filter)),
    evidence: connection.evidence,
    close: () => connection.close(),
  };
}

/** WAL mode, waiting (up to the busy timeout) while another process is creating the same file. */
function useWriteAheadLog(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20);
    }
  }
}

/** The schema of a file opened read-only is checked, never created or upgraded. */
function assertReadableSchema(db: Database.Database, path: string): void {
  const tables = db
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'events'")
    .get() as { n: bigint };
  if (Number(tables.n) === 0)
    throw new StoreUnavailableError(`${path} holds no ledger (no events table), and it is open read-only`);
}

/** The file's settings and schema; returns what reads need: whether the file has the chain, and the seal key. */
function setUp(db: Database.Database, location: SqliteLocation, readOnly: string | null, now: () => Date) {
  if (readOnly === null) useWriteAheadLog(db, location.busyTimeoutMs);
  db.pragma(`synchronous = ${location.synchronous.toUpperCase()}`);
  db.defaultSafeIntegers(true);
  // The write lock is taken only when the schema needs creating: reads never wait for another writer.
  if (readOnly === null && schemaNeedsWork(db)) db.transaction(() => applySchema(db, now)).immediate();
  if (readOnly !== null) assertReadableSchema(db, location.path);
  // A version-1 file opened read-only has no chain, no seals and no key: it is read as it is.
  const chained = schemaVersion(db) >= 2;
  const keyRow = chained ? db.prepare("SELECT value FROM store_secrets WHERE name = 'seal-key'").get() : undefined;
  return { chained, key: (keyRow as { value: Buffer } | undefined)?.value ?? null };
}

function prepareConnection(
  db: Database.Database,
  location: SqliteLocation,
  readOnly: string | null,
  now: () => Date,
): SqliteConnection {
  const { path } = location;
  const { chained, key } = setUp(db, location, readOnly, now);
  const columns = chained ? COLUMNS : `${COLUMNS.replace(', seal', '')}, NULL AS seal`;
  const toRecorded = (row: EventTuple) => toRecordedEvent(row, key);
  const byId = db.prepare<[string], EventRow>(`SELECT ${columns} FROM events WHERE id = ?`);
  const forwards = db
    .prepare<[string, bigint, number], EventTuple>(
      `SELECT ${columns} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
    )
    .raw(true);
  const backwards = db
    .prepare<[string, bigint, number], EventTuple>(
      `SELECT ${columns} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
    )
    .raw(true);
  const readAll = readAllStatements(db, columns);
  const chain = readOnly === null ? chainWriter(db) : null;

  const appendInTransaction = db.transaction(
    (stream: string, batch: SerialisedEvent[], options: AppendOptions | undefined, attested: boolean) => {
      const expected = normaliseExpectedRevision(options);
      const retried = findRetriedBatch(
        batch.map((event) => byId.get(event.id)),
        stream,
        batch,
      );
      if (retried) return retried;
      const streamHead = chain!.streamHead(stream);
      checkExpectedRevision(stream, expected, streamHead?.revision ?? null);
      const recordedAt = now().toISOString();
      const first = streamHead === undefined ? 0n : streamHead.revision + 1n;
      const events = batch.map((event, i) => {
        const seal = attested && key !== null ? sealOf(key, event.type, event.data, event.metadata) : null;
        const position = chain!.insert({ ...event, stream, revision: first + BigInt(i), recordedAt, seal });
        return { id: event.id, revision: first + BigInt(i), position };
      });
      return { nextExpectedRevision: events[events.length - 1]!.revision, events, written: true };
    },
  );

  function readAllRows(fromPosition: bigint, limit: number, filter: EventFilter | undefined): RecordedEvent[] {
    const params: unknown[] = [fromPosition];
    for (const prefix of filter?.streamPrefixes ?? []) params.push(prefix, prefix);
    params.push(...(filter?.types ?? []), limit);
    return readAll(filter)
      .all(...params)
      .map(toRecorded);
  }

  return {
    append(stream, batch, appendOptions, attested) {
      if (readOnly !== null) {
        throw new StoreReadOnlyError(`Cannot append to the SQLite store at ${path}: ${readOnly}; queries work`);
      }
      return appendInTransaction.immediate(stream, batch, appendOptions, attested);
    },
    readForwards: (stream, from, limit) => forwards.all(stream, from, limit).map(toRecorded),
    readBackwards: (stream, from, limit) => backwards.all(stream, from, limit).map(toRecorded),
    readAllRows,
    evidence: sqliteEvidence(db, { path, readOnly, chained, key }),
    close: () => db.close(),
  };
}

/** A retry sends ids already stored: the same content gives back the original result, anything else is a conflict. */
function findRetriedBatch(
  stored: ReadonlyArray<EventRow | undefined>,
  stream: string,
  batch: SerialisedEvent[],
): AppendResult | null {
  const found = stored.filter((row) => row !== undefined);
  if (found.length === 0) return null;
  for (const [i, row] of stored.entries()) {
    const event = batch[i]!;
    if (!row) {
      const why = `part of this batch was appended before and part was not (${event.id} is new)`;
      throw new EventIdConflictError(found[0]!.id, why);
    }
    if (row.stream !== stream) throw new EventIdConflictError(event.id, `it was appended to stream "${row.stream}"`);
    if (row.type !== event.type || row.data !== event.data || row.metadata !== event.metadata) {
      throw new EventIdConflictError(event.id, 'it was appended before with different content');
    }
    if (i > 0 && row.revision !== stored[i - 1]!.revision + 1n) {
      throw new EventIdConflictError(event.id, 'it was appended before in another batch');
    }
  }
  const events = found.map((row) => ({ id: row.id, revision: row.revision, position: row.position }));
  return { nextExpectedRevision: events[events.length - 1]!.revision, events, written: false };
}

/** One prepared readAll statement per shape of filter (how many prefixes, how many types), made on first use. */
function readAllStatements(db: Database.Database, columns: string) {
  const statements = new Map<string, Database.Statement<unknown[], EventTuple>>();
  return (filter: EventFilter | undefined): Database.Statement<unknown[], EventTuple> => {
    const prefixes = filter?.streamPrefixes?.length ?? 0;
    const types = filter?.types?.length ?? 0;
    const key = `${prefixes}:${types}`;
    let statement = statements.get(key);
    if (!statement) {
      const where = ['position >= ?'];
      if (prefixes > 0) where.push(`(${Array(prefixes).fill('substr(stream, 1, length(?)) = ?').join(' OR ')})`);
      if (types > 0) where.push(`type IN (${Array(types).fill('?').join(', ')})`);
      const sql = `SELECT ${columns} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`;
      statement = db.prepare<unknown[], EventTuple>(sql).raw(true);
      statements.set(key, statement);
    }
    return statement;
  };
}

function checkExpectedRevision(
  stream: string,
  expected: ReturnType<typeof normaliseExpectedRevision>,
  current: bigint | null,
): void {
  const actual = current ?? 'no_stream';
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'bigint' && current === expected);
  if (!holds) throw new WrongExpectedRevisionError(stream, expected, actual);
}

/** An event as the port gives it, flagged as attested when its seal matches the store's key. */
function toRecordedEvent(row: EventTuple, key: Buffer | null): RecordedEvent {
  const metadata = JSON.parse(row[6]) as RecordedEvent['metadata'];
  metadata.recordedAt = row[7];
  const event = {
    id: row[1],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata,
    stream: row[2],
    revision: row[3],
    position: row[0],
  };
  return key !== null && sealMatches(key, row[8], row[4], row[5], row[6]) ? markAttested(event) : event;
}
