/**
 * events: the raw events of an issuer stream, a page at a time, as stored (for audit and for programs that mirror the
 * log).
 */
import { InvalidValueError, issuerStream, parseIssuerRef } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { IssuerNotFoundError } from './issuer-events.js';
import { issuerDirectory } from './issuer-directory.js';

export interface StoredEventView {
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: unknown;
}

export interface EventsPage {
  stream: string;
  events: StoredEventView[];
  /** Pass as `from` for the next page; null at the end of the stream. */
  nextFrom: number | null;
}

export const MAX_EVENTS_PAGE = 1000;

export async function queryIssuerEvents(
  store: EventStore,
  input: { issuer: string; from?: number; limit?: number },
): Promise<EventsPage> {
  const from = input.from ?? 0;
  const limit = input.limit ?? 100;
  if (!Number.isSafeInteger(from) || from < 0)
    throw new InvalidValueError(`from "${input.from}" is not a revision (0 or more)`);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_EVENTS_PAGE)
    throw new InvalidValueError(`limit "${input.limit}" is not between 1 and ${MAX_EVENTS_PAGE}`);
  const issuerKey = await issuerDirectory(store).lookup(parseIssuerRef(input.issuer));
  if (issuerKey === undefined) throw new IssuerNotFoundError(`The ledger has no events for issuer ${input.issuer}`);
  const stream = issuerStream(issuerKey);
  // One more than asked: whether another page follows.
  const read = await store.readStream(stream, { from: BigInt(from), limit: limit + 1 });
  const page = read.slice(0, limit);
  return {
    stream,
    events: page.map((e) => ({
      id: e.id,
      type: e.type,
      revision: Number(e.revision),
      position: e.position.toString(),
      recordedAt: e.metadata.recordedAt,
      data: e.data,
    })),
    nextFrom: read.length > limit ? Number(page.at(-1)!.revision) + 1 : null,
  };
}
