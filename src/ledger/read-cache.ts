/**
 * What a long-running process (the HTTP service) keeps between reads of one store: each issuer
 * stream decoded once, then only what was appended after it; and one issuer directory that reads
 * its stream incrementally. Every read still asks the store for what came after what is kept, so
 * an answer is never behind the log; the log is append-only, so what is kept never goes stale.
 *
 * A one-shot CLI command keeps nothing (it reads each stream once anyway).
 */
import { decodeTolerantly, type Envelope, type UnreadableEvent } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { issuerDirectory, type IssuerDirectory } from './issuer-directory.js';

export interface DecodedStream {
  envelopes: Envelope[];
  unreadable: UnreadableEvent[];
  lastRevision: bigint | null;
}

interface ReadCache {
  directory: IssuerDirectory;
  /** Least recently read first (a Map keeps insertion order; a read moves its stream to the end). */
  streams: Map<string, DecodedStream>;
  events: number;
  maxEvents: number;
}

const caches = new WeakMap<EventStore, ReadCache>();

/** Events kept by default: about 1.7 KB each decoded, so some 3.4 GB at most. */
const DEFAULT_MAX_EVENTS = 2_000_000;

/** From now on, reads of issuer streams through this store object keep what they decode. */
export function keepReads(store: EventStore, options: { maxEvents?: number } = {}): void {
  if (caches.has(store)) return;
  caches.set(store, {
    directory: issuerDirectory(store),
    streams: new Map(),
    events: 0,
    maxEvents: options.maxEvents ?? DEFAULT_MAX_EVENTS,
  });
}

/** The issuer directory of this store: the kept one when reads are kept, else a fresh one. */
export function directoryOf(store: EventStore): IssuerDirectory {
  return caches.get(store)?.directory ?? issuerDirectory(store);
}

/** A stream's events decoded (events that fail their schema set aside), reading only what is not kept. */
export async function readDecoded(store: EventStore, stream: string): Promise<DecodedStream> {
  const cache = caches.get(store);
  const kept = cache?.streams.get(stream);
  const from = kept?.lastRevision === null || kept === undefined ? 0n : kept.lastRevision + 1n;
  const recorded = await store.readStream(stream, from === 0n ? {} : { from });
  const fresh = decodeTolerantly(recorded);
  if (cache === undefined) return { ...fresh, lastRevision: recorded.at(-1)?.revision ?? null };
  // Nothing new: what is kept stands as it is (a stream never changes what it holds).
  const read: DecodedStream =
    kept !== undefined && recorded.length === 0
      ? kept
      : {
          envelopes: [...(kept?.envelopes ?? []), ...fresh.envelopes],
          unreadable: [...(kept?.unreadable ?? []), ...fresh.unreadable],
          lastRevision: recorded.at(-1)?.revision ?? kept?.lastRevision ?? null,
        };
  keep(cache, stream, read, kept);
  // Callers get arrays of their own: what is kept is never handed out to be changed.
  return { ...read, envelopes: [...read.envelopes], unreadable: [...read.unreadable] };
}

function keep(cache: ReadCache, stream: string, read: DecodedStream, kept: DecodedStream | undefined): void {
  const size = (s: DecodedStream) => s.envelopes.length + s.unreadable.length;
  if (kept !== undefined) {
    cache.streams.delete(stream);
    cache.events -= size(kept);
  }
  cache.streams.set(stream, read);
  cache.events += size(read);
  // The least recently read go first; the stream just read stays even when it alone is over the bound.
  for (const [name, oldest] of cache.streams) {
    if (cache.events <= cache.maxEvents || name === stream) break;
    cache.streams.delete(name);
    cache.events -= size(oldest);
  }
}
