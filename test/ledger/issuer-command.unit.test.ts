import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConflictRetriesExhaustedError,
  handleIssuerCommand,
  type Decision,
  type IssuerRecord,
} from '../../src/ledger/issuer-command.js';
import type { EventStore } from '../../src/store/event-store.js';
import { withMemoryStore } from '../support/memory-store.js';

const STREAM = 'issuer-09175M507';
/** A fact event the ledger accepts: an issuer-level note of a split. */
const split = (id: string) => ({
  id,
  type: 'StockSplit',
  data: {
    effectiveDate: '2024-01-02',
    effectiveDatePrecision: 'exact',
    disclosedOn: '2024-01-02',
    source: { amendmentNumber: 1, accessionNumber: null, filedOn: '2024-01-02', item: '5', quote: 'test' },
    from: 10,
    to: 1,
  },
});

/** Appends one event of its own before each of the first `times` reads return: a writer that always gets in first. */
function withIntruder(store: EventStore, times: number): EventStore {
  let left = times;
  return {
    ...store,
    readStream: async (stream, options) => {
      const events = await store.readStream(stream, options);
      if (left-- > 0) await store.append(stream, [split(randomUUID())]);
      return events;
    },
  };
}

/** Decides to append one given event, and reports what it saw and whether it wrote. */
const appendOne =
  (id: string, seen: number[]) =>
  (record: IssuerRecord): Decision<{ wrote: boolean; revision: bigint | null }> => {
    seen.push(record.recorded.length);
    return { events: [split(id)], report: (wrote) => ({ wrote, revision: record.lastRevision }) };
  };

describe('the one write path to an issuer', () => {
  it('reads and decides again after another writer gets in, until its append lands', async () => {
    await withMemoryStore(async (store) => {
      // Given another writer that appends before each of our first three appends
      const seen: number[] = [];
      const id = randomUUID();
      // When the command runs
      const result = await handleIssuerCommand(withIntruder(store, 3), STREAM, appendOne(id, seen), {
        source: 'test',
        backoffMs: 1,
      });
      // Then it decided four times, each on what the stream held by then, and its event landed last
      expect(seen).toEqual([0, 1, 2, 3]);
      expect(result).toEqual({ wrote: true, revision: 2n });
      expect((await store.readStream(STREAM)).map((e) => e.id).at(-1)).toBe(id);
    });
  });

  it('gives up after its bound, having written nothing, and says so', async () => {
    await withMemoryStore(async (store) => {
      const id = randomUUID();
      const attempt = handleIssuerCommand(withIntruder(store, 10), STREAM, appendOne(id, []), {
        source: 'test',
        attempts: 3,
        backoffMs: 1,
      });
      await expect(attempt).rejects.toThrowError(ConflictRetriesExhaustedError);
      await expect(attempt).rejects.toThrowError(/gave up after 3 attempts, nothing of this command written/);
      expect((await store.readStream(STREAM)).some((e) => e.id === id)).toBe(false);
    });
  });

  it('reports that it did not write events another writer had written with the same ids', async () => {
    await withMemoryStore(async (store) => {
      // Given the very event already appended by someone else, at the revision we are about to read
      const id = randomUUID();
      const first = await handleIssuerCommand(store, STREAM, appendOne(id, []), { source: 'test' });
      // When we append it again, deciding on a record read before it landed (a reader that sees the empty stream)
      const stale: EventStore = { ...store, readStream: async () => [] };
      const second = await handleIssuerCommand(stale, STREAM, appendOne(id, []), { source: 'test' });
      // Then the first wrote it and the second says it did not
      expect([first.wrote, second.wrote]).toEqual([true, false]);
      expect(await store.readStream(STREAM)).toHaveLength(1);
    });
  });

  it('writes nothing on a dry run, or when the decision has nothing to write', async () => {
    await withMemoryStore(async (store) => {
      const dry = await handleIssuerCommand(store, STREAM, appendOne(randomUUID(), []), {
        source: 'test',
        dryRun: true,
      });
      const none = await handleIssuerCommand(store, STREAM, () => ({ events: [], report: (wrote) => wrote }), {
        source: 'test',
      });
      expect([dry.wrote, none]).toEqual([false, false]);
      expect(await store.readStream(STREAM)).toEqual([]);
    });
  });
});
