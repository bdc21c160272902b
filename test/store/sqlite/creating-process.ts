/**
 * One of the processes of store-creation.int.test.ts, run with `node --import tsx`
 * through child_process.fork. For each file the test names, it waits for that
 * round's start instant (a monotonic clock every process on the machine shares),
 * then opens a store on the file, which does not exist yet, and appends one event:
 * every process creates the same new file at the same moment. It reports each
 * round's outcome (the error's name and message when it failed) and ends.
 */
import { randomUUID } from 'node:crypto';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';

export interface CreatorGo {
  files: string[];
  /** Start instant of the first round (process.hrtime.bigint(), as a string), then one round every `everyMs`. */
  atNs: string;
  everyMs: number;
}

export type CreatorOutcome = { ok: true } | { ok: false; error: string; message: string };
export type CreatorReport = { type: 'ready' } | { type: 'done'; outcomes: CreatorOutcome[] };

if (!process.send) throw new Error('creating-process.ts must be started with an IPC channel (child_process.fork)');
const send = (report: CreatorReport) => process.send!(report);

async function waitUntil(atNs: bigint): Promise<void> {
  const sleepMs = Number(atNs - process.hrtime.bigint()) / 1e6 - 1;
  if (sleepMs > 0) await new Promise((resolve) => setTimeout(resolve, sleepMs));
  while (process.hrtime.bigint() < atNs) {
    // spin the last millisecond
  }
}

process.once('message', async (go: CreatorGo) => {
  const outcomes: CreatorOutcome[] = [];
  for (const [round, file] of go.files.entries()) {
    await waitUntil(BigInt(go.atNs) + BigInt(round * go.everyMs) * 1_000_000n);
    const store = getSqliteEventStore({ path: file });
    try {
      await store.append(`created-${randomUUID()}`, [{ id: randomUUID(), type: 'Created', data: { round } }]);
      outcomes.push({ ok: true });
    } catch (error) {
      const e = error as Error;
      outcomes.push({ ok: false, error: e.name, message: e.message });
    } finally {
      await store.close().catch(() => undefined);
    }
  }
  send({ type: 'done', outcomes });
  process.disconnect();
});
send({ type: 'ready' });
