/**
 * The embedded event store: one SQLite file through better-sqlite3.
 *
 * WAL mode lets readers run beside the one writer. Each append is one
 * BEGIN IMMEDIATE transaction, so appends from several processes on one file
 * are serialised by SQLite's write lock, and the unique (stream, revision)
 * constraint is the last guard against two writers taking one revision.
 *
 * The file is created by the first append, not by opening: a query against a
 * mistyped path reads an empty log and leaves nothing behind.
 */
import { existsSync } from 'node:fs';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.js';
import { StoreClosedError } from '../errors.js';
import { ATTESTED_APPEND, type AttestingStore } from '../attestation.js';
import { TAMPER_EVIDENCE, type TamperEvidence } from '../integrity.js';
import {
  assertLimit,
  assertRevision,
  assertStreamName,
  normaliseExpectedRevision,
  serialiseBatch,
} from '../validate-input.js';
import { startCatchUpSubscription } from '../catch-up-subscription.js';
import { ALL, openSqliteConnection, type SqliteConnection } from './sqlite-connection.js';
import { SQLITE_DEFAULTS, type SqliteLocation } from './sqlite-url.js';

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for a store that lives as long as this object. */
  path: string;
  /** @defaultValue `() => new Date()` */
  now?: () => Date;
  /** How long a writer waits for another process's write lock. @defaultValue 10000 ms */
  busyTimeoutMs?: number;
  /** `'ro'` opens the file read-only, `'rw'` only if it exists. @defaultValue `'rwc'` (created by the first append) */
  mode?: SqliteLocation['mode'];
  /** PRAGMA synchronous: 'normal' may lose the last commits on power loss, 'full' does not. @defaultValue 'normal' */
  synchronous?: SqliteLocation['synchronous'];
  /** Create the file's directory when it is missing (the default location's ./var). @defaultValue false */
  createDirectory?: boolean;
  /** How often a live subscription looks for events appended by other processes. @defaultValue 50 ms */
  pollIntervalMs?: number;
}

const LAST = BigInt(Number.MAX_SAFE_INTEGER);

/** The port, plus the ledger's sealed append (attestation.ts) and the rows with hashes for verify (integrity.ts). */
export type SqliteEventStore = EventStore & AttestingStore & { [TAMPER_EVIDENCE]: TamperEvidence };

export function getSqliteEventStore(storeOptions: SqliteEventStoreOptions): SqliteEventStore {
  const { path } = storeOptions;
  const location: SqliteLocation = {
    path,
    mode: storeOptions.mode ?? SQLITE_DEFAULTS.mode,
    synchronous: storeOptions.synchronous ?? SQLITE_DEFAULTS.synchronous,
    busyTimeoutMs: storeOptions.busyTimeoutMs ?? SQLITE_DEFAULTS.busyTimeoutMs,
  };
  const connectionOptions = {
    now: storeOptions.now ?? (() => new Date()),
    createDirectory: storeOptions.createDirectory ?? false,
  };
  const appendListeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  let connection: SqliteConnection | null = null;
  const appendedHere = new Set<bigint>();
  let closed = false;

  /**
   * The open file, or null while it does not exist (another process may create it meanwhile; `:memory:` is made by
   * the first append). Every read and append passes here, so a closed store refuses them all.
   */
  function reader(): SqliteConnection | null {
    if (closed) throw new StoreClosedError();
    if (connection === null && existsSync(path)) connection = openSqliteConnection(location, connectionOptions);
    return connection;
  }

  function writer(): SqliteConnection {
    return reader() ?? (connection = openSqliteConnection(location, connectionOptions));
  }

  function readAllRows(from: bigint, limit: number, filter: ReadAllOptions['filter']): RecordedEvent[] {
    return reader()?.readAllRows(from, limit, filter) ?? [];
  }

  async function append(
    stream: string,
    events: readonly NewEvent[],
    options: AppendOptions | undefined,
    attested: boolean,
  ): Promise<AppendResult> {
    const batch = serialiseBatch(stream, events);
    normaliseExpectedRevision(options); // refuse a bad revision before anything is opened or written
    const result = writer().append(stream, batch, options, attested);
    if (result.written) for (const event of result.events) appendedHere.add(event.position);
    for (const listener of appendListeners) listener();
    return result;
  }

  /** Read-side of verify: an absent file is an empty, chained log. */
  const evidence: TamperEvidence = {
    description: `SQLite store at ${path}`,
    origin: async () => reader()?.evidence.origin() ?? { chained: true, migratedThrough: 0n, establishedAt: null },
    readRows: async (after, limit) => reader()?.evidence.readRows(after, limit) ?? [],
    physicalCheck: async () => reader()?.evidence.physicalCheck() ?? [],
    headPosition: async () => reader()?.evidence.headPosition() ?? null,
    lastVerification: async () => reader()?.evidence.lastVerification() ?? null,
    recordVerification: async (head) => reader()?.evidence.recordVerification(head) ?? false,
    appendedHere: () => appendedHere,
  };

  return {
    append: (stream: string, events: readonly NewEvent[], options?: AppendOptions) =>
      append(stream, events, options, false),
    [ATTESTED_APPEND]: (stream: string, events: readonly NewEvent[], options?: AppendOptions) =>
      append(stream, events, options, true),
    [TAMPER_EVIDENCE]: evidence,

    async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
      assertStreamName(stream);
      assertLimit(options.limit);
      if (options.from !== undefined && typeof options.from !== 'string') assertRevision(options.from, 'from');
      const limit = options.limit ?? ALL;
      const db = reader();
      if (db === null) return [];
      if (options.direction === 'backwards') {
        const from =
          options.from === undefined || options.from === 'end' ? LAST : options.from === 'start' ? 0n : options.from;
        return db.readBackwards(stream, from, limit);
      }
      const from =
        options.from === undefined || options.from === 'start' ? 0n : options.from === 'end' ? LAST : options.from;
      return db.readForwards(stream, from, limit);
    },

    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      assertLimit(options.limit);
      const from = options.fromPosition ?? 0n;
      assertRevision(from, 'fromPosition');
      return readAllRows(from, options.limit ?? ALL, options.filter);
    },

    subscribeToAll(options: SubscribeOptions): Subscription {
      if (closed) throw new StoreClosedError();
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
      connection?.close();
    },
  };
}
