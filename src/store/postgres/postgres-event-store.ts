/**
 * The event-store port on PostgreSQL (11 or later), through a `pg` connection pool.
 *
 * Each append is one READ COMMITTED transaction that first takes the append lock
 * (pg_advisory_xact_lock, held until commit): the retry check by id, the
 * expected-revision check and the insert then see every earlier append, and
 * positions are handed out in commit order (see schema.ts), so a reader never sees
 * position N+1 before N. Appends are serialised; reads never wait for them.
 *
 * The schema is created by `13d-ledger store migrate`, never by opening a store: the
 * first call checks its version and refuses a missing or older one, saying what to run.
 */
import { Pool, types, type ClientConfig, type CustomTypesConfig, type PoolClient } from 'pg';
import type {
  AppendOptions,
  NewEvent,
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  Subscription,
} from '../event-store.js';
import {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  WrongExpectedRevisionError,
} from '../errors.js';
import {
  assertLimit,
  assertRevision,
  assertStreamName,
  normaliseExpectedRevision,
  serialiseBatch,
  type SerialisedEvent,
} from '../validate-input.js';
import { startCatchUpSubscription } from '../catch-up-subscription.js';
import { listenForAppends } from './append-listener.js';
import {
  COLUMNS,
  describeTarget,
  isConnectionLoss,
  toPortError,
  toRecordedEvent,
  uniqueViolation,
  type EventRow,
} from './mapping.js';
import { ATTESTED_APPEND, type AttestingStore } from '../attestation.js';
import { sealOf } from '../hash-chain.js';
import { TAMPER_EVIDENCE, type TamperEvidence } from '../integrity.js';
import { chainBatch, chainHeads, postgresEvidence, readSealKey } from './chain.js';
import { APPEND_LOCK, assertSchemaVersion, installedVersion, migrateSchema, type MigrationOutcome } from './schema.js';

export interface PostgresEventStoreOptions {
  /**
   * `postgres://user:password@host:5432/database` (or `postgresql://`); libpq parameters such as `sslmode` pass
   * through.
   */
  connectionString: string;
  /** The store's clock for recorded time. @defaultValue the server's clock, read under the append lock */
  now?: () => Date;
  /** Connections the pool opens at most. @defaultValue 10 */
  maxConnections?: number;
  /** How long opening a connection may take. @defaultValue 10000 ms */
  connectionTimeoutMs?: number;
  /** How often a live subscription reads when no notification woke it. @defaultValue 1000 ms */
  pollIntervalMs?: number;
}

/** bigint columns as bigint (pg gives strings); everything else as pg parses it. */
const TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === types.builtins.INT8
      ? (value: string) => BigInt(value)
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
/** The largest bigint PostgreSQL stores: revisions and positions asked for beyond it are read as it. */
const LAST = 9_223_372_036_854_775_807n;
const clamp = (value: bigint) => (value > LAST ? LAST : value);

const BEGIN_APPEND = `BEGIN ISOLATION LEVEL READ COMMITTED; SELECT pg_advisory_xact_lock(${APPEND_LOCK})`;

/** The statements, prepared once per connection under these names. */
const SQL = {
  readIds: { name: 'ledger-read-ids', text: `SELECT ${COLUMNS} FROM ledger_events WHERE id = ANY($1::uuid[])` },
  lastRevision: {
    name: 'ledger-last-revision',
    text: 'SELECT max(revision) AS revision FROM ledger_events WHERE stream = $1',
  },
  // One recorded time per batch: the caller's clock, else the server's, read under the lock before the hashes.
  serverTime: { name: 'ledger-server-time', text: "SELECT date_trunc('milliseconds', statement_timestamp()) AS now" },
  insert: {
    name: 'ledger-insert',
    text: `
      INSERT INTO ledger_events (id, stream, revision, type, data, metadata, recorded_at,
                                 seal, content_hash, chain_hash, stream_chain_hash)
      SELECT e.id, $1, $2::bigint + e.n - 1, e.type, e.data, e.metadata, $7::timestamptz,
             e.seal, e.content, e.chain, e.stream_chain
      FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $8::bytea[], $9::bytea[], $10::bytea[], $11::bytea[])
        WITH ORDINALITY AS e(id, type, data, metadata, seal, content, chain, stream_chain, n)
      ORDER BY e.n
      RETURNING id, revision, position`,
  },
  forwards: {
    name: 'ledger-read-forwards',
    text: `SELECT ${COLUMNS} FROM ledger_events WHERE stream = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
  },
  backwards: {
    name: 'ledger-read-backwards',
    text: `SELECT ${COLUMNS} FROM ledger_events WHERE stream = $1 AND revision <= $2 ORDER BY revision DESC LIMIT $3`,
  },
  // An empty filter list is no filter (NULL), as on the other adapters.
  readAll: {
    name: 'ledger-read-all',
    text: `
      SELECT ${COLUMNS} FROM ledger_events
      WHERE position >= $1 AND ($2::text[] IS NULL OR stream ^@ ANY($2)) AND ($3::text[] IS NULL OR type = ANY($3))
      ORDER BY position LIMIT $4`,
  },
} as const;
type Statement = (typeof SQL)[keyof typeof SQL];

export function getPostgresEventStore(options: PostgresEventStoreOptions): EventStore {
  const target = describeTarget(options.connectionString);
  const config: ClientConfig = {
    connectionString: options.connectionString,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
    types: TYPES,
    application_name: '13d-ledger',
  };
  const pool = new Pool({ ...config, max: options.maxConnections ?? 10, idleTimeoutMillis: 10_000 });
  // A connection the server drops emits 'error': the pool removes an idle one, and the call using a busy one
  // fails. Without a listener of its own for the busy case, the event would end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const listener = listenForAppends(config);
  const subscriptions = new Set<Subscription>();
  let closed = false;
  let schemaChecked: Promise<void> | null = null;
  /** The seal key (ledger_store_facts), read with the schema check. */
  let sealKey: Buffer | null = null;

  function assertOpen(): void {
    if (closed) throw new StoreClosedError();
  }

  /** Checks the schema version once; a failed check is made again by the next call (after `store migrate`, say). */
  function ready(): Promise<void> {
    schemaChecked ??= withConnection(async (client) => {
      assertSchemaVersion(await installedVersion(client), target.display);
      sealKey = await readSealKey(client);
    }).catch((error: unknown) => {
      schemaChecked = null;
      throw error;
    });
    return schemaChecked;
  }

  /** Runs `work` on a pooled connection; one that failed with its connection is destroyed, not pooled again. */
  async function withConnection<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      client.release(isConnectionLoss(error) ? (error as Error) : undefined);
      throw error;
    }
  }

  /**
   * A read: one statement, so when the connection it ran on turns out to be lost (a pooled
   * connection the server dropped, or one cut while the query ran) it is run once more on
   * a new one. A connection that cannot be opened at all is not tried again.
   */
  async function read(what: string, statement: Statement, values: unknown[]): Promise<RecordedEvent[]> {
    assertOpen();
    try {
      await ready();
      for (let attempt = 0; ; attempt++) {
        const client = await pool.connect();
        try {
          const { rows } = await client.query<EventRow>({ ...statement, values });
          client.release();
          return rows.map((row) => toRecordedEvent(row, sealKey));
        } catch (error) {
          const lost = isConnectionLoss(error);
          client.release(lost ? (error as Error) : undefined);
          if (!lost || attempt > 0 || closed) throw error;
        }
      }
    } catch (error) {
      throw toPortError(error, what, target);
    }
  }

  /**
   * One append transaction. A connection lost before the transaction did anything (a pooled
   * connection the server had dropped, or one cut while waiting for the append lock) is
   * replaced once and the append made again. Lost any later, the append fails: whether it
   * committed is unknown, and the caller's retry with the same ids settles it.
   */
  async function appendBatch(
    stream: string,
    batch: SerialisedEvent[],
    expected: ExpectedRevision,
    attested: boolean,
  ): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      const client = await pool.connect();
      let began = false;
      try {
        await client.query(BEGIN_APPEND);
        began = true;
        const result = await appendInTransaction(client, stream, batch, expected, attested);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        if (isConnectionLoss(error)) {
          client.release(error as Error);
          if (!began && attempt === 0 && !closed) continue;
          throw error;
        }
        const rolledBack = await client.query('ROLLBACK').then(
          () => true,
          () => false,
        );
        client.release(rolledBack ? undefined : true);
        const guard = uniqueViolation(error);
        // Under the append lock the checks above see every committed row, so these happen only if the
        // schema's position trigger was removed and another writer got in; they still get the port's errors.
        if (guard?.guard === 'id')
          throw new EventIdConflictError(guard.id, 'it was appended at the same time by another writer');
        if (guard?.guard === 'revision')
          throw new WrongExpectedRevisionError(stream, expected, await lastRevision(stream));
        throw error;
      }
    }
  }

  async function appendInTransaction(
    client: PoolClient,
    stream: string,
    batch: SerialisedEvent[],
    expected: ExpectedRevision,
    attested: boolean,
  ): Promise<AppendResult> {
    const stored = await client.query<EventRow>({ ...SQL.readIds, values: [batch.map((event) => event.id)] });
    if (stored.rows.length > 0) return previousResult(stream, batch, stored.rows);
    const current =
      (await client.query<{ revision: bigint | null }>({ ...SQL.lastRevision, values: [stream] })).rows[0]?.revision ??
      null;
    checkExpectedRevision(stream, expected, current);
    const first = current === null ? 0n : current + 1n;
    const recordedAt = options.now
      ? options.now().toISOString()
      : (await client.query<{ now: Date }>(SQL.serverTime)).rows[0]!.now.toISOString();
    const key = attested ? sealKey : null;
    const rows = batch.map((event, i) => ({
      ...event,
      stream,
      revision: first + BigInt(i),
      recordedAt,
      seal: key === null ? null : sealOf(key, event.type, event.data, event.metadata),
    }));
    const heads = await chainHeads(client, stream);
    const hashes = chainBatch(heads, rows);
    const inserted = await client.query<{ id: string; revision: bigint; position: bigint }>({
      ...SQL.insert,
      values: [
        stream,
        first.toString(),
        batch.map((event) => event.id),
        batch.map((event) => event.type),
        batch.map((event) => event.data),
        batch.map((event) => event.metadata),
        recordedAt,
        rows.map((row) => row.seal),
        hashes.map((hash) => hash.content),
        hashes.map((hash) => hash.chain),
        hashes.map((hash) => hash.streamChain),
      ],
    });
    const byId = new Map(inserted.rows.map((row) => [row.id, row]));
    const events = batch.map((event, i) => {
      const row = byId.get(event.id)!;
      // The position trigger hands out head + 1, head + 2...: the hashes were computed for exactly those.
      if (row.position !== heads.position + 1n + BigInt(i))
        throw new Error(`position ${row.position} was not the one chained (${heads.position + 1n + BigInt(i)})`);
      return { id: event.id, revision: row.revision, position: row.position };
    });
    return { nextExpectedRevision: events[events.length - 1]!.revision, events, written: true };
  }

  async function lastRevision(stream: string): Promise<bigint | 'no_stream'> {
    const { rows } = await pool.query<{ revision: bigint | null }>({ ...SQL.lastRevision, values: [stream] });
    return rows[0]?.revision ?? 'no_stream';
  }

  function readAllRows(from: bigint, limit: number | null, filter: EventFilter | undefined): Promise<RecordedEvent[]> {
    const list = (items: string[] | undefined) => (items === undefined || items.length === 0 ? null : items);
    return read('read of all events', SQL.readAll, [
      clamp(from).toString(),
      list(filter?.streamPrefixes),
      list(filter?.types),
      limit,
    ]);
  }

  async function append(
    stream: string,
    events: readonly NewEvent[],
    appendOptions: AppendOptions | undefined,
    attested: boolean,
  ): Promise<AppendResult> {
    const batch = serialiseBatch(stream, events);
    const expected = normaliseExpectedRevision(appendOptions);
    assertOpen();
    try {
      await ready();
      const result = await appendBatch(stream, batch, expected, attested);
      if (result.written) for (const event of result.events) appendedHere.add(event.position);
      listener.wakeAll();
      return result;
    } catch (error) {
      throw toPortError(error, `append to "${stream}"`, target);
    }
  }

  async function query<R>(text: string, values: unknown[]): Promise<R[]> {
    assertOpen();
    try {
      await ready();
      return (await pool.query(text, values)).rows as R[];
    } catch (error) {
      throw toPortError(error, 'read for verify', target);
    }
  }

  const appendedHere = new Set<bigint>();
  const evidence: TamperEvidence = {
    description: `PostgreSQL store at ${target.display}`,
    ...postgresEvidence(query, async () => (await ready(), sealKey)),
    appendedHere: () => appendedHere,
  };

  const store: EventStore & AttestingStore & { [TAMPER_EVIDENCE]: TamperEvidence } = {
    append: (stream, events, appendOptions) => append(stream, events, appendOptions, false),
    [ATTESTED_APPEND]: (stream, events, appendOptions) => append(stream, events, appendOptions, true),
    [TAMPER_EVIDENCE]: evidence,

    async readStream(stream, readOptions: ReadStreamOptions = {}) {
      assertStreamName(stream);
      assertLimit(readOptions.limit);
      const { direction = 'forwards', from } = readOptions;
      if (direction !== 'forwards' && direction !== 'backwards') {
        throw new InvalidStoreInputError(`direction must be 'forwards' or 'backwards', got ${String(direction)}`);
      }
      if (from !== undefined && from !== 'start' && from !== 'end') assertRevision(from, 'from');
      const limit = readOptions.limit ?? null;
      const what = `read of stream "${stream}"`;
      if (direction === 'backwards') {
        const revision = from === undefined || from === 'end' ? LAST : from === 'start' ? 0n : from;
        return read(what, SQL.backwards, [stream, clamp(revision).toString(), limit]);
      }
      const revision = from === undefined || from === 'start' ? 0n : from === 'end' ? LAST : from;
      return read(what, SQL.forwards, [stream, clamp(revision).toString(), limit]);
    },

    async readAll(readOptions: ReadAllOptions = {}) {
      assertLimit(readOptions.limit);
      const from = readOptions.fromPosition ?? 0n;
      assertRevision(from, 'fromPosition');
      assertFilter(readOptions.filter);
      return readAllRows(from, readOptions.limit ?? null, readOptions.filter);
    },

    subscribeToAll(subscribeOptions) {
      if (typeof subscribeOptions?.onEvent !== 'function')
        throw new InvalidStoreInputError('subscribeToAll needs an onEvent function');
      if (subscribeOptions.afterPosition !== undefined) assertRevision(subscribeOptions.afterPosition, 'afterPosition');
      assertFilter(subscribeOptions.filter);
      assertOpen();
      const inner = startCatchUpSubscription({
        options: subscribeOptions,
        readPage: async (after, limit) => (closed ? [] : readAllRows(after + 1n, limit, subscribeOptions.filter)),
        onAppend: (wake) => listener.add(wake),
        pollIntervalMs: options.pollIntervalMs ?? 1_000,
      });
      const subscription: Subscription = {
        async close() {
          subscriptions.delete(subscription);
          await inner.close();
        },
      };
      subscriptions.add(subscription);
      return subscription;
    },

    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((subscription) => subscription.close()));
      await listener.close();
      await pool.end();
    },
  };
  return store;
}

/** `13d-ledger store migrate`: creates or upgrades the schema at the URL, and says what it did. */
export async function migratePostgresStore(connectionString: string): Promise<MigrationOutcome & { where: string }> {
  const target = describeTarget(connectionString);
  const pool = new Pool({
    connectionString,
    max: 1,
    connectionTimeoutMillis: 10_000,
    application_name: '13d-ledger migrate',
  });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    const client = await pool.connect();
    try {
      return { ...(await migrateSchema(client, target.display)), where: target.display };
    } finally {
      client.release();
    }
  } catch (error) {
    throw toPortError(error, 'schema migration', target);
  } finally {
    await pool.end();
  }
}

function checkExpectedRevision(stream: string, expected: ExpectedRevision, current: bigint | null): void {
  const holds =
    expected === 'any' ||
    (expected === 'no_stream' && current === null) ||
    (expected === 'stream_exists' && current !== null) ||
    (typeof expected === 'bigint' && current === expected);
  if (!holds) throw new WrongExpectedRevisionError(stream, expected, current ?? 'no_stream');
}

/**
 * A retry sends ids already stored (in any stream: ids are unique in the whole log). The
 * same content at consecutive revisions of this stream gives back the original result;
 * anything else is EventIdConflictError, as on SQLite.
 */
function previousResult(stream: string, batch: SerialisedEvent[], rows: EventRow[]): AppendResult {
  const stored = new Map(rows.map((row) => [row.id, row]));
  const firstFound = batch.find((event) => stored.has(event.id))!.id;
  let previous: EventRow | undefined;
  const events = batch.map((event) => {
    const row = stored.get(event.id);
    if (row === undefined)
      throw new EventIdConflictError(
        firstFound,
        `part of this batch was appended before and part was not (${event.id} is new)`,
      );
    if (row.stream !== stream) throw new EventIdConflictError(event.id, `it was appended to stream "${row.stream}"`);
    if (row.type !== event.type || row.data !== event.data || row.metadata !== event.metadata) {
      throw new EventIdConflictError(event.id, 'it was appended before with different content');
    }
    if (previous !== undefined && row.revision !== previous.revision + 1n) {
      throw new EventIdConflictError(event.id, 'it was appended before in another batch');
    }
    previous = row;
    return { id: row.id, revision: row.revision, position: row.position };
  });
  return { nextExpectedRevision: previous!.revision, events, written: false };
}

function assertFilter(filter: unknown): asserts filter is EventFilter | undefined {
  if (filter === undefined) return;
  if (typeof filter !== 'object' || filter === null)
    throw new InvalidStoreInputError(`filter must be an object, got ${String(filter)}`);
  for (const key of ['streamPrefixes', 'types'] as const) {
    const list = (filter as Record<string, unknown>)[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))) {
      throw new InvalidStoreInputError(`filter.${key} must be an array of strings`);
    }
  }
}
