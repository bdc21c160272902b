/**
 * The store contract: every adapter runs this suite unchanged.
 *
 * `open` may be called many times; stores it returns must share one backing
 * store (one file, one server), because the concurrency case opens two. Each
 * test writes to streams with a fresh random prefix, so tests can share it.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/store/event-store.js';
import {
  EventIdConflictError,
  InvalidStoreInputError,
  StoreClosedError,
  WrongExpectedRevisionError,
} from '../../src/store/errors.js';

export type OpenContractStore = (options: { now?: () => Date }) => Promise<EventStore>;

const FIXED_NOW = new Date('2024-07-24T14:30:00.000Z');

function newEvent(type: string, data: unknown, metadata?: NewEvent['metadata']): NewEvent {
  return { id: randomUUID(), type, data, ...(metadata ? { metadata } : {}) };
}

function waitFor(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(check, 10);
    };
    check();
  });
}

export function runEventStoreContract(adapterName: string, open: OpenContractStore): void {
  describe(`the ${adapterName} event store`, () => {
    const opened: EventStore[] = [];
    const openStore = async (options: { now?: () => Date } = {}) => {
      const store = await open(options);
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((store) => store.close()));
    });
    const prefix = () => `contract-${randomUUID().slice(0, 8)}-`;

    describe('when events are appended and read back', () => {
      it('returns them with id, type, data, metadata, stream, revision and position', async () => {
        // Given
        const store = await openStore({ now: () => FIXED_NOW });
        const stream = `${prefix()}filing`;
        const filed = newEvent(
          'StatementFiled',
          { amendment: 8, cusip: '09175M507', persons: ['Ault & Company, Inc.'] },
          {
            correlationId: 'c-1',
            causationId: 'k-1',
            source: 'ault-alliance-sc13d-a8-2024-07-24.txt',
          },
        );
        const outstanding = newEvent('SharesOutstandingReported', { shares: 35_846_318, asOf: '2024-07-23' });

        // When
        const result = await store.append(stream, [filed, outstanding], { expectedRevision: 'no_stream' });
        const read = await store.readStream(stream);

        // Then
        expect(result.nextExpectedRevision).toBe(1n);
        expect(result.events.map((e) => e.revision)).toEqual([0n, 1n]);
        expect(result.events[1]!.position).toBeGreaterThan(result.events[0]!.position);
        expect(read).toHaveLength(2);
        expect(read[0]).toEqual({
          id: filed.id,
          type: 'StatementFiled',
          data: { amendment: 8, cusip: '09175M507', persons: ['Ault & Company, Inc.'] },
          metadata: {
            correlationId: 'c-1',
            causationId: 'k-1',
            source: 'ault-alliance-sc13d-a8-2024-07-24.txt',
            recordedAt: FIXED_NOW.toISOString(),
          },
          stream,
          revision: 0n,
          position: result.events[0]!.position,
        });
        expect(read[1]!.data).toEqual({ shares: 35_846_318, asOf: '2024-07-23' });
        expect(read[1]!.position).toBe(result.events[1]!.position);
      });

      it('reads a stream that does not exist as empty', async () => {
        const store = await openStore();
        expect(await store.readStream(`${prefix()}missing`)).toEqual([]);
      });

      it('continues revisions across appends', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(stream, [newEvent('A', { n: 1 })]);
        const second = await store.append(stream, [newEvent('B', { n: 2 }), newEvent('C', { n: 3 })]);
        expect(second.events.map((e) => e.revision)).toEqual([1n, 2n]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });
    });

    describe('when the writer states an expected revision', () => {
      it("accepts 'no_stream' for a new stream and refuses it once the stream exists", async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(stream, [newEvent('A', {})], { expectedRevision: 'no_stream' });
        const error = await store
          .append(stream, [newEvent('B', {})], { expectedRevision: 'no_stream' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected: 'no_stream', actual: 0n });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it("refuses 'stream_exists' for a new stream and accepts it afterwards", async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const error = await store
          .append(stream, [newEvent('A', {})], { expectedRevision: 'stream_exists' })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
        await store.append(stream, [newEvent('A', {})]);
        const result = await store.append(stream, [newEvent('B', {})], { expectedRevision: 'stream_exists' });
        expect(result.nextExpectedRevision).toBe(1n);
      });

      it("appends whatever the state with 'any', and 'any' is the default", async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(stream, [newEvent('A', {})], { expectedRevision: 'any' });
        await store.append(stream, [newEvent('B', {})]);
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0n, 1n]);
      });

      it('accepts the exact current revision and refuses a stale one, writing nothing of that batch', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const first = await store.append(stream, [newEvent('A', {}), newEvent('B', {})]);
        await store.append(stream, [newEvent('C', {})], { expectedRevision: first.nextExpectedRevision });
        const stale = await store
          .append(stream, [newEvent('D', {}), newEvent('E', {})], { expectedRevision: first.nextExpectedRevision })
          .catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(WrongExpectedRevisionError);
        expect(stale).toMatchObject({ stream, expected: 1n, actual: 2n });
        expect((stale as Error).message).toMatch(/expected 1, actual 2/);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('refuses an exact revision on a stream that does not exist', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const error = await store
          .append(stream, [newEvent('A', {})], { expectedRevision: 0n })
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'WrongExpectedRevisionError', expected: 0n, actual: 'no_stream' });
        expect(await store.readStream(stream)).toEqual([]);
      });
    });

    describe('when a batch is appended again (a retry)', () => {
      it('writes nothing and returns the original result', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const batch = [newEvent('A', { n: 1 }), newEvent('B', { n: 2 })];
        const original = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const retryExact = await store.append(stream, batch, { expectedRevision: 'no_stream' });
        const retryAny = await store.append(stream, batch);
        // The same events and revisions, but a retry says it found them written: only the first call wrote them.
        expect(original.written).toBe(true);
        expect(retryExact).toEqual({ ...original, written: false });
        expect(retryAny).toEqual({ ...original, written: false });
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('treats the same content with keys in another order as the same event', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const id = randomUUID();
        const original = await store.append(stream, [{ id, type: 'A', data: { a: 1, b: 2 } }]);
        const retry = await store.append(stream, [{ id, type: 'A', data: { b: 2, a: 1 } }]);
        expect(retry).toEqual({ ...original, written: false });
      });

      it('refuses an id reused with different content, writing nothing', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const id = randomUUID();
        await store.append(stream, [{ id, type: 'A', data: { shares: 88 } }]);
        const error = await store.append(stream, [{ id, type: 'A', data: { shares: 89 } }]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ eventId: id });
        const read = await store.readStream(stream);
        expect(read.map((e) => e.data)).toEqual([{ shares: 88 }]);
      });

      it('treats the same metadata (keys in another order, a later clock) as the same event: the original result, nothing written', async () => {
        // Given an event with caller metadata, recorded by a store whose clock moves on at every append
        let clock = FIXED_NOW.getTime();
        const store = await openStore({ now: () => new Date((clock += 60_000)) });
        const stream = `${prefix()}s`;
        const id = randomUUID();
        const metadata = { correlationId: 'c-1', causationId: 'k-1', source: 'ault-alliance-sc13d-a8-2024-07-24.txt' };
        const original = await store.append(stream, [{ id, type: 'A', data: { shares: 88 }, metadata }], {
          expectedRevision: 'no_stream',
        });
        const stored = await store.readStream(stream);

        // When it is appended again with the same metadata, keys in another order, at a later time
        const retry = await store.append(stream, [
          {
            id,
            type: 'A',
            data: { shares: 88 },
            metadata: { source: metadata.source, causationId: 'k-1', correlationId: 'c-1' },
          },
        ]);

        // Then it is a retry: recordedAt, stamped by the store, is not part of the compared content
        expect(retry).toEqual({ ...original, written: false });
        expect(await store.readStream(stream)).toEqual(stored);
      });

      it('refuses an id reused with the same type and data but other metadata, writing nothing', async () => {
        // Given a batch of two events with caller metadata
        const store = await openStore();
        const stream = `${prefix()}s`;
        const metadata = { correlationId: 'c-1', causationId: 'k-1', source: 'ault-alliance-sc13d-a8-2024-07-24.txt' };
        const first = newEvent('A', { shares: 88 }, metadata);
        const second = newEvent('B', { shares: 89 }, metadata);
        await store.append(stream, [first, second]);
        const stored = await store.readStream(stream);
        const others: Array<[string, NewEvent['metadata']]> = [
          ['another correlationId', { ...metadata, correlationId: 'c-2' }],
          ['another causationId', { ...metadata, causationId: 'k-2' }],
          ['another source', { ...metadata, source: 'ault-alliance-sc13d-a9-2024-08-01.txt' }],
          ['an extra key', { ...metadata, reviewedBy: 'analyst' }],
          ['a key left out', { correlationId: 'c-1', causationId: 'k-1' }],
          ['no metadata at all', undefined],
        ];
        for (const [what, other] of others) {
          // When the batch is appended again with one event's metadata changed
          const changed = {
            id: second.id,
            type: second.type,
            data: second.data,
            ...(other ? { metadata: other } : {}),
          };
          const error = await store.append(stream, [first, changed]).catch((e: unknown) => e);
          const alone = await store.append(stream, [changed], { expectedRevision: 1n }).catch((e: unknown) => e);

          // Then the id conflicts, and nothing was written
          expect(error, what).toBeInstanceOf(EventIdConflictError);
          expect(error, what).toMatchObject({ eventId: second.id });
          expect(alone, what).toBeInstanceOf(EventIdConflictError);
          expect(alone, what).toMatchObject({ eventId: second.id });
        }
        expect(await store.readStream(stream)).toEqual(stored);
        // And the batch as it was first appended is still a retry
        const retry = await store.append(stream, [first, second]);
        expect(retry.events.map((e) => e.revision)).toEqual([0n, 1n]);
        expect(await store.readStream(stream)).toEqual(stored);
      });

      it('refuses a batch of which only part was appended before, writing nothing', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const old = newEvent('A', {});
        await store.append(stream, [old]);
        const added = newEvent('B', {});
        const error = await store.append(stream, [old, added]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({
          eventId: old.id,
          reason: `part of this batch was appended before and part was not (${added.id} is new)`,
        });
        expect(await store.readStream(stream)).toHaveLength(1);
      });

      it('refuses an id reused with the same data but another type, naming the reason', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const id = randomUUID();
        await store.append(stream, [{ id, type: 'SharesPurchased', data: { shares: 88 } }]);
        const error = await store
          .append(stream, [{ id, type: 'SharesSold', data: { shares: 88 } }])
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ eventId: id, reason: 'it was appended before with different content' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['SharesPurchased']);
      });

      it('refuses as one batch events that were appended in separate batches with another between them', async () => {
        // Given A, X and B appended one at a time (revisions 0, 1, 2)
        const store = await openStore();
        const stream = `${prefix()}s`;
        const [a, x, b] = [newEvent('A', {}), newEvent('X', {}), newEvent('B', {})];
        for (const event of [a, x, b]) await store.append(stream, [event]);
        // When A and B are sent again as one batch, Then it is no retry of anything that was appended
        const error = await store.append(stream, [a, b]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventIdConflictError);
        expect(error).toMatchObject({ eventId: b.id, reason: 'it was appended before in another batch' });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'X', 'B']);
      });
    });

    describe('when events go to several streams', () => {
      it('reads them all in one global order that follows append order', async () => {
        const store = await openStore();
        const p = prefix();
        await store.append(`${p}a`, [newEvent('A1', {})]);
        await store.append(`${p}b`, [newEvent('B1', {}), newEvent('B2', {})]);
        await store.append(`${p}a`, [newEvent('A2', {})]);
        const all = await store.readAll({ filter: { streamPrefixes: [p] } });
        expect(all.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'A2']);
        expect(all.map((e) => [e.stream, e.revision])).toEqual([
          [`${p}a`, 0n],
          [`${p}b`, 0n],
          [`${p}b`, 1n],
          [`${p}a`, 1n],
        ]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
        expect(new Set(positions).size).toBe(positions.length);
      });

      it('reads from a position, inclusive, with a limit, and filters by type', async () => {
        const store = await openStore();
        const p = prefix();
        const { events } = await store.append(`${p}a`, [
          newEvent('A', { n: 0 }),
          newEvent('B', { n: 1 }),
          newEvent('A', { n: 2 }),
          newEvent('B', { n: 3 }),
        ]);
        const fromSecond = await store.readAll({
          fromPosition: events[1]!.position,
          limit: 2,
          filter: { streamPrefixes: [p] },
        });
        expect(fromSecond.map((e) => e.data)).toEqual([{ n: 1 }, { n: 2 }]);
        const onlyB = await store.readAll({ filter: { streamPrefixes: [p], types: ['B'] } });
        expect(onlyB.map((e) => e.data)).toEqual([{ n: 1 }, { n: 3 }]);
      });
    });

    describe('when a stream is read with options', () => {
      it('reads backward from the end, from a revision, and honours limits', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(
          stream,
          [0, 1, 2, 3, 4].map((n) => newEvent('N', { n })),
        );
        const numbers = (events: RecordedEvent[]) => events.map((e) => (e.data as { n: number }).n);
        expect(numbers(await store.readStream(stream, { direction: 'backwards' }))).toEqual([4, 3, 2, 1, 0]);
        expect(numbers(await store.readStream(stream, { direction: 'backwards', limit: 2 }))).toEqual([4, 3]);
        expect(numbers(await store.readStream(stream, { direction: 'backwards', from: 2n }))).toEqual([2, 1, 0]);
        expect(numbers(await store.readStream(stream, { from: 3n }))).toEqual([3, 4]);
        expect(numbers(await store.readStream(stream, { from: 1n, limit: 2 }))).toEqual([1, 2]);
        expect(numbers(await store.readStream(stream, { limit: 0 }))).toEqual([]);
      });

      it("reads from 'start' and from 'end' in either direction", async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(
          stream,
          [0, 1, 2].map((n) => newEvent('N', { n })),
        );
        const numbers = async (options: Parameters<EventStore['readStream']>[1]) =>
          (await store.readStream(stream, options)).map((e) => (e.data as { n: number }).n);
        expect(await numbers({ from: 'start' })).toEqual([0, 1, 2]);
        expect(await numbers({ from: 'end' })).toEqual([]);
        expect(await numbers({ direction: 'backwards', from: 'end' })).toEqual([2, 1, 0]);
        expect(await numbers({ direction: 'backwards', from: 'start' })).toEqual([0]);
      });

      const badPositions: Array<[string, (store: EventStore, stream: string) => Promise<unknown>, string]> = [
        ['a stream read from a negative revision', (s, st) => s.readStream(st, { from: -1n }), 'from'],
        ['a stream read from a number', (s, st) => s.readStream(st, { from: 1 as unknown as bigint }), 'from'],
        ['a read of all from a negative position', (s) => s.readAll({ fromPosition: -1n }), 'fromPosition'],
        [
          'a subscription after a negative position',
          async (s) => s.subscribeToAll({ afterPosition: -1n, onEvent: () => {} }),
          'afterPosition',
        ],
      ];
      it.each(badPositions)('refuses %s, naming the option', async (_what, act, option) => {
        const store = await openStore();
        const error = await act(store, `${prefix()}s`).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(InvalidStoreInputError);
        expect((error as Error).message).toMatch(new RegExp(`^${option} must be a non-negative integer \\(bigint\\)`));
      });
    });

    describe('when a projection subscribes to all events', () => {
      it('catches up on history, reports caught-up, then receives live events in order', async () => {
        const store = await openStore();
        const p = prefix();
        await store.append(`${p}a`, [newEvent('Old1', {}), newEvent('Old2', {})]);
        const seen: string[] = [];
        let caughtUpAfter = -1;
        const subscription = store.subscribeToAll({
          filter: { streamPrefixes: [p] },
          onEvent: (event) => {
            seen.push(event.type);
          },
          onCaughtUp: () => {
            caughtUpAfter = seen.length;
          },
        });
        await waitFor(() => caughtUpAfter >= 0, 'caught-up');
        await store.append(`${p}b`, [newEvent('Live1', {})]);
        await store.append(`${p}a`, [newEvent('Live2', {})]);
        await waitFor(() => seen.length === 4, 'live events');
        await subscription.close();
        expect(caughtUpAfter).toBe(2);
        expect(seen).toEqual(['Old1', 'Old2', 'Live1', 'Live2']);
      });

      it('resumes after a checkpoint position without redelivering', async () => {
        const store = await openStore();
        const p = prefix();
        const { events } = await store.append(`${p}a`, [newEvent('E1', {}), newEvent('E2', {}), newEvent('E3', {})]);
        const seen: string[] = [];
        const subscription = store.subscribeToAll({
          afterPosition: events[0]!.position,
          filter: { streamPrefixes: [p] },
          onEvent: (event) => {
            seen.push(event.type);
          },
        });
        await waitFor(() => seen.length === 2, 'events after the checkpoint');
        await subscription.close();
        expect(seen).toEqual(['E2', 'E3']);
      });

      it('delivers nothing more once the subscription is closed', async () => {
        const store = await openStore();
        const p = prefix();
        const seen: string[] = [];
        const subscription = store.subscribeToAll({
          filter: { streamPrefixes: [p] },
          onEvent: (e) => void seen.push(e.type),
        });
        await store.append(`${p}a`, [newEvent('Before', {})]);
        await waitFor(() => seen.length === 1, 'the event before close');
        await subscription.close();
        await store.append(`${p}a`, [newEvent('After', {})]);
        // A later subscription sees the event, so it was there to be delivered
        const later: string[] = [];
        const check = store.subscribeToAll({
          filter: { streamPrefixes: [p] },
          onEvent: (e) => void later.push(e.type),
        });
        await waitFor(() => later.length === 2, 'both events, by a new subscription');
        await check.close();
        expect(seen).toEqual(['Before']);
      });

      it('sees events appended through another connection to the same store', async () => {
        const reader = await openStore();
        const writer = await openStore();
        const p = prefix();
        const seen: string[] = [];
        const subscription = reader.subscribeToAll({
          filter: { streamPrefixes: [p] },
          onEvent: (e) => void seen.push(e.type),
        });
        await writer.append(`${p}a`, [newEvent('FromElsewhere', {})]);
        await waitFor(() => seen.length === 1, 'an event written by another connection');
        await subscription.close();
        expect(seen).toEqual(['FromElsewhere']);
      });
    });

    describe('when two writers append to one stream at the same revision', () => {
      it('lets exactly one win; the other gets the conflict and nothing is lost', async () => {
        const first = await openStore();
        const second = await openStore();
        const stream = `${prefix()}s`;
        const base = await first.append(stream, [newEvent('Base', {})]);
        const results = await Promise.allSettled([
          first.append(stream, [newEvent('FromFirst', {})], { expectedRevision: base.nextExpectedRevision }),
          second.append(stream, [newEvent('FromSecond', {})], { expectedRevision: base.nextExpectedRevision }),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(WrongExpectedRevisionError);
        const types = (await first.readStream(stream)).map((e) => e.type);
        expect(types).toHaveLength(2);
        expect(types[0]).toBe('Base');
        expect(['FromFirst', 'FromSecond']).toContain(types[1]);
      });
    });

    describe('when the store is closed', () => {
      const calls: Array<[string, (store: EventStore, stream: string) => Promise<unknown>]> = [
        ['an append', (s, st) => s.append(st, [newEvent('Late', {})])],
        ['a stream read', (s, st) => s.readStream(st)],
        ['a backwards stream read', (s, st) => s.readStream(st, { direction: 'backwards' })],
        ['a read of all events', (s) => s.readAll()],
        ['a subscription', async (s) => s.subscribeToAll({ onEvent: () => {} })],
      ];
      it.each(calls)('refuses %s with StoreClosedError', async (_what, act) => {
        // Given a store with a stream in it, then closed
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(stream, [newEvent('Before', {})]);
        await store.close();

        // When the call is made after close, then it is refused, not run on a closed connection
        const error = await act(store, stream).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StoreClosedError);
      });

      it('may be closed twice, and another store on the same backing store still reads what it wrote', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        await store.append(stream, [newEvent('Kept', {})]);
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
        const other = await openStore();
        expect((await other.readStream(stream)).map((e) => e.type)).toEqual(['Kept']);
      });
    });

    describe('when the input is bad', () => {
      const cases: Array<[string, (store: EventStore, stream: string) => Promise<unknown>, RegExp]> = [
        [
          'data with a bigint',
          (s, st) => s.append(st, [newEvent('A', { shares: 10n })]),
          /data\.shares is not JSON-serialisable/,
        ],
        [
          'data with undefined',
          (s, st) => s.append(st, [newEvent('A', { shares: undefined })]),
          /data\.shares is not JSON-serialisable/,
        ],
        ['data with NaN', (s, st) => s.append(st, [newEvent('A', { pct: Number.NaN })]), /not a finite number/],
        [
          'data with a Date',
          (s, st) => s.append(st, [newEvent('A', { on: new Date() })]),
          /Date object is not plain JSON/,
        ],
        ['an empty stream name', (s) => s.append('', [newEvent('A', {})]), /Stream name must be a non-empty string/],
        [
          'a negative expected revision',
          (s, st) => s.append(st, [newEvent('A', {})], { expectedRevision: -1n }),
          /expectedRevision must be a non-negative integer/,
        ],
        [
          'a number as expected revision',
          (s, st) => s.append(st, [newEvent('A', {})], { expectedRevision: 1 as unknown as bigint }),
          /expectedRevision must be a non-negative integer/,
        ],
        [
          'an id that is not a UUID',
          (s, st) => s.append(st, [{ id: 'not-a-uuid', type: 'A', data: {} }]),
          /id must be a UUID/,
        ],
        ['an empty batch', (s, st) => s.append(st, []), /at least one event/],
      ];
      for (const [what, act, message] of cases) {
        it(`refuses ${what} with a clear error and writes nothing`, async () => {
          const store = await openStore();
          const stream = `${prefix()}s`;
          const error = await act(store, stream).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(InvalidStoreInputError);
          expect((error as Error).message).toMatch(message);
          expect(await store.readStream(stream)).toEqual([]);
        });
      }

      it('refuses cyclic data, and keeps the valid event of the same batch out too', async () => {
        const store = await openStore();
        const stream = `${prefix()}s`;
        const cyclic: Record<string, unknown> = { name: 'loop' };
        cyclic.self = cyclic;
        const error = await store
          .append(stream, [newEvent('Good', {}), newEvent('Bad', cyclic)])
          .catch((e: unknown) => e);
        expect((error as Error).message).toMatch(/event 1 .* data\.self is not JSON-serialisable: it refers to itself/);
        expect(await store.readStream(stream)).toEqual([]);
      });
    });
  });
}
