/**
 * The store contract, and what only EventStoreDB needs, against a real server:
 * EVENTSTORE_URL when set, else a throwaway eventstore/eventstore:24.10 container
 * when a Docker engine answers, else the whole file is reported skipped (with the
 * reason printed). It never passes without a server: a container that fails to
 * start fails the file.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { EventStoreDBClient, binaryEvent, jsonEvent } from '@eventstore/db-client';
import { afterAll, describe, expect, it } from 'vitest';
import { getEventStoreDbEventStore } from '../../src/store/eventstoredb/eventstoredb-event-store.js';
import type { EventStore, NewEvent } from '../../src/store/event-store.js';
import { runEventStoreContract } from './contract.js';

const IMAGE = 'eventstore/eventstore:24.10';

interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Why no Docker engine is usable, or undefined when one answers. Never hangs: the probe is bounded. */
async function whyNoDockerEngine(): Promise<string | undefined> {
  const where = process.env.DOCKER_HOST ?? (existsSync('/var/run/docker.sock') ? '/var/run/docker.sock' : undefined);
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    // testcontainers also finds rootless and Desktop sockets, so it is asked even without the usual socket.
    await Promise.race([
      getContainerRuntimeClient(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 10 s')), 10_000).unref()),
    ]);
    return undefined;
  } catch (error) {
    const socket = where === undefined ? 'DOCKER_HOST unset, no /var/run/docker.sock' : `tried ${where}`;
    return `${socket}: ${(error as Error).message}`;
  }
}

async function startServer(): Promise<Server | string> {
  const url = process.env.EVENTSTORE_URL;
  if (url) return { url, stop: async () => undefined };
  const noEngine = await whyNoDockerEngine();
  if (noEngine !== undefined) return `no EVENTSTORE_URL and no Docker engine (${noEngine})`;
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(IMAGE)
    .withEnvironment({
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_MEM_DB: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
      EVENTSTORE_CLUSTER_SIZE: '1',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(
      Wait.forHttp('/health/live', 2113).forStatusCodeMatching((status) => status >= 200 && status < 300),
    )
    .withStartupTimeout(120_000)
    .start();
  return {
    url: `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`,
    stop: async () => {
      await container.stop();
    },
  };
}

const server = await startServer();
if (typeof server === 'string') console.warn(`EventStoreDB contract suite skipped: ${server}`);
const url = typeof server === 'string' ? '' : server.url;

describe.skipIf(typeof server === 'string')('EventStoreDB adapter', () => {
  afterAll(async () => {
    if (typeof server !== 'string') await server.stop();
  });

  runEventStoreContract('EventStoreDB', async ({ now }) => getEventStoreDbEventStore({ connectionString: url, now }));

  describe('beyond the contract', () => {
    const stores: EventStore[] = [];
    const open = () => {
      const store = getEventStoreDbEventStore({ connectionString: url });
      stores.push(store);
      return store;
    };
    afterAll(async () => {
      await Promise.all(stores.map((store) => store.close()));
    });
    const prefix = () => `esdb-${randomUUID().slice(0, 8)}-`;
    const events = (count: number, type = 'N'): NewEvent[] =>
      Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type, data: { n } }));

    it('gives commit positions that increase strictly and match what $all reads', async () => {
      const store = open();
      const p = prefix();
      const first = await store.append(`${p}a`, events(3));
      const second = await store.append(`${p}b`, events(2));
      const appended = [...first.events, ...second.events].map((event) => event.position);
      for (let i = 1; i < appended.length; i++) expect(appended[i]!).toBeGreaterThan(appended[i - 1]!);
      const all = await store.readAll({ filter: { streamPrefixes: [p] } });
      expect(all.map((event) => event.position)).toEqual(appended);
    });

    it('reads from a position between two events (a checkpoint + 1) without error', async () => {
      const store = open();
      const p = prefix();
      const { events: written } = await store.append(`${p}a`, events(3));
      const rest = await store.readAll({ fromPosition: written[0]!.position + 1n, filter: { streamPrefixes: [p] } });
      expect(rest.map((event) => event.id)).toEqual([written[1]!.id, written[2]!.id]);
      const seen: string[] = [];
      const subscription = store.subscribeToAll({
        afterPosition: written[0]!.position + 1n,
        filter: { streamPrefixes: [p] },
        onEvent: (event) => void seen.push(event.id),
      });
      await waitFor(() => seen.length === 2);
      await subscription.close();
      expect(seen).toEqual([written[1]!.id, written[2]!.id]);
    });

    it('pages through streams longer than one server read, for reads and for the retry check', async () => {
      const store = open();
      const stream = `${prefix()}long`;
      const firstBatch = events(5);
      const original = await store.append(stream, firstBatch);
      await store.append(stream, events(1_200));
      expect(await store.readStream(stream)).toHaveLength(1_205);
      expect((await store.readStream(stream, { direction: 'backwards', limit: 1_100 })).at(-1)!.revision).toBe(105n);
      // The retried batch sits beyond the first page of the backwards scan.
      expect(await store.append(stream, firstBatch)).toEqual(original);
      expect(await store.readStream(stream, { from: 1_204n })).toHaveLength(1);
    });

    it('leaves out events the ledger did not write (binary, or JSON without recorded time)', async () => {
      const store = open();
      const p = prefix();
      const raw = EventStoreDBClient.connectionString(url);
      try {
        await raw.appendToStream(`${p}foreign`, [
          binaryEvent({ type: 'Blob', data: new Uint8Array([1, 2, 3]) }),
          jsonEvent({ type: 'Foreign', data: { hello: 'world' } }),
        ]);
      } finally {
        await raw.dispose();
      }
      await store.append(`${p}ours`, events(1, 'Ours'));
      const all = await store.readAll({ filter: { streamPrefixes: [p] } });
      expect(all.map((event) => event.type)).toEqual(['Ours']);
    });

    it('checks event ids within one stream only (the documented limit of its idempotency)', async () => {
      const store = open();
      const p = prefix();
      const [event] = events(1);
      await store.append(`${p}a`, [event!]);
      const elsewhere = await store.append(`${p}b`, [event!]);
      expect(elsewhere.events[0]!.revision).toBe(0n);
    });

    it('waits for a running onEvent before close() resolves', async () => {
      const store = open();
      const p = prefix();
      await store.append(`${p}a`, events(1));
      let finished = false;
      let started = false;
      const subscription = store.subscribeToAll({
        filter: { streamPrefixes: [p] },
        onEvent: async () => {
          started = true;
          await new Promise((resolve) => setTimeout(resolve, 200));
          finished = true;
        },
      });
      await waitFor(() => started);
      await subscription.close();
      expect(finished).toBe(true);
    });
  });
});

function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(check, 10);
    };
    check();
  });
}
