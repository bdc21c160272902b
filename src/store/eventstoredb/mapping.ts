/**
 * Translation between EventStoreDB's client types and the port's own, so that
 * no client type, revision or error leaks past the adapter.
 */
import { jsonEvent, WrongExpectedVersionError } from '@eventstore/db-client';
import type { EventData, JSONType, ResolvedEvent, AllStreamResolvedEvent } from '@eventstore/db-client';
import type { EventFilter, EventMetadata, RecordedEvent } from '../event-store.js';
import {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  StoreUnavailableError,
  UnsupportedStoreUrlError,
  WrongExpectedRevisionError,
} from '../errors.js';
import { canonicalJson, type SerialisedEvent } from '../validate-input.js';

/** The server's "no position" marker (ulong.MaxValue), sent by servers too old to know an event's position. */
const NO_POSITION = 2n ** 64n - 1n;

/**
 * The stored form of a validated event. The store's recorded time travels in the
 * metadata JSON (not the server's `created`), so that an injected clock is honoured.
 */
export function toEventData(event: SerialisedEvent, recordedAt: string): EventData {
  const metadata = { ...(JSON.parse(event.metadata) as Record<string, unknown>), recordedAt };
  // The client JSON.stringify()s data, so any JSON value round-trips, not only the
  // objects, arrays and strings its JSONType admits.
  return jsonEvent({ id: event.id, type: event.type, data: JSON.parse(event.data) as JSONType, metadata });
}

/**
 * A port event, or undefined for anything the port did not write: system events
 * (`$` types or streams, links), non-JSON events and events without our recorded time.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined || !event.isJson) return undefined;
  if (event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  const metadata = event.metadata;
  if (!isPlainObject(metadata) || typeof metadata.recordedAt !== 'string') return undefined;
  return {
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: metadata as EventMetadata,
    stream: event.streamId,
    revision: event.revision,
    position: commitPositionOf(resolved),
  };
}

/** The event's commit position: the port's global position. */
export function commitPositionOf(resolved: ResolvedEvent | AllStreamResolvedEvent): bigint {
  const commit = resolved.event?.position?.commit ?? resolved.commitPosition;
  if (commit === undefined || commit === NO_POSITION) {
    // Servers before 22.6 leave positions off stream reads; the port needs them everywhere.
    throw new Error(
      `EventStoreDB did not report the position of event ${resolved.event?.id ?? '(unknown)'}: the ledger needs EventStoreDB 22.6 or later`,
    );
  }
  return commit;
}

/** Throws EventIdConflictError unless the stored event holds the same type, data and caller metadata. */
export function assertSameContent(
  stored: RecordedEvent | undefined,
  wanted: SerialisedEvent,
  storedId: string,
): asserts stored is RecordedEvent {
  if (stored === undefined) {
    throw new EventIdConflictError(storedId, 'the id is used by an event the ledger did not write');
  }
  const { recordedAt: _recordedAt, ...callerMetadata } = stored.metadata;
  if (stored.type !== wanted.type) {
    throw new EventIdConflictError(wanted.id, `it was stored with type "${stored.type}", not "${wanted.type}"`);
  }
  if (canonicalJson(stored.data) !== wanted.data) {
    throw new EventIdConflictError(wanted.id, 'it was stored with different data');
  }
  if (canonicalJson(callerMetadata) !== wanted.metadata) {
    throw new EventIdConflictError(wanted.id, 'it was stored with different metadata');
  }
}

/** As on SQLite, an empty list filters nothing out. */
export function matchesFilter(event: RecordedEvent, filter: EventFilter | undefined): boolean {
  const prefixes = filter?.streamPrefixes ?? [];
  const types = filter?.types ?? [];
  if (prefixes.length > 0 && !prefixes.some((prefix) => event.stream.startsWith(prefix))) return false;
  return types.length === 0 || types.includes(event.type);
}

export function assertFilter(filter: unknown): asserts filter is EventFilter | undefined {
  if (filter === undefined) return;
  if (typeof filter !== 'object' || filter === null) {
    throw new InvalidStoreInputError(`filter must be an object, got ${String(filter)}`);
  }
  for (const key of ['streamPrefixes', 'types'] as const) {
    const list = (filter as Record<string, unknown>)[key];
    if (list !== undefined && (!Array.isArray(list) || !list.every((item) => typeof item === 'string'))) {
      throw new InvalidStoreInputError(`filter.${key} must be an array of strings`);
    }
  }
}

export function isWrongExpectedVersion(error: unknown): error is WrongExpectedVersionError {
  return error instanceof WrongExpectedVersionError;
}

/** The server refuses $all reads and subscriptions that start between two events. */
export function isInvalidPosition(error: unknown): boolean {
  return error instanceof Error && /invalid position/i.test(error.message);
}

const PORT_ERRORS = [
  WrongExpectedRevisionError,
  EventIdConflictError,
  InvalidStoreInputError,
  UnsupportedStoreUrlError,
  StoreClosedError,
];

/** Port errors pass through; anything from the client becomes a plain Error (the original kept as `cause`). */
export function toPortError(error: unknown, what: string): Error {
  if (PORT_ERRORS.some((type) => error instanceof type)) return error as Error;
  // gRPC ends some messages with an empty "Resolution note: "; drop it rather than show a dangling label.
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*Resolution note:\s*$/, '');
  const hint = /UNAVAILABLE|ECONNREFUSED|ENOTFOUND|Failed to discover/.test(message)
    ? ' (is the server running? `docker compose up -d eventstore` starts one on localhost:2113)'
    : '';
  return new StoreUnavailableError(`EventStoreDB ${what} failed: ${message}${hint}`, { cause: error });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
