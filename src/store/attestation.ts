/**
 * Attested appends: how a writer that validated its events says so in a way no other
 * writer can copy onto other content.
 *
 * `appendAttested` is not part of the EventStore port: an adapter that can attest (SQLite,
 * PostgreSQL) seals each event with an HMAC over its type, data and metadata, keyed by a
 * secret the store keeps outside the event log (a table the port can neither read nor
 * write), and stores the seal in a column of its own. On every read the adapter recomputes
 * the seal and flags the events whose seal matches (`isAttested`), with a property that
 * JSON, spreads and structured clones leave behind. So an event appended through the public
 * `append` (even a copy of a sealed event's content), inserted by SQL, or changed after it was
 * written, is never flagged, whatever its metadata claims.
 *
 * What it does not stop: code in the same process can call appendAttested, and anyone who
 * can read the store's tables can read the key. It guards against other programs and
 * careless hands, not against the database's owner (the hash chain and `verify` are for that).
 */
import type { AppendOptions, AppendResult, EventStore, NewEvent, RecordedEvent } from './event-store.js';

/**
 * The flag on an attested RecordedEvent. A registered symbol, so that the domain's codec can
 * read it without importing the store (src/domain/codec.ts names the same key).
 */
export const ATTESTED: unique symbol = Symbol.for('13d-ledger.store.attested') as never;

/** The adapter's hidden method: append and seal. */
export const ATTESTED_APPEND: unique symbol = Symbol('13d-ledger.store.attested-append') as never;

export interface AttestingStore {
  [ATTESTED_APPEND](stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
}

/**
 * Appends as `store.append` does, sealed when the adapter can attest (SQLite, PostgreSQL); on a
 * store that cannot (EventStoreDB, test doubles) it is a plain append, and readers validate.
 */
export function appendAttested(
  store: EventStore,
  stream: string,
  events: readonly NewEvent[],
  options?: AppendOptions,
): Promise<AppendResult> {
  const attesting = (store as Partial<AttestingStore>)[ATTESTED_APPEND];
  return attesting ? attesting.call(store, stream, events, options) : store.append(stream, events, options);
}

/** True when the store's adapter seals what appendAttested writes. */
export function canAttest(store: EventStore): boolean {
  return typeof (store as Partial<AttestingStore>)[ATTESTED_APPEND] === 'function';
}

/** Flags an event read back whose seal matched (adapters call it while reading). */
export function markAttested<T extends RecordedEvent>(event: T): T {
  Object.defineProperty(event, ATTESTED, { value: true, enumerable: false });
  return event;
}

export function isAttested(event: object): boolean {
  return (event as { [ATTESTED]?: unknown })[ATTESTED] === true;
}
