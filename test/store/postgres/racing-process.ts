/**
 * A writer process of racing-processes.int.test.ts, run with `node --import tsx`
 * through child_process.fork (an IPC channel to the test).
 *
 * It opens its own PostgreSQL store and says "ready". On "go" it waits for the instant
 * the message names (a monotonic clock every process on the machine shares), then until
 * the deadline appends one intended event after another, each to its own stream or to
 * one of the shared ones: it reads the stream's last revision, appends at exactly that
 * revision, and on WrongExpectedRevisionError reads again and retries the same event
 * (same id) until it lands. Now and then it sends a batch that landed once more, as a
 * client does when it lost the answer: that must find it written, not write it again.
 */
import { randomUUID } from 'node:crypto';
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';
import { WrongExpectedRevisionError } from '../../../src/store/errors.js';

export interface WriterGo {
  atNs: string;
  durationMs: number;
}

export interface Landed {
  id: string;
  stream: string;
  revision: string;
  position: string;
}

export type WriterReport =
  | { type: 'ready' }
  | {
      type: 'done';
      intended: Array<{ id: string; stream: string }>;
      landed: Landed[];
      conflicts: number;
      resent: number;
      failures: string[];
    };

const [url, label, ownStream, sharedJson] = process.argv.slice(2) as [string, string, string, string];
const shared = JSON.parse(sharedJson) as string[];
if (!process.send) throw new Error('racing-process.ts must be started with an IPC channel (child_process.fork)');
const send = (report: WriterReport) => process.send!(report);

const store = getPostgresEventStore({ connectionString: url });
await store.readStream(ownStream, { direction: 'backwards', limit: 1 }); // connect and check the schema before the race
send({ type: 'ready' });

async function waitUntil(atNs: bigint): Promise<void> {
  const sleepMs = Number(atNs - process.hrtime.bigint()) / 1e6 - 1;
  if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
  while (process.hrtime.bigint() < atNs) {
    // spin the last millisecond
  }
}

process.once('message', async (go: WriterGo) => {
  await waitUntil(BigInt(go.atNs));
  const deadline = Date.now() + go.durationMs;
  const intended: Array<{ id: string; stream: string }> = [];
  const landed: Landed[] = [];
  const failures: string[] = [];
  let conflicts = 0;
  let resent = 0;
  for (let n = 0; Date.now() < deadline && failures.length === 0; n++) {
    const stream = n % 2 === 0 ? ownStream : shared[Math.floor(n / 2) % shared.length]!;
    const event = { id: randomUUID(), type: 'Raced', data: { by: label, n } };
    intended.push({ id: event.id, stream });
    for (;;) {
      try {
        const [last] = await store.readStream(stream, { direction: 'backwards', limit: 1 });
        const expectedRevision = last === undefined ? 'no_stream' : last.revision;
        const result = await store.append(stream, [event], { expectedRevision });
        const { revision, position } = result.events[0]!;
        landed.push({ id: event.id, stream, revision: String(revision), position: String(position) });
        if (n % 7 === 3) {
          resent++;
          const again = await store.append(stream, [event], { expectedRevision });
          if (again.written || again.events[0]!.position !== position)
            failures.push(
              `resending ${event.id} gave ${JSON.stringify(again, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`,
            );
        }
        break;
      } catch (error) {
        if (error instanceof WrongExpectedRevisionError) {
          conflicts++;
          continue;
        }
        failures.push(`${(error as Error).name}: ${(error as Error).message}`);
        break;
      }
    }
  }
  await store.close();
  send({ type: 'done', intended, landed, conflicts, resent, failures });
  process.disconnect();
});
