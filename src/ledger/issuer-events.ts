/** The issuer stream at the store edge: validate on append, decode once on read. */
import {
  compareInChain,
  EVENT_SCHEMA_VERSION,
  ISSUER_STREAM_PREFIX,
  issuerStream,
  parseIssuerRef,
  validateEvent,
  type DomainEvent,
  type Envelope,
  type EventData,
  type UnreadableEvent,
} from '../domain/index.js';
import { directoryOf, readDecoded } from './read-cache.js';
import type { AppendResult, EventStore, ExpectedRevision } from '../store/event-store.js';
import { appendAttested } from '../store/attestation.js';

/** How every query names the issuer: its name and the CUSIP its latest filing prints (null when known only by CIK). */
export interface IssuerHeader {
  cusip: string | null;
  name: string | null;
}

export class IssuerNotFoundError extends Error {
  override readonly name = 'IssuerNotFoundError';
}

export interface IssuerEvents {
  envelopes: Envelope[];
  /** Events that fail their schema (written by another program) and are not retracted: left out, and shown. */
  unreadable: UnreadableEvent[];
  lastRevision: bigint | null;
}

/**
 * Every event of one issuer (by its key: a CUSIP or cik-<CIK>), decoded, in recorded order; events that fail their
 * schema are set aside.
 */
export async function readIssuer(store: EventStore, issuerKey: string): Promise<IssuerEvents> {
  const { envelopes, unreadable, lastRevision } = await readDecoded(store, issuerStream(issuerKey));
  const retracted = new Set(
    envelopes.flatMap(({ event }) => (event.type === 'EventRetracted' ? [event.data.eventId] : [])),
  );
  return { envelopes, unreadable: unreadable.filter((event) => !retracted.has(event.id)), lastRevision };
}

/**
 * As readIssuer, for what a person types: any CUSIP the issuer has used, or its CIK ("cik:896493"). An issuer
 * the ledger has never heard of is an error that says what to do. `cusip` is the CUSIP the latest filing
 * prints (null for an issuer known only by CIK).
 */
export async function readKnownIssuer(
  store: EventStore,
  issuer: string,
): Promise<IssuerEvents & { cusip: string | null; issuerKey: string }> {
  const ref = parseIssuerRef(issuer);
  const issuerKey = await directoryOf(store).lookup(ref);
  const read = issuerKey === undefined ? undefined : await readIssuer(store, issuerKey);
  if (issuerKey === undefined || read === undefined || (read.envelopes.length === 0 && read.unreadable.length === 0)) {
    const named = ref.startsWith('cik:') ? `CIK ${ref.slice(4)}` : ref.slice(6);
    throw new IssuerNotFoundError(
      `The ledger has no events for issuer ${named}: ingest its filings with \`13d-ledger ingest\`${ref === 'cusip:09175M507' || ref === 'cusip:09175M408' ? ' or load the bundled history with `13d-ledger sample load`' : ''}`,
    );
  }
  return {
    cusip: latestCusip(read.envelopes) ?? (issuerKey.startsWith('cik-') ? null : issuerKey),
    issuerKey,
    ...read,
  };
}

/** The CUSIP the latest statement (in chain order) prints. */
function latestCusip(envelopes: readonly Envelope[]): string | null {
  let latest: EventData<'StatementFiled'> | null = null;
  for (const { event } of envelopes)
    if (
      event.type === 'StatementFiled' &&
      event.data.issuer.cusip !== null &&
      (latest === null || compareInChain(event.data, latest) >= 0)
    )
      latest = event.data;
  return latest?.issuer.cusip ?? null;
}

export interface EventToAppend {
  id: string;
  type: string;
  data: unknown;
}

/** Validates every event first (one bad event: nothing written), then appends them as one batch. */
export async function appendToIssuer(
  store: EventStore,
  issuerKey: string,
  events: readonly EventToAppend[],
  options: { expectedRevision?: ExpectedRevision; source?: string } = {},
): Promise<AppendResult> {
  return appendDomainEvents(store, issuerStream(issuerKey), events, options);
}

/**
 * The one way domain events reach the store: each is validated against its
 * schema, marked with the schema version, and appended through the store's sealed
 * append, so that reads need not validate again (a marker without the store's seal
 * is not trusted: see src/domain/codec.ts).
 */
export async function appendDomainEvents(
  store: EventStore,
  stream: string,
  events: readonly EventToAppend[],
  options: { expectedRevision?: ExpectedRevision; source?: string; metadata?: Readonly<Record<string, unknown>> } = {},
): Promise<AppendResult> {
  const valid: DomainEvent[] = events.map((event) => validateEvent(event, event.id));
  const metadata = {
    ...options.metadata,
    schema: EVENT_SCHEMA_VERSION,
    ...(options.source ? { source: options.source } : {}),
  };
  return appendAttested(
    store,
    stream,
    valid.map((event, i) => ({ id: events[i]!.id, type: event.type, data: event.data, metadata })),
    { expectedRevision: options.expectedRevision ?? 'any' },
  );
}

/** True when the store holds at least one issuer's events (false for a new, empty store). */
export async function holdsAnyIssuer(store: EventStore): Promise<boolean> {
  return (await store.readAll({ filter: { streamPrefixes: [ISSUER_STREAM_PREFIX] }, limit: 1 })).length > 0;
}

/** The issuer's name as its latest statement gives it. */
export function issuerName(envelopes: readonly Envelope[]): string | null {
  let name: string | null = null;
  for (const { event } of envelopes) if (event.type === 'StatementFiled') name = event.data.issuer.name;
  return name;
}
