/**
 * A second process for the two-process concurrency test: opens the store file,
 * says "ready", waits for "go" on stdin, appends one event at the expected
 * revision it was given, and prints the outcome as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';

const [path, stream, expected, label] = process.argv.slice(2) as [string, string, string, string];
const store = getSqliteEventStore({ path });
process.stdout.write('ready\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() !== 'go') continue;
  try {
    const result = await store.append(stream, [{ id: randomUUID(), type: 'Written', data: { by: label } }], {
      expectedRevision: BigInt(expected),
    });
    process.stdout.write(`${JSON.stringify({ outcome: 'appended', revision: String(result.nextExpectedRevision) })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ outcome: 'refused', error: (error as Error).name })}\n`);
  }
  break;
}
lines.close();
await store.close();
