import type { EventStore } from '../store/event-store.js';
import { openStore, resolveStoreUrl } from '../store/open-store.js';

/** Every command takes --store; this opens it (or LEDGER_STORE, or the embedded default) and always closes it. */
export async function withStore<T>(storeFlag: string | undefined, work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(resolveStoreUrl(storeFlag));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
