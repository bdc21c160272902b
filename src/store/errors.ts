/** The port's own errors: adapters translate vendor errors into these at the edge. */

export type ActualRevision = bigint | 'no_stream';

export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: string | bigint,
    readonly actual: ActualRevision,
  ) {
    super(
      `Wrong expected revision on stream "${stream}": expected ${String(expected)}, actual ${String(actual)}; nothing was written`,
    );
  }
}

/** An event id already in the store with different content, or a batch only partly written before. */
export class EventIdConflictError extends Error {
  override readonly name = 'EventIdConflictError';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`Event id ${eventId} conflicts: ${reason}; nothing was written`);
  }
}

/** Input the store refuses before touching storage: bad stream name, bad id, non-JSON data, bad revision. */
export class InvalidStoreInputError extends Error {
  override readonly name = 'InvalidStoreInputError';
}

/** A store URL the ledger cannot open. */
export class UnsupportedStoreUrlError extends Error {
  override readonly name = 'UnsupportedStoreUrlError';
}

/** The store was used after close(). */
export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  constructor() {
    super('The event store is closed');
  }
}

/** The store could not be reached or answered with an error of its own. */
export class StoreUnavailableError extends Error {
  override readonly name: string = 'StoreUnavailableError';
}

/**
 * The store is open for reading only (the URL asked for it, or this user cannot write the file or its
 * directory): queries work, and an append is refused with this error, naming why and what to do.
 */
export class StoreReadOnlyError extends StoreUnavailableError {
  override readonly name = 'StoreReadOnlyError';
}

/** The store's schema is missing, older or newer than the one this program knows; the message says what to run. */
export class StoreSchemaError extends Error {
  override readonly name = 'StoreSchemaError';
}
