/**
 * One of the racing processes of racing-appends.int.test.ts, run with
 * `node --import tsx` through child_process.fork (an IPC channel to the test).
 *
 * It opens its own store (its own better-sqlite3 connection) on the shared file
 * and says "ready". On "go" it waits for the instant the message names (a
 * monotonic clock every process on the machine shares, so all racers start
 * together), then, round after round, reads the stream's last revision and at
 * once appends one event at exactly that expected revision. It reports every
 * round's outcome, closes the store and ends.
 */
import { randomUUID } from 'node:crypto';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';
import { WrongExpectedRevisionError } from '../../../src/store/errors.js';

export interface RacerGo {
  atNs: string;
  rounds: number;
}

export type RacerOutcome =
  | { type: 'appended'; expected: string; revision: string; id: string }
  | { type: 'conflict'; expected: string; actual: string }
  | { type: 'failed'; expected: string; error: string };

export type RacerReport = { type: 'ready' } | { type: 'done'; outcomes: RacerOutcome[] };

const [path, stream, label] = process.argv.slice(2) as [string, string, string];
if (!process.send) throw new Error('racing-writer.ts must be started with an IPC channel (child_process.fork)');
const send = (report: RacerReport) => process.send!(report);

const store = getSqliteEventStore({ path });
await store.readStream(stream, { direction: 'backwards', limit: 1 }); // open the connection before the race
send({ type: 'ready' });

async function waitUntil(atNs: bigint): Promise<void> {
  const sleepMs = Number(atNs - process.hrtime.bigint()) / 1e6 - 1;
  if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
  while (process.hrtime.bigint() < atNs) {
    // spin the last millisecond
  }
}

async function round(n: number): Promise<RacerOutcome> {
  let expected = '?';
  try {
    const [last] = await store.readStream(stream, { direction: 'backwards', limit: 1 });
    if (last === undefined) throw new Error(`stream ${stream} is empty: the test should have created it`);
    expected = String(last.revision);
    const id = randomUUID();
    const result = await store.append(stream, [{ id, type: 'Raced', data: { by: label, round: n } }], {
      expectedRevision: last.revision,
    });
    return { type: 'appended', expected, revision: String(result.nextExpectedRevision), id };
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError)
      return { type: 'conflict', expected, actual: String(error.actual) };
    const e = error as Error & { code?: string };
    return { type: 'failed', expected, error: `${e.name}${e.code ? ` (${e.code})` : ''}: ${e.message}` };
  }
}

process.once('message', async (go: RacerGo) => {
  await waitUntil(BigInt(go.atNs));
  const outcomes: RacerOutcome[] = [];
  for (let n = 0; n < go.rounds; n++) {
    outcomes.push(await round(n));
    // Step back a moment between rounds, so that a racer that just won does not keep the
    // write lock to itself while the others sleep in SQLite's busy handler: they all take turns.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await store.close();
  send({ type: 'done', outcomes });
  process.disconnect();
});
