/** The issuer stream at the store edge: validate on append, decode once on read. */
import { decodeTolerantly, EVENT_SCHEMA_VERSION, issuerStream, parseCusip, validateEvent, type Cusip, type DomainEvent, type Envelope, type UnreadableEvent } from '../domain/index.js';
import type { AppendResult, EventStore, ExpectedRevision } from '../store/event-store.js';

export class IssuerNotFoundError extends Error {
  override readonly name = 'IssuerNotFoundError';
}

export interface IssuerEvents {
  envelopes: Envelope[];
  /** Events that fail their schema (written by another program) and are not retracted: left out, and shown. */
  unreadable: UnreadableEvent[];
  lastRevision: bigint | null;
}

/** Every event of one issuer, decoded, in recorded order; events that fail their schema are set aside. */
export async function readIssuer(store: EventStore, cusip: Cusip): Promise<IssuerEvents> {
  const recorded = await store.readStream(issuerStream(cusip));
  const last = recorded.at(-1);
  const { envelopes, unreadable } = decodeTolerantly(recorded);
  const retracted = new Set(envelopes.flatMap(({ event }) => (event.type === 'EventRetracted' ? [event.data.eventId] : [])));
  return {
    envelopes,
    unreadable: unreadable.filter((event) => !retracted.has(event.id)),
    lastRevision: last === undefined ? null : last.revision,
  };
}

/** As readIssuer, but an issuer the ledger has never heard of is an error that says what to do. */
export async function readKnownIssuer(store: EventStore, issuer: string): Promise<IssuerEvents & { cusip: Cusip }> {
  const cusip = parseCusip(issuer);
  const read = await readIssuer(store, cusip);
  if (read.envelopes.length === 0 && read.unreadable.length === 0) {
    throw new IssuerNotFoundError(
      `The ledger has no events for issuer ${cusip}: ingest its filings with \`13d-ledger ingest\`${cusip === '09175M507' ? ' or load the bundled history with `13d-ledger sample load`' : ''}`,
    );
  }
  return { cusip, ...read };
}

export interface EventToAppend {
  id: string;
  type: string;
  data: unknown;
}

/** Validates every event first (one bad event: nothing written), then appends them as one batch. */
export async function appendToIssuer(
  store: EventStore,
  cusip: Cusip,
  events: readonly EventToAppend[],
  options: { expectedRevision?: ExpectedRevision; source?: string } = {},
): Promise<AppendResult> {
  return appendDomainEvents(store, issuerStream(cusip), events, options);
}

/**
 * The one way domain events reach the store: each is validated against its
 * schema, and marked with the schema version so reads need not validate again.
 */
export async function appendDomainEvents(
  store: EventStore,
  stream: string,
  events: readonly EventToAppend[],
  options: { expectedRevision?: ExpectedRevision; source?: string } = {},
): Promise<AppendResult> {
  const valid: DomainEvent[] = events.map((event) => validateEvent(event, event.id));
  const metadata = { schema: EVENT_SCHEMA_VERSION, ...(options.source ? { source: options.source } : {}) };
  return store.append(
    stream,
    valid.map((event, i) => ({ id: events[i]!.id, type: event.type, data: event.data, metadata })),
    { expectedRevision: options.expectedRevision ?? 'any' },
  );
}

/** The issuer's name as its latest statement gives it. */
export function issuerName(envelopes: readonly Envelope[]): string | null {
  let name: string | null = null;
  for (const { event } of envelopes) if (event.type === 'StatementFiled') name = event.data.issuer.name;
  return name;
}
