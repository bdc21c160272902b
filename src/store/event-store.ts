/**
 * The one event-store port. It knows streams, revisions, positions and JSON,
 * and nothing of Schedule 13D. Every adapter (SQLite, PostgreSQL, EventStoreDB) implements
 * it and passes the same contract suite (test/store/contract.ts).
 */

/**
 * What the writer believes about the stream before appending.
 * - `'no_stream'`: the stream must not exist yet.
 * - `'stream_exists'`: the stream must have at least one event.
 * - `'any'`: no check.
 * - a bigint: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | bigint;

/** Caller-supplied metadata. `recordedAt` is added by the store at append. */
export interface EventMetadataInput {
  correlationId?: string;
  causationId?: string;
  /** Where the event came from: a filing, a file, a user, a program. */
  source?: string;
  [key: string]: unknown;
}

/** Metadata as read back: what the caller gave plus the store's recorded time. */
export interface EventMetadata extends EventMetadataInput {
  /** ISO-8601 UTC instant at which the store recorded the event (the third clock). */
  recordedAt: string;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /**
   * Caller-chosen UUID; appending the same ids again is a retry. Every adapter
   * recognises a retry, and refuses an id reused with other content, within the
   * target stream; the SQLite and PostgreSQL adapters also refuse an id already used
   * in another stream, while EventStoreDB does not look outside the target stream.
   */
  id: string;
  type: Type;
  /** Plain JSON: objects, arrays, strings, finite numbers, booleans, null. */
  data: Data;
  metadata?: EventMetadataInput;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
  stream: string;
  /** Revision within its stream; the first event of a stream is revision 0n on every adapter. */
  revision: bigint;
  /** Position in the store's one global order; strictly increasing in append order. */
  position: bigint;
}

export interface AppendOptions {
  /** @defaultValue `'any'` */
  expectedRevision?: ExpectedRevision;
}

export interface AppendedEvent {
  id: string;
  revision: bigint;
  position: bigint;
}

export interface AppendResult {
  /** Revision of the stream's last event after this append: pass it as the next expectedRevision. */
  nextExpectedRevision: bigint;
  /** One entry per appended event, in batch order. */
  events: AppendedEvent[];
  /**
   * True when this call wrote the events; false when it found them already written (an idempotent retry, or
   * another writer's identical batch), so that two processes never both report the same events as theirs.
   */
  written: boolean;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /**
   * First revision to read (inclusive). `'start'` or `'end'` pick the stream's edge.
   * @defaultValue `'start'` forwards, `'end'` backwards
   */
  from?: bigint | 'start' | 'end';
  /** @defaultValue `'forwards'` */
  direction?: ReadDirection;
  /** Maximum number of events returned. @defaultValue no limit */
  limit?: number;
}

export interface EventFilter {
  /** Keep events whose stream name starts with one of these. */
  streamPrefixes?: string[];
  /** Keep events of these types. */
  types?: string[];
}

export interface ReadAllOptions {
  /** First global position to read (inclusive). @defaultValue the beginning */
  fromPosition?: bigint;
  /** Maximum number of events returned. @defaultValue no limit */
  limit?: number;
  filter?: EventFilter;
}

export interface SubscribeOptions {
  /**
   * Deliver events after this position (exclusive): a projection's checkpoint.
   * @defaultValue deliver from the beginning
   */
  afterPosition?: bigint;
  filter?: EventFilter;
  /** Called once per event, in global order; the next is not delivered until it settles. */
  onEvent: (event: RecordedEvent) => void | Promise<void>;
  /** Called once, when every event existing at subscription time has been delivered. */
  onCaughtUp?: () => void;
  /** Called when the subscription stops on an error (including a throwing onEvent). */
  onError?: (error: Error) => void;
}

export interface Subscription {
  /** Stops delivery; resolves once no onEvent call is running. */
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up subscription to all events: history from the checkpoint, then live. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
