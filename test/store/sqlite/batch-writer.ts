/**
 * The writer of killed-writer.int.test.ts: appends batches of the size it is given, each to a new stream, as
 * fast as it can, and prints each stream's name once its append has returned (acknowledged), until
 * it is killed.
 */
import { randomUUID } from 'node:crypto';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';

const [path, size] = process.argv.slice(2) as [string, string];
const BATCH = Number(size);
const store = getSqliteEventStore({ path });
for (;;) {
  const stream = `batch-${randomUUID()}`;
  const events = Array.from({ length: BATCH }, (_, i) => ({
    id: randomUUID(),
    type: 'Part',
    data: { i, padding: 'x'.repeat(200) },
  }));
  await store.append(stream, events, { expectedRevision: 'no_stream' });
  process.stdout.write(`${stream}\n`);
}
