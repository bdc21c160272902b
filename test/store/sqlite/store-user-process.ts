/**
 * A process of store-url.int.test.ts, started as another (non-root) user when the test runs
 * as root, so that file permissions apply to it: it opens the store URL it is given, reads
 * every event, tries one append, and prints one JSON line with what happened.
 */
import { randomUUID } from 'node:crypto';
import { openStore } from '../../../src/store/open-store.js';

export interface StoreUserOutcome {
  read: { events: number } | { error: string; message: string };
  append: { written: boolean } | { error: string; message: string };
}

const failure = (error: unknown) => ({ error: (error as Error).name, message: (error as Error).message });
const [url] = process.argv.slice(2) as [string];
const store = await openStore(url);
const outcome: StoreUserOutcome = { read: { events: 0 }, append: { written: false } };
try {
  outcome.read = { events: (await store.readAll()).length };
} catch (error) {
  outcome.read = failure(error);
}
try {
  outcome.append = {
    written: (await store.append('user-test', [{ id: randomUUID(), type: 'Tried', data: {} }])).written,
  };
} catch (error) {
  outcome.append = failure(error);
}
await store.close();
process.stdout.write(`${JSON.stringify(outcome)}\n`);
