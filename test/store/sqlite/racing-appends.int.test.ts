/**
 * A real race on one SQLite file: several OS processes, each with its own
 * connection, released together, each round after round reading the stream's
 * last revision and appending at exactly that revision. Only SQLite's write lock
 * (the append's BEGIN IMMEDIATE) and the unique (stream, revision) constraint
 * stand between them and a duplicated or skipped revision.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';
import type { RacerGo, RacerOutcome, RacerReport } from './racing-writer.js';

const PROCESSES = 4;
const ROUNDS = 50;
/** How far ahead the common start is set: long enough for every racer to get "go" first. */
const LEAD_NS = 50_000_000n;

const dir = mkdtempSync(join(tmpdir(), 'ledger-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite event store', () => {
  describe('when several processes race to append at the revision each has just read', () => {
    it('gives every revision to exactly one of them and refuses the others with WrongExpectedRevisionError', async () => {
      // Given a stream at revision 0 in a file, and four writer processes with a connection each
      const file = join(dir, `race-${randomUUID()}.db`);
      const stream = `race-${randomUUID()}`;
      const store = getSqliteEventStore({ path: file });
      const racers: Racer[] = [];
      try {
        await store.append(stream, [{ id: randomUUID(), type: 'Base', data: {} }], { expectedRevision: 'no_stream' });
        for (let i = 0; i < PROCESSES; i++) racers.push(startRacer(file, stream, `racer-${i}`));
        await Promise.all(racers.map((racer) => racer.next()));

        // When all are released at the same instant, each to read-and-append ROUNDS times
        const go: RacerGo = { atNs: String(process.hrtime.bigint() + LEAD_NS), rounds: ROUNDS };
        for (const racer of racers) racer.go(go);
        const outcomes: RacerOutcome[] = [];
        for (const report of await Promise.all(racers.map((racer) => racer.next()))) {
          if (report.type !== 'done') throw new Error(`unexpected report ${JSON.stringify(report)}`);
          outcomes.push(...report.outcomes);
        }

        // Then every append either succeeded or was refused for its revision: nothing else
        expect(outcomes.filter((o) => o.type === 'failed')).toEqual([]);
        const appended = outcomes.filter((o) => o.type === 'appended');
        const conflicts = outcomes.filter((o) => o.type === 'conflict');
        expect(appended.length + conflicts.length).toBe(PROCESSES * ROUNDS);
        for (const o of appended) expect(BigInt(o.revision)).toBe(BigInt(o.expected) + 1n);
        for (const o of conflicts) expect(BigInt(o.actual)).toBeGreaterThan(BigInt(o.expected));
        // And the stream holds revisions 0..N-1, each once: the base event and one per successful append
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: events.length }, (_, i) => BigInt(i)));
        expect(events.length).toBe(1 + appended.length);
        expect(
          events
            .slice(1)
            .map((e) => e.id)
            .sort(),
        ).toEqual(appended.map((o) => o.id).sort());
        // And the racers really overlapped: some of them lost
        console.info(
          `${PROCESSES} processes x ${ROUNDS} rounds: ${appended.length} appended, ${conflicts.length} refused with WrongExpectedRevisionError`,
        );
        expect(conflicts.length).toBeGreaterThan(0);
      } finally {
        for (const racer of racers) racer.kill();
        await Promise.all(racers.map((racer) => racer.exited));
        await store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      }
    }, 60_000);
  });
});

interface Racer {
  go(command: RacerGo): void;
  /** The racer's next report; rejects if the process ends first. */
  next(): Promise<RacerReport>;
  exited: Promise<void>;
  kill(): void;
}

function startRacer(file: string, stream: string, label: string): Racer {
  const script = join(import.meta.dirname, 'racing-writer.ts');
  const child = fork(script, [file, stream, label], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queued: RacerReport[] = [];
  const waiting: Array<{ resolve: (report: RacerReport) => void; reject: (error: Error) => void }> = [];
  let ended: Error | undefined;
  child.on('message', (report: RacerReport) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(report);
    else queued.push(report);
  });
  const exited = new Promise<void>((resolve) => {
    const end = (why: string) => {
      ended ??= new Error(`racer ${label} ended before reporting (${why})`);
      for (const waiter of waiting.splice(0)) waiter.reject(ended);
      resolve();
    };
    child.on('exit', (code, signal) => end(`exit code ${code}, signal ${signal}`));
    child.on('error', (error) => end(error.message));
  });
  return {
    go: (command) => child.send(command),
    next: () => {
      const report = queued.shift();
      if (report) return Promise.resolve(report);
      if (ended) return Promise.reject(ended);
      return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
    },
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}
