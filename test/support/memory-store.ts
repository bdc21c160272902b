/** A fresh in-memory store for one test, closed whatever happens. */
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

export async function withMemoryStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore('sqlite::memory:');
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
