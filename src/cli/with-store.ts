import { existsSync } from 'node:fs';
import type { EventStore } from '../store/event-store.js';
import { openStore, resolveStoreUrl, sqliteFileOf } from '../ledger/index.js';
import { unverifiedAppendsWarning } from '../ledger/verify-log.js';

/** Every command takes --store; this opens it (or LEDGER_STORE, or the embedded default) and always closes it. */
export async function withStore<T>(storeFlag: string | undefined, work: (store: EventStore) => Promise<T>): Promise<T> {
  const url = resolveStoreUrl(storeFlag);
  const missingFile = sqliteFileThatDoesNotExist(url);
  const store = await openStore(url);
  try {
    const result = await work(store);
    const warning = await unverifiedAppendsWarning(store).catch(() => null);
    if (warning !== null) process.stderr.write(`${warning}\n`);
    return result;
  } catch (error) {
    // A query against a mistyped path finds nothing: say that the file is missing, not only that the issuer is.
    if (missingFile !== null && error instanceof Error && !existsSync(missingFile)) {
      error.message = `${error.message} (no ledger file at ${missingFile}: check --store or LEDGER_STORE)`;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function sqliteFileThatDoesNotExist(url: string): string | null {
  const path = sqliteFileOf(url);
  return path === null || existsSync(path) ? null : path;
}
