/**
 * Steps 1 and 2 on the ledger's own embedded store, as the ledger writes and reads: appends through the attested
 * append (each event sealed, so that reads trust its schema marker instead of validating it again; the generator's
 * events are valid by construction, see test/bench), reads through the port's readAll.
 */
import { appendAttested } from '../src/store/attestation.js';
import { openStore } from '../src/store/open-store.js';
import type { AppendReadTarget } from './append-read-target.js';

/** `full`: each commit synced to disk (`?synchronous=full`), for those who cannot lose one to a power cut. */
export async function ledgerTarget(path: string, synchronous: 'normal' | 'full' = 'normal'): Promise<AppendReadTarget> {
  // The store's default durability is WAL with synchronous=NORMAL (see DURABILITY).
  const store = await openStore(`sqlite:${path}${synchronous === 'full' ? '?synchronous=full' : ''}`);
  return {
    name: `13d-ledger (SQLite store${synchronous === 'full' ? ', synchronous=full' : ''})`,
    async append(batch) {
      const expectedRevision = batch.eventsBefore === 0 ? 'no_stream' : BigInt(batch.eventsBefore - 1);
      await appendAttested(store, batch.stream, batch.events, { expectedRevision });
    },
    async readAll(pageSize) {
      let count = 0;
      let fromPosition = 0n;
      for (;;) {
        const page = await store.readAll({ fromPosition, limit: pageSize });
        count += page.length;
        if (page.length < pageSize) return count;
        fromPosition = page[page.length - 1]!.position + 1n;
      }
    },
    close: () => store.close(),
  };
}
