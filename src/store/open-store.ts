/**
 * Opens an event store from a URL:
 * - `sqlite:./var/ledger.db` (a file, created if missing) or `sqlite::memory:`
 * - `esdb://host:2113?tls=false` (EventStoreDB; `esdb+discover://` for a cluster)
 */
import type { EventStore } from './event-store.js';
import { UnsupportedStoreUrlError } from './errors.js';

/** Where the embedded store lives when neither --store nor LEDGER_STORE says otherwise. */
export const DEFAULT_STORE_URL = 'sqlite:./var/ledger.db';

export interface OpenStoreOptions {
  /** The store's clock for recorded time; tests pass a fixed one. @defaultValue `() => new Date()` */
  now?: () => Date;
}

export async function openStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Promise<EventStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new UnsupportedStoreUrlError(`Store URL "${url}" names no file: use sqlite:PATH or sqlite::memory:`);
    const { getSqliteEventStore } = await import('./sqlite/sqlite-event-store.js');
    return getSqliteEventStore({ path, now: options.now });
  }
  if (scheme === 'esdb' || scheme === 'esdb+discover') {
    // Loaded on demand: the gRPC client is heavy and the embedded store never needs it.
    const { getEventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return getEventStoreDbEventStore({ connectionString: url, now: options.now });
  }
  throw new UnsupportedStoreUrlError(
    `Unsupported store URL "${url}": expected sqlite:PATH, sqlite::memory: or esdb://host:2113?tls=false`,
  );
}

/** The store URL from the command line, else LEDGER_STORE, else the embedded default. */
export function resolveStoreUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.LEDGER_STORE ?? DEFAULT_STORE_URL;
}
