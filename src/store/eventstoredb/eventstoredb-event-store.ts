/**
 * The event-store port on EventStoreDB (gRPC client 6.x, server 23.10 or later).
 *
 * Mapping: a port stream is an EventStoreDB stream of the same name; revisions are
 * EventStoreDB's (the first event is 0n); a port position is the event's commit
 * position in $all; the store's recorded time is kept in the event's metadata JSON.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
} from '@eventstore/db-client';
import type { Direction, Position, ReadPosition, ReadRevision } from '@eventstore/db-client';
import type {
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
  UnsupportedStoreUrlError,
  WrongExpectedRevisionError,
  type ActualRevision,
} from '../errors.js';
import {
  assertLimit,
  assertRevision,
  assertStreamName,
  normaliseExpectedRevision,
  serialiseBatch,
  type SerialisedEvent,
} from '../validate-input.js';
import {
  assertFilter,
  assertSameContent,
  isInvalidPosition,
  isWrongExpectedVersion,
  matchesFilter,
  toEventData,
  toPortError,
  toRecordedEvent,
} from './mapping.js';
import { subscribeToAll } from './subscription.js';

/** Events asked of the server per read, so that long reads never ask for everything at once. */
const PAGE_SIZE = 1000;
/** Stream reads go to the leader, so that a cluster reads its own writes (the retry scan, the read-back). */
const LEADER = { requiresLeader: true } as const;
/** Appends that lose this many races in a row give up rather than spin. */
const MAX_APPEND_ATTEMPTS = 10;

export interface EventStoreDbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, or several gossip seeds `esdb://a:2113,b:2113,c:2113?tls=false`. */
  connectionString: string;
  /** The store's clock for recorded time. @defaultValue `() => new Date()` */
  now?: () => Date;
}

export function getEventStoreDbEventStore(options: EventStoreDbEventStoreOptions): EventStore {
  const now = options.now ?? (() => new Date());
  let client: EventStoreDBClient;
  try {
    // Parses only; the client connects on first use.
    client = EventStoreDBClient.connectionString(options.connectionString);
  } catch (error) {
    throw new UnsupportedStoreUrlError(`Cannot use the EventStoreDB connection string: ${(error as Error).message}`);
  }
  let closed = false;
  const subscriptions = new Set<Subscription>();

  function assertOpen(): void {
    if (closed) throw new StoreClosedError();
  }

  /**
   * Idempotency, done here because EventStoreDB dedupes reliably only for an exact
   * expected revision. The guarantee: event ids are checked within the target stream
   * only. Before writing, the whole stream is read (backwards, paged) for the batch's
   * ids: all present with the same type, data and caller metadata is a retry and gets
   * the original revisions and positions back; any differing, or only some present, is
   * EventIdConflictError. Otherwise the batch is written with an exact expected revision
   * equal to the revision just read, so nothing can slip in between the check and the
   * write. The same id in another stream is NOT detected (that would need a scan of $all).
   */
  async function appendBatch(
    stream: string,
    batch: SerialisedEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    let actual: ActualRevision = 'no_stream';
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const scan = await scanForIds(stream, new Set(batch.map((event) => event.id)));
      actual = scan.current;
      if (scan.found.size > 0) return previousResult(batch, scan.found);
      if (!holds(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
      const recordedAt = now().toISOString();
      try {
        const result = await client.appendToStream(
          stream,
          batch.map((event) => toEventData(event, recordedAt)),
          { expectedRevision: actual === 'no_stream' ? NO_STREAM : actual },
        );
        if (result.success) return await appendedResult(stream, batch, result.nextExpectedRevision);
      } catch (error) {
        if (!isWrongExpectedVersion(error)) throw error;
      }
      // Lost a race: another writer got in after the scan (perhaps a concurrent retry of
      // this very batch). Look again: a retry is found by id, and an exact or 'no_stream'
      // expectation that no longer holds fails the check above with the actual revision.
    }
    throw new WrongExpectedRevisionError(stream, expected, actual);
  }

  /** The stream's current revision, and the stored events (undefined if not ours) bearing any of `ids`. */
  async function scanForIds(stream: string, ids: Set<string>) {
    const found = new Map<string, RecordedEvent | undefined>();
    let current: ActualRevision = 'no_stream';
    let cursor: ReadRevision = END;
    for (;;) {
      let count = 0;
      let last: bigint | undefined;
      try {
        for await (const resolved of client.readStream(stream, {
          ...LEADER,
          direction: BACKWARDS,
          fromRevision: cursor,
          maxCount: PAGE_SIZE,
        })) {
          const event = resolved.event;
          if (event === undefined) continue;
          count++;
          last = event.revision;
          if (current === 'no_stream') current = event.revision;
          if (ids.has(event.id)) found.set(event.id, toRecordedEvent(resolved));
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return { current, found };
        throw error;
      }
      if (found.size === ids.size || count < PAGE_SIZE || last === undefined || last === 0n) return { current, found };
      cursor = last - 1n;
    }
  }

  /** Reads a stream in pages, in the client's direction, from an inclusive revision. */
  async function readPages(
    stream: string,
    direction: Direction,
    from: ReadRevision,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const out: RecordedEvent[] = [];
    let cursor = from;
    let first = true;
    while (out.length < limit) {
      const want = Math.min(PAGE_SIZE, limit - out.length);
      let count = 0;
      let last: bigint | undefined;
      try {
        for await (const resolved of client.readStream(stream, {
          ...LEADER,
          direction,
          fromRevision: cursor,
          maxCount: want,
        })) {
          count++;
          last = resolved.event?.revision ?? last;
          const event = toRecordedEvent(resolved);
          if (event !== undefined) out.push(event);
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return out;
        throw error;
      }
      if (count === 0 && first && direction === BACKWARDS && typeof from === 'bigint') {
        // Backwards from beyond the last revision: start at the end instead.
        cursor = END;
        first = false;
        continue;
      }
      first = false;
      if (count < want || last === undefined) break;
      if (direction === BACKWARDS) {
        if (last === 0n) break;
        cursor = last - 1n;
      } else {
        cursor = last + 1n;
      }
    }
    return out;
  }

  /** Reads $all forwards in pages from `start`, keeping port events at or after `from` that pass the filter. */
  async function readAllPages(start: ReadPosition, from: bigint, limit: number, filter: EventFilter | undefined) {
    const out: RecordedEvent[] = [];
    let cursor = start;
    let seen: Position | undefined;
    for (;;) {
      // Pages after the first restart at the last event seen (inclusive): ask for one more.
      const want = PAGE_SIZE + (seen === undefined ? 0 : 1);
      let count = 0;
      for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: cursor, maxCount: want })) {
        count++;
        const position = resolved.event?.position;
        if (position === undefined || (seen !== undefined && !isAfter(position, seen))) continue;
        seen = position;
        const event = toRecordedEvent(resolved);
        if (event === undefined || event.position < from || !matchesFilter(event, filter)) continue;
        out.push(event);
        if (out.length >= limit) return out;
      }
      if (count < want || seen === undefined) return out;
      cursor = seen;
    }
  }

  /**
   * The server reports only the last event's position, so the batch is read back for
   * every event's own (the same read a retry's scan makes, so the results match).
   */
  async function appendedResult(stream: string, batch: SerialisedEvent[], lastRevision: bigint): Promise<AppendResult> {
    const firstRevision = lastRevision - BigInt(batch.length - 1);
    const stored = new Map(
      (await readPages(stream, FORWARDS, firstRevision, batch.length)).map((event) => [event.id, event]),
    );
    const events = batch.map((event) => {
      const written = stored.get(event.id);
      if (written === undefined) throw new Error(`event ${event.id} was not found after writing it`);
      return { id: event.id, revision: written.revision, position: written.position };
    });
    return { nextExpectedRevision: lastRevision, events, written: true };
  }

  const store: EventStore = {
    async append(stream, events, options) {
      const batch = serialiseBatch(stream, events);
      const expected = normaliseExpectedRevision(options);
      assertOpen();
      try {
        return await appendBatch(stream, batch, expected);
      } catch (error) {
        throw toPortError(error, `append to "${stream}"`);
      }
    },

    async readStream(stream, options = {}) {
      assertStreamName(stream);
      const { direction, from, limit } = readStreamOptions(options);
      assertOpen();
      if (limit === 0) return [];
      try {
        // As on SQLite: forwards from the end finds nothing, backwards from the start the first event.
        if (direction === 'forwards' && from === 'end') return [];
        if (direction === 'backwards' && from === 'start') return await readPages(stream, FORWARDS, START, 1);
        const revision = from === 'start' ? START : from === 'end' ? END : from;
        return await readPages(stream, direction === 'forwards' ? FORWARDS : BACKWARDS, revision, limit);
      } catch (error) {
        throw toPortError(error, `read of stream "${stream}"`);
      }
    },

    async readAll(options: ReadAllOptions = {}) {
      const { fromPosition, limit, filter } = options;
      assertLimit(limit);
      if (fromPosition !== undefined) assertRevision(fromPosition, 'fromPosition');
      assertFilter(filter);
      assertOpen();
      if (limit === 0) return [];
      const from = fromPosition ?? 0n;
      const start: ReadPosition = from === 0n ? START : { commit: from, prepare: from };
      try {
        try {
          return await readAllPages(start, from, limit ?? Infinity, filter);
        } catch (error) {
          // A position that is not an event's own is refused: scan from the beginning instead.
          if (start === START || !isInvalidPosition(error)) throw error;
          return await readAllPages(START, from, limit ?? Infinity, filter);
        }
      } catch (error) {
        throw toPortError(error, 'read of $all');
      }
    },

    subscribeToAll(options) {
      if (typeof options?.onEvent !== 'function') {
        throw new InvalidStoreInputError('subscribeToAll needs an onEvent function');
      }
      if (options.afterPosition !== undefined) assertRevision(options.afterPosition, 'afterPosition');
      assertFilter(options.filter);
      assertOpen();
      const inner = subscribeToAll(client, options);
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
      await client.dispose();
    },
  };
  return store;
}

function holds(expected: ExpectedRevision, actual: ActualRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

/**
 * The original result of a batch found stored, or EventIdConflictError: as on SQLite,
 * every id must be stored, with the same content, at consecutive revisions in batch order.
 */
function previousResult(batch: SerialisedEvent[], found: Map<string, RecordedEvent | undefined>): AppendResult {
  const firstFound = batch.find((event) => found.has(event.id))!.id;
  let previous: bigint | undefined;
  const events = batch.map((event) => {
    if (!found.has(event.id)) {
      throw new EventIdConflictError(
        firstFound,
        `part of this batch was appended before and part was not (${event.id} is new)`,
      );
    }
    const stored = found.get(event.id);
    assertSameContent(stored, event, event.id);
    const revision = stored.revision;
    if (previous !== undefined && revision !== previous + 1n) {
      throw new EventIdConflictError(event.id, 'it was appended before in another batch');
    }
    previous = revision;
    return { id: event.id, revision, position: stored.position };
  });
  return { nextExpectedRevision: previous!, events, written: false };
}

function readStreamOptions(options: ReadStreamOptions) {
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new InvalidStoreInputError(`direction must be 'forwards' or 'backwards', got ${String(direction)}`);
  }
  const from = options.from ?? (direction === 'forwards' ? 'start' : 'end');
  if (from !== 'start' && from !== 'end') assertRevision(from, 'from');
  assertLimit(options.limit);
  return { direction, from, limit: options.limit ?? Infinity };
}

function isAfter(a: Position, b: Position): boolean {
  return a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
}
