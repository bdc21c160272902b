/**
 * The store contract, and what only PostgreSQL needs, against a real server (see
 * test-database.ts): a database of this file's own, a schema per test that needs an
 * empty log. Without a server the file is reported skipped with the reason printed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventStore, NewEvent, RecordedEvent } from '../../../src/store/event-store.js';
import { EventIdConflictError, InvalidStoreInputError, StoreSchemaError } from '../../../src/store/errors.js';
import { migrateStore, openStore } from '../../../src/store/open-store.js';
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';
import { runEventStoreContract } from '../contract.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';

const skip = await postgresSkipReason('PostgreSQL event store tests');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());
const contractUrl = (await database?.freshStoreUrl()) ?? '';

const events = (count: number, type = 'N'): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type, data: { n } }));

describe.skipIf(skip !== undefined)('PostgreSQL adapter', () => {
  runEventStoreContract('PostgreSQL', async ({ now }) => openStore(contractUrl, now ? { now } : {}));

  const stores: EventStore[] = [];
  const open = (url: string, options: { pollIntervalMs?: number } = {}) => {
    const store = getPostgresEventStore({ connectionString: url, ...options });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
  });

  describe('when the schema is missing or not the version this program knows', () => {
    it('refuses every call, telling the user to run `13d-ledger store migrate`, and creates nothing', async () => {
      // Given an empty schema
      const url = await database!.freshStoreUrl({ migrate: false });
      const store = open(url);
      // When it is read and written
      const read = await store.readAll().catch((e: unknown) => e);
      const append = await store.append('s', events(1)).catch((e: unknown) => e);
      // Then both say what to run, and no table appeared
      for (const error of [read, append]) {
        expect(error).toBeInstanceOf(StoreSchemaError);
        expect((error as Error).message).toMatch(/has no ledger schema: run `13d-ledger store migrate`/);
      }
      const [table] = await database!.sql<{ present: boolean }>(
        `SELECT to_regclass('ledger_events') IS NOT NULL AS present`,
        [],
        url,
      );
      expect(table?.present).toBe(false);
      // And once migrated, the same store works
      expect((await migrateStore(url)).message).toMatch(/schema created at version 2/);
      expect((await store.append('s', events(1))).written).toBe(true);
    });

    it('refuses a schema newer than it knows, and `store migrate` does not touch it', async () => {
      const url = await database!.freshStoreUrl();
      await database!.sql(
        `INSERT INTO ledger_schema_migrations (version, description) VALUES (99, 'from the future')`,
        [],
        url,
      );
      const error = await open(url)
        .readAll()
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreSchemaError);
      expect((error as Error).message).toMatch(
        /schema version 99, newer than version 2 that this program knows: upgrade 13d-ledger/,
      );
      await expect(migrateStore(url)).rejects.toThrow(/newer than version 2/);
    });

    it('migrates once: a second run, or one racing it, finds nothing to do', async () => {
      const url = await database!.freshStoreUrl({ migrate: false });
      const both = await Promise.all([migrateStore(url), migrateStore(url)]);
      expect(both.map((r) => r.applied.length).sort()).toEqual([0, 2]);
      const again = await migrateStore(url);
      expect(again).toMatchObject({ store: 'PostgreSQL', from: 2, to: 2, applied: [] });
      expect(again.message).toMatch(/schema already at version 2, nothing to do/);
    });
  });

  describe('when an id is reused in another stream', () => {
    it('refuses it: ids are unique in the whole log, as on SQLite', async () => {
      const store = open(contractUrl);
      const p = `ids-${randomUUID().slice(0, 8)}-`;
      const [event] = events(1);
      await store.append(`${p}a`, [event!]);
      const error = await store.append(`${p}b`, [event!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventIdConflictError);
      expect((error as Error).message).toMatch(/appended to stream ".*a"/);
      expect(await store.readStream(`${p}b`)).toEqual([]);
    });
  });

  describe('when text PostgreSQL cannot store is given', () => {
    it('refuses a NUL character in a stream name with InvalidStoreInputError, writing nothing', async () => {
      const store = open(contractUrl);
      const error = await store.append('nul\u0000stream', events(1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidStoreInputError);
    });
  });

  describe('when a revision or position beyond what PostgreSQL stores is asked for', () => {
    it('reads as from the end, not with an error', async () => {
      const store = open(contractUrl);
      const stream = `huge-${randomUUID()}`;
      await store.append(stream, events(2));
      const huge = 2n ** 70n;
      expect(await store.readStream(stream, { from: huge })).toEqual([]);
      expect((await store.readStream(stream, { from: huge, direction: 'backwards' })).map((e) => e.revision)).toEqual([
        1n,
        0n,
      ]);
      expect(await store.readAll({ fromPosition: huge })).toEqual([]);
    });
  });

  describe('when the URL says postgresql:// or postgres://', () => {
    it('opens the same store either way', async () => {
      const stream = `scheme-${randomUUID()}`;
      const viaPostgres = await openStore(contractUrl);
      stores.push(viaPostgres);
      const written = await viaPostgres.append(stream, events(1));
      const viaPostgresql = await openStore(contractUrl.replace(/^postgres:/, 'postgresql:'));
      stores.push(viaPostgresql);
      expect((await viaPostgresql.readStream(stream)).map((e) => e.position)).toEqual([written.events[0]!.position]);
    });
  });

  describe('when several connections append at once while another reads', () => {
    it('hands out positions 1, 2, 3... in commit order: a reader never sees a gap that is filled later', async () => {
      // Given an empty log, six writer connections and a reader
      const url = await database!.freshStoreUrl();
      const writers = Array.from({ length: 6 }, () => open(url));
      const reader = open(url);
      let writing = true;
      let appended = 0;
      // When each writer appends 40 batches of 1-3 events to its own and to shared streams
      const appends = writers.map(async (writer, w) => {
        for (let n = 0; n < 40; n++) {
          const result = await writer.append(n % 2 === 0 ? `own-${w}` : `shared-${n % 3}`, events(1 + (n % 3)));
          appended += result.events.length;
        }
      });
      // And the reader reads after its checkpoint, over and over, while they do
      const seen: RecordedEvent[] = [];
      let reads = 0;
      const reading = (async () => {
        while (writing || reads === 0) {
          const page = await reader.readAll({ fromPosition: BigInt(seen.length + 1) });
          reads++;
          // Then every read continues exactly where the last one stopped: no position is missing, none comes twice
          page.forEach((event, i) =>
            expect(event.position, `read ${reads}, event ${i}`).toBe(BigInt(seen.length + i + 1)),
          );
          seen.push(...page);
        }
      })();
      await Promise.all(appends);
      writing = false;
      await reading;
      seen.push(...(await reader.readAll({ fromPosition: BigInt(seen.length + 1) })));
      // And it saw every event once, in the order of the log
      const all = await reader.readAll();
      expect(all.length).toBe(appended);
      expect(seen.map((e) => e.id)).toEqual(all.map((e) => e.id));
      expect(reads).toBeGreaterThan(3);
      // And recorded times (the server's clock, taken under the append lock) never go back along the log
      const times = all.map((e) => e.metadata.recordedAt);
      expect([...times].sort()).toEqual(times);
    }, 30_000);
  });

  describe('when a subscription listens on another connection', () => {
    it('sees a new event within 100 ms, woken by NOTIFY rather than by polling', async () => {
      // Given a subscription whose polling alone would take a minute, caught up
      const url = await database!.freshStoreUrl();
      const subscriber = open(url, { pollIntervalMs: 60_000 });
      const writer = open(url);
      const arrived = new Map<string, number>();
      let caughtUp = false;
      const subscription = subscriber.subscribeToAll({
        onEvent: (event) => void arrived.set(event.id, performance.now()),
        onCaughtUp: () => (caughtUp = true),
      });
      await waitFor(() => caughtUp);
      await writer.append('warm-up', events(1));
      await waitFor(() => arrived.size === 1);
      // When events are appended through another store, one at a time
      const delays: number[] = [];
      for (let i = 0; i < 10; i++) {
        const [event] = events(1);
        const appended = await writer.append(`live-${i % 2}`, [event!]);
        const committed = performance.now();
        await waitFor(() => arrived.has(event!.id), 2_000);
        delays.push(arrived.get(event!.id)! - committed);
        expect(appended.written).toBe(true);
      }
      await subscription.close();
      // Then each arrived within 100 ms of its append's commit
      console.info(`NOTIFY to onEvent: ${delays.map((d) => d.toFixed(1)).join(', ')} ms`);
      expect(Math.max(...delays)).toBeLessThan(100);
    });
  });
});

function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(check, 2);
    };
    check();
  });
}
