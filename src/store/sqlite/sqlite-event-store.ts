/**
 * The embedded event store: one SQLite file through better-sqlite3.
 *
 * WAL mode lets readers run beside the one writer. Each append is one
 * BEGIN IMMEDIATE transaction, so appends from several processes on one file
 * are serialised by SQLite's write lock, and the unique (stream, revision)
 * constraint is the last guard against two writers taking one revision.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  EventFilter,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { EventIdConflictError, StoreClosedError, WrongExpectedRevisionError } from '../errors.js';
import {
  assertLimit,
  assertRevision,
  assertStreamName,
  normaliseExpectedRevision,
  serialiseBatch,
  type SerialisedEvent,
} from '../validate-input.js';
import { startCatchUpSubscription } from '../catch-up-subscription.js';
import { applySchema } from './schema.js';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for a store that lives as long as this object. */
  path: string;
  /** @defaultValue `() => new Date()` */
  now?: () => Date;
  /** How long a writer waits for another process's write lock. @defaultValue 10000 ms */
  busyTimeoutMs?: number;
  /** How often a live subscription looks for events appended by other processes. @defaultValue 50 ms */
  pollIntervalMs?: number;
}

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

const COLUMNS = 'position, id, stream, revision, type, data, metadata, recorded_at';
/** SQLite's "no limit". */
const ALL = -1;

export function getSqliteEventStore(storeOptions: SqliteEventStoreOptions): EventStore {
  const now = storeOptions.now ?? (() => new Date());
  if (storeOptions.path !== ':memory:') mkdirSync(dirname(storeOptions.path), { recursive: true });
  const db = new Database(storeOptions.path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${storeOptions.busyTimeoutMs ?? 10_000}`);
  db.defaultSafeIntegers(true);
  applySchema(db);

  const byId = db.prepare<[string], EventRow>(`SELECT ${COLUMNS} FROM events WHERE id = ?`);
  const lastRevision = db
    .prepare<[string], { revision: bigint | null }>('SELECT MAX(revision) AS revision FROM events WHERE stream = ?');
  const insert = db.prepare<[string, string, bigint, string, string, string, string]>(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const forwards = db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?`,
  );
  const backwards = db.prepare<[string, bigint, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`,
  );
  const readAllStatements = new Map<string, Database.Statement<unknown[], EventRow>>();
  const appendListeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const appendInTransaction = db.transaction((stream: string, batch: SerialisedEvent[], options?: AppendOptions) => {
    const expected = normaliseExpectedRevision(options);
    const retried = findRetriedBatch(stream, batch);
    if (retried) return retried;
    const current = lastRevision.get(stream)?.revision ?? null;
    checkExpectedRevision(stream, expected, current);
    const recordedAt = now().toISOString();
    const first = current === null ? 0n : current + 1n;
    const events = batch.map((event, i) => {
      const revision = first + BigInt(i);
      const { lastInsertRowid } = insert.run(event.id, stream, revision, event.type, event.data, event.metadata, recordedAt);
      return { id: event.id, revision, position: BigInt(lastInsertRowid) };
    });
    return { nextExpectedRevision: events[events.length - 1]!.revision, events };
  });

  /** A retry sends ids already stored: the same content gives back the original result, anything else is a conflict. */
  function findRetriedBatch(stream: string, batch: SerialisedEvent[]): AppendResult | null {
    const stored = batch.map((event) => byId.get(event.id));
    const found = stored.filter((row) => row !== undefined);
    if (found.length === 0) return null;
    for (const [i, row] of stored.entries()) {
      const event = batch[i]!;
      if (!row) throw new EventIdConflictError(found[0]!.id, `part of this batch was appended before and part was not (${event.id} is new)`);
      if (row.stream !== stream) throw new EventIdConflictError(event.id, `it was appended to stream "${row.stream}"`);
      if (row.type !== event.type || row.data !== event.data || row.metadata !== event.metadata) {
        throw new EventIdConflictError(event.id, 'it was appended before with different content');
      }
      if (i > 0 && row.revision !== stored[i - 1]!.revision + 1n) {
        throw new EventIdConflictError(event.id, 'it was appended before in another batch');
      }
    }
    const events = found.map((row) => ({ id: row.id, revision: row.revision, position: row.position }));
    return { nextExpectedRevision: events[events.length - 1]!.revision, events };
  }

  function readAllStatement(filter: EventFilter | undefined): Database.Statement<unknown[], EventRow> {
    const prefixes = filter?.streamPrefixes?.length ?? 0;
    const types = filter?.types?.length ?? 0;
    const key = `${prefixes}:${types}`;
    let statement = readAllStatements.get(key);
    if (!statement) {
      const where = ['position >= ?'];
      if (prefixes > 0) where.push(`(${Array(prefixes).fill('substr(stream, 1, length(?)) = ?').join(' OR ')})`);
      if (types > 0) where.push(`type IN (${Array(types).fill('?').join(', ')})`);
      statement = db.prepare(`SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`);
      readAllStatements.set(key, statement);
    }
    return statement;
  }

  function readAllRows(fromPosition: bigint, limit: number, filter: EventFilter | undefined): RecordedEvent[] {
    const params: unknown[] = [fromPosition];
    for (const prefix of filter?.streamPrefixes ?? []) params.push(prefix, prefix);
    params.push(...(filter?.types ?? []), limit);
    return readAllStatement(filter).all(...params).map(toRecordedEvent);
  }

  function ensureOpen(): void {
    if (closed) throw new StoreClosedError();
  }

  return {
    async append(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
      ensureOpen();
      const batch = serialiseBatch(stream, events);
      normaliseExpectedRevision(options); // refuse a bad revision before the transaction starts
      const result = appendInTransaction.immediate(stream, batch, options);
      for (const listener of appendListeners) listener();
      return result;
    },

    async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      ensureOpen();
      assertStreamName(stream);
      assertLimit(options.limit);
      const limit = options.limit ?? ALL;
      if (options.from !== undefined && typeof options.from !== 'string') assertRevision(options.from, 'from');
      if (options.direction === 'backwards') {
        const from = options.from === undefined || options.from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : options.from === 'start' ? 0n : options.from;
        return backwards.all(stream, from, limit).map(toRecordedEvent);
      }
      const from = options.from === undefined || options.from === 'start' ? 0n : options.from === 'end' ? BigInt(Number.MAX_SAFE_INTEGER) : options.from;
      return forwards.all(stream, from, limit).map(toRecordedEvent);
    },

    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      ensureOpen();
      assertLimit(options.limit);
      const from = options.fromPosition ?? 0n;
      assertRevision(from, 'fromPosition');
      return readAllRows(from, options.limit ?? ALL, options.filter);
    },

    subscribeToAll(options: SubscribeOptions): Subscription {
      ensureOpen();
      if (options.afterPosition !== undefined) assertRevision(options.afterPosition, 'afterPosition');
      const subscription = startCatchUpSubscription({
        options,
        readPage: async (after, limit) => (closed ? [] : readAllRows(after + 1n, limit, options.filter)),
        onAppend: (listener) => {
          appendListeners.add(listener);
          return () => appendListeners.delete(listener);
        },
        pollIntervalMs: storeOptions.pollIntervalMs ?? 50,
      });
      subscriptions.add(subscription);
      return {
        close: async () => {
          subscriptions.delete(subscription);
          await subscription.close();
        },
      };
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // Stop subscriptions first so none reads from a closed database.
      await Promise.all([...subscriptions].map((subscription) => subscription.close()));
      db.close();
    },
  };
}

function checkExpectedRevision(stream: string, expected: ReturnType<typeof normaliseExpectedRevision>, current: bigint | null): void {
  const actual = current ?? 'no_stream';
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'bigint' && current === expected);
  if (!holds) throw new WrongExpectedRevisionError(stream, expected, actual);
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  const metadata = JSON.parse(row.metadata) as RecordedEvent['metadata'];
  metadata.recordedAt = row.recorded_at;
  return {
    id: row.id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata,
    stream: row.stream,
    revision: row.revision,
    position: row.position,
  };
}
