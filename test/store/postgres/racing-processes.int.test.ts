/**
 * A real race through one PostgreSQL database: four OS processes, each with its own
 * pool, released together, append for a few seconds to streams of their own and to
 * shared ones, at the revision each has just read, retrying the same event on a
 * conflict; a fifth process follows everything with a catch-up subscription. Every
 * intended event must land exactly once, positions must reach readers without a gap,
 * and the subscriber must receive every event once, in order.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../../../src/store/event-store.js';
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';
import type { Landed, WriterGo, WriterReport } from './racing-process.js';
import type { SubscriberReport } from './subscribing-process.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';

const WRITERS = 4;
const DURATION_MS = 3_000;
/** How far ahead the common start is set: long enough for every writer to get "go" first. */
const LEAD_NS = 100_000_000n;
const SHARED = ['shared-a', 'shared-b'];

const skip = await postgresSkipReason('PostgreSQL racing-process test');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());

describe.skipIf(skip !== undefined)('the PostgreSQL event store', () => {
  describe('when four processes append for seconds to shared and separate streams while a fifth subscribes', () => {
    it('lands every intended event once, with positions 1..N that every reader sees without a gap, and delivers each once, in order', async () => {
      // Given an empty store, a subscriber process caught up on it, and four writer processes, all ready
      const url = await database!.freshStoreUrl();
      const children: Child<unknown>[] = [];
      const store = getPostgresEventStore({ connectionString: url });
      try {
        const subscriber = startChild<SubscriberReport>('subscribing-process.ts', [url]);
        children.push(subscriber);
        const writers = Array.from({ length: WRITERS }, (_, i) =>
          startChild<WriterReport>('racing-process.ts', [url, `writer-${i}`, `own-${i}`, JSON.stringify(SHARED)]),
        );
        children.push(...writers);
        await Promise.all([subscriber, ...writers].map((child) => child.next()));

        // When the writers are released at the same instant, for DURATION_MS
        const go: WriterGo = { atNs: String(process.hrtime.bigint() + LEAD_NS), durationMs: DURATION_MS };
        for (const writer of writers) writer.send(go);
        const reports = (await Promise.all(writers.map((writer) => writer.next()))).map((report) => {
          if (report.type !== 'done') throw new Error(`unexpected report ${JSON.stringify(report)}`);
          return report;
        });
        const landed: Landed[] = reports.flatMap((report) => report.landed);
        subscriber.send({ count: landed.length });
        const delivered = await subscriber.next();
        if (delivered.type !== 'done') throw new Error(`unexpected report ${JSON.stringify(delivered)}`);

        // Then no writer failed, and every event it intended landed, once
        expect(reports.flatMap((report) => report.failures)).toEqual([]);
        const intended = reports.flatMap((report) => report.intended);
        expect(landed.map((e) => e.id).sort()).toEqual(intended.map((e) => e.id).sort());
        const log = await store.readAll();
        expect(log.map((e) => e.id).sort()).toEqual(intended.map((e) => e.id).sort());
        // And the log's positions are 1..N, each stream's revisions 0..n-1, as each writer was told
        expect(log.map((e) => e.position)).toEqual(log.map((_, i) => BigInt(i + 1)));
        const byStream = new Map<string, RecordedEvent[]>();
        for (const e of log) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
        for (const [stream, events] of byStream)
          expect(
            events.map((e) => e.revision),
            stream,
          ).toEqual(events.map((_, i) => BigInt(i)));
        const told = new Map(landed.map((e) => [e.id, `${e.stream}@${e.revision}#${e.position}`]));
        for (const e of log) expect(told.get(e.id)).toBe(`${e.stream}@${e.revision}#${e.position}`);
        // And the subscriber received every event once, in the log's order, never a position out of turn
        expect(delivered.error).toBeUndefined();
        expect(delivered.outOfOrder).toEqual([]);
        expect(delivered.received.map((e) => e.id)).toEqual(log.map((e) => e.id));
        // And the writers really raced: some lost and retried, and resent batches were found, not rewritten
        const conflicts = reports.reduce((sum, report) => sum + report.conflicts, 0);
        const resent = reports.reduce((sum, report) => sum + report.resent, 0);
        console.info(
          `${WRITERS} processes for ${DURATION_MS} ms: ${log.length} events landed in ${byStream.size} streams, ${conflicts} conflicts retried, ${resent} batches resent`,
        );
        expect(conflicts).toBeGreaterThan(0);
        expect(resent).toBeGreaterThan(0);
        for (const stream of SHARED) expect(byStream.get(stream)?.length ?? 0, stream).toBeGreaterThan(WRITERS);
      } finally {
        for (const child of children) child.kill();
        await Promise.all(children.map((child) => child.exited));
        await store.close();
      }
    }, 60_000);
  });
});

interface Child<Report> {
  send(message: unknown): void;
  /** The child's next report; rejects if the process ends first. */
  next(): Promise<Report>;
  exited: Promise<void>;
  kill(): void;
}

function startChild<Report>(script: string, args: string[]): Child<Report> {
  const child = fork(join(import.meta.dirname, script), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queued: Report[] = [];
  const waiting: Array<{ resolve: (report: Report) => void; reject: (error: Error) => void }> = [];
  let ended: Error | undefined;
  child.on('message', (report: Report) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(report);
    else queued.push(report);
  });
  const exited = new Promise<void>((resolve) => {
    const end = (why: string) => {
      ended ??= new Error(`${script} ${args.slice(1).join(' ')} ended before reporting (${why})`);
      for (const waiter of waiting.splice(0)) waiter.reject(ended);
      resolve();
    };
    child.on('exit', (code, signal) => end(`exit code ${code}, signal ${signal}`));
    child.on('error', (error) => end(error.message));
  });
  return {
    send: (message) => child.send(message as object),
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
