/**
 * The subscriber process of racing-processes.int.test.ts: a catch-up subscription to
 * all events of an empty store, on a connection of its own. It says "ready" once caught
 * up; on "finish" it waits until it has received as many events as the test says landed
 * (or ten seconds), closes, and reports every event it received, in delivery order, and
 * every place where a position was not the one after the last (a gap, or a repeat).
 */
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';

export type SubscriberReport =
  | { type: 'ready' }
  | { type: 'done'; received: Array<{ id: string; position: string }>; outOfOrder: string[]; error?: string };

const [url] = process.argv.slice(2) as [string];
if (!process.send) throw new Error('subscribing-process.ts must be started with an IPC channel (child_process.fork)');
const send = (report: SubscriberReport) => process.send!(report);

const store = getPostgresEventStore({ connectionString: url });
const received: Array<{ id: string; position: string }> = [];
const outOfOrder: string[] = [];
let last = 0n;
let failed: Error | undefined;
const subscription = store.subscribeToAll({
  onEvent: (event) => {
    if (event.position !== last + 1n) outOfOrder.push(`${event.position} after ${last}`);
    last = event.position;
    received.push({ id: event.id, position: String(event.position) });
  },
  onCaughtUp: () => send({ type: 'ready' }),
  onError: (error) => (failed = error),
});

process.once('message', async ({ count }: { count: number }) => {
  const deadline = Date.now() + 10_000;
  while (received.length < count && failed === undefined && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  await subscription.close();
  await store.close();
  send({ type: 'done', received, outOfOrder, ...(failed ? { error: failed.message } : {}) });
  process.disconnect();
});
