/**
 * The read and write edge of the domain: stored `{ type, data }` is validated
 * with zod once here, so projections fold plain typed objects.
 * Structural input types keep the domain free of any store import.
 */
import { z } from 'zod';
import { DomainEventSchema, type DomainEvent, type Envelope } from './events.js';
import { upcastFromV1 } from './upcast.js';

/** The parts of a stored event the domain reads. */
export interface StoredEventLike {
  id: string;
  type: string;
  data: unknown;
  metadata: { recordedAt: string; schema?: unknown };
  position: bigint | number;
}

/**
 * Written into the metadata of every event the ledger validated before appending
 * it. Reads trust such events and run zod only on the rest: events another program
 * wrote, or an older schema version. Validation is 25x the cost of the fold, and
 * replay is the hot path. A changed event shape needs a new version here and an
 * upcaster (upcast.ts).
 *
 * The marker alone proves nothing: any caller of the store's public append, or a
 * plain SQL INSERT, can write it. It is trusted only on an event the store flags as
 * attested (its seal, made by the ledger's own append, matches: src/store/attestation.ts);
 * everything else is validated, whatever its metadata says.
 */
export const EVENT_SCHEMA_VERSION = 'ledger-events/2';

/** Events the ledger validated in the shape before /2 (some fields left out): read through the upcaster. */
export const LEGACY_SCHEMA_VERSION = 'ledger-events/1';

/** The store's flag on an attested event (src/store/attestation.ts names the same registered symbol). */
const ATTESTED = Symbol.for('13d-ledger.store.attested');

function isAttested(stored: StoredEventLike): boolean {
  return (stored as unknown as { [ATTESTED]?: unknown })[ATTESTED] === true;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(DomainEventSchema.options.map((option) => option.shape.type.value));

/** A stored or incoming event that fails its schema. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';
  constructor(
    readonly eventType: string,
    readonly issues: string[],
    readonly eventId?: string,
  ) {
    super(`${eventType}${eventId ? ` ${eventId}` : ''} fails its schema: ${issues.join('; ')}`);
  }
}

export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    // Paths are reported inside the event's data: "shares", not "data.shares".
    const path = issue.path[0] === 'data' ? issue.path.slice(1) : issue.path;
    return `${path.length > 0 ? path.join('.') : '(event)'}: ${issue.message}`;
  });
}

/** Validates an event about to be appended (or read back) and returns it typed. */
export function validateEvent(input: { type: string; data: unknown }, eventId?: string): DomainEvent {
  const result = DomainEventSchema.safeParse({ type: input.type, data: input.data });
  if (!result.success) throw new EventValidationError(input.type, describeIssues(result.error), eventId);
  return result.data;
}

export function decodeEvent(stored: StoredEventLike): Envelope {
  const known = KNOWN_TYPES.has(stored.type);
  const version = isAttested(stored) ? stored.metadata.schema : undefined;
  let event: DomainEvent;
  if (known && version === EVENT_SCHEMA_VERSION) event = { type: stored.type, data: stored.data } as DomainEvent;
  else if (known && version === LEGACY_SCHEMA_VERSION)
    event = { type: stored.type, data: upcastFromV1(stored.type, stored.data) } as DomainEvent;
  // Not validated by this ledger (another program, an unknown version): the old shape is read too, then checked.
  else event = validateEvent({ type: stored.type, data: upcastFromV1(stored.type, stored.data) }, stored.id);
  return {
    id: stored.id,
    event,
    recordedAt: stored.metadata.recordedAt,
    position: Number(stored.position),
  };
}

export function decodeEvents(stored: readonly StoredEventLike[]): Envelope[] {
  return stored.map(decodeEvent);
}

/** A stored event that fails its schema: kept out of every projection, and shown to the user. */
export interface UnreadableEvent {
  id: string;
  type: string;
  recordedAt: string;
  problems: string[];
}

/**
 * Decodes what can be decoded and sets the rest aside, so that one bad event
 * another program wrote cannot make a whole issuer unreadable (or impossible
 * to retract the bad event from). Whatever decoding throws sets the event aside,
 * never the whole read.
 */
export function decodeTolerantly(stored: readonly StoredEventLike[]): {
  envelopes: Envelope[];
  unreadable: UnreadableEvent[];
} {
  const envelopes: Envelope[] = [];
  const unreadable: UnreadableEvent[] = [];
  for (const event of stored) {
    try {
      envelopes.push(decodeEvent(event));
    } catch (error) {
      const problems =
        error instanceof EventValidationError
          ? error.issues
          : [`(event): cannot be read: ${String((error as Error)?.message ?? error)}`];
      unreadable.push({ id: event.id, type: event.type, recordedAt: event.metadata.recordedAt, problems });
    }
  }
  return { envelopes, unreadable };
}
