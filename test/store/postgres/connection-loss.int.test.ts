/**
 * Connections lost for real: backends ended with pg_terminate_backend from another
 * connection during and between operations, and a server that goes away and comes
 * back (a TCP proxy in front of the real one). A call in flight fails with a clear
 * StoreUnavailableError, nothing half-written remains, and the same store works again
 * once the server answers.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Client } from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { EventStore, NewEvent } from '../../../src/store/event-store.js';
import { StoreUnavailableError } from '../../../src/store/errors.js';
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';
import { APPEND_LOCK } from '../../../src/store/postgres/schema.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';
import { startTcpProxy } from './tcp-proxy.js';

const skip = await postgresSkipReason('PostgreSQL connection-loss tests');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());

const events = (count: number): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'N', data: { n } }));
/** A lock the test holds to stop an append at a chosen point. */
const PAUSE_LOCK = 4242;

describe.skipIf(skip !== undefined)('the PostgreSQL event store, when its connection is lost', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });
  const open = (url: string, options: { pollIntervalMs?: number } = {}): EventStore => {
    const store = getPostgresEventStore({ connectionString: url, ...options });
    cleanups.push(() => store.close());
    return store;
  };
  /** A session of the test's own, holding `lock` until cleanup. */
  const holdLock = async (lock: number) => {
    const session = new Client({ connectionString: database!.url });
    session.on('error', () => undefined);
    await session.connect();
    await session.query('SELECT pg_advisory_lock($1)', [lock]);
    cleanups.push(() => session.end());
    return () => session.query('SELECT pg_advisory_unlock($1)', [lock]);
  };
  /** The backend of the store's connection that waits on a lock while running a statement like `like`. */
  const waitingBackend = async (like: string, except?: number): Promise<number> => {
    for (let tries = 0; tries < 500; tries++) {
      const rows = await database!.sql<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = '13d-ledger'
           AND wait_event_type = 'Lock' AND query LIKE $1 AND pid <> $2`,
        [like, except ?? 0],
      );
      if (rows[0]) return rows[0].pid;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`no backend waiting in ${like}`);
  };
  const terminate = (pid: number) => database!.sql('SELECT pg_terminate_backend($1)', [pid]);

  it('fails an append cut after its rows were inserted, leaves none of them, and the same append then writes them once', async () => {
    // Given a store whose appends stop after inserting, before committing, while the test holds a lock
    const url = await database!.freshStoreUrl();
    await database!.sql(
      `CREATE FUNCTION pause_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN PERFORM pg_advisory_xact_lock(${PAUSE_LOCK}); RETURN NULL; END $$;
       CREATE TRIGGER pause_after_insert AFTER INSERT ON ledger_events FOR EACH STATEMENT EXECUTE FUNCTION pause_after_insert();`,
      [],
      url,
    );
    const release = await holdLock(PAUSE_LOCK);
    const store = open(url);
    const batch = events(3);
    // When the append's backend is terminated while it waits there
    const appending = store.append('s', batch).catch((e: unknown) => e);
    await terminate(await waitingBackend('%INSERT INTO ledger_events%'));
    const error = await appending;
    // Then the call fails with the port's error, naming the server and what to check
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `append to "s" at 127\\.0\\.0\\.1:5432/${database!.name} failed: .*pg_isready -h 127\\.0\\.0\\.1 -p 5432`,
      ),
    );
    // And nothing of the batch was committed
    await release();
    expect(await store.readStream('s')).toEqual([]);
    // And the caller's retry with the same ids, on the same store, writes the batch once
    expect((await store.append('s', batch)).written).toBe(true);
    expect((await store.readStream('s')).map((e) => e.id)).toEqual(batch.map((e) => e.id));
  });

  it('makes an append again on a new connection when its first was cut before it wrote anything', async () => {
    // Given another session holding the append lock, so that the append waits before its first write
    const url = await database!.freshStoreUrl();
    const store = open(url);
    const release = await holdLock(APPEND_LOCK);
    const appending = store.append('s', events(1));
    // When its backend is terminated while it waits
    const first = await waitingBackend('%pg_advisory_xact_lock%');
    await terminate(first);
    // Then it waits again on a new connection, and once the lock is free it is written, once
    await waitingBackend('%pg_advisory_xact_lock%', first);
    await release();
    expect((await appending).written).toBe(true);
    expect(await store.readStream('s')).toHaveLength(1);
  });

  it('reads and appends on new connections after the server ended the pooled ones between operations', async () => {
    // Given a store that has used several connections, now idle in its pool
    const url = await database!.freshStoreUrl();
    const store = open(url);
    await Promise.all([store.append('a', events(1)), store.append('b', events(1)), store.readAll()]);
    // When the server ends every one of them
    const ended = await database!.sql<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND application_name = '13d-ledger'`,
    );
    expect(ended.length).toBeGreaterThan(0);
    // Then the next calls work
    expect(await store.readAll()).toHaveLength(2);
    expect((await store.append('a', events(1))).written).toBe(true);
    expect(await store.readStream('a')).toHaveLength(2);
  });

  it('fails every call with a hint while the server is away, and works again once it is back', async () => {
    // Given a store that reaches the server through a proxy
    const proxy = await startTcpProxy('127.0.0.1', 5432);
    cleanups.push(() => proxy.close());
    const direct = new URL(await database!.freshStoreUrl());
    direct.host = `127.0.0.1:${proxy.port}`;
    const store = open(direct.href);
    await store.append('s', events(1));
    // When the server goes away (connections cut, nothing listening)
    await proxy.down();
    // Then reads and appends fail with StoreUnavailableError naming the address and how to check it
    for (const call of [() => store.readAll(), () => store.append('s', events(1))]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(`at 127.0.0.1:${proxy.port}/${database!.name} failed`);
      expect((error as Error).message).toContain(`pg_isready -h 127.0.0.1 -p ${proxy.port}`);
    }
    // When it is back, Then the same store reads and appends, and nothing of the failed append was written
    await proxy.up();
    expect(await store.readStream('s')).toHaveLength(1);
    expect((await store.append('s', events(1))).written).toBe(true);
    expect(await store.readStream('s')).toHaveLength(2);
  });

  it('keeps a live subscription going when its LISTEN connection is cut', async () => {
    // Given a caught-up subscription
    const url = await database!.freshStoreUrl();
    const subscriber = open(url, { pollIntervalMs: 500 });
    const writer = open(url);
    const seen: string[] = [];
    let caughtUp = false;
    const subscription = subscriber.subscribeToAll({
      onEvent: (e) => void seen.push(e.id),
      onCaughtUp: () => (caughtUp = true),
    });
    cleanups.push(() => subscription.close());
    await waitUntil(() => caughtUp);
    await writer.append('s', events(1));
    await waitUntil(() => seen.length === 1);
    // When the server ends the connection it listens on
    const [listening] = await database!.sql<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`,
    );
    await terminate(listening!.pid);
    // Then events appended afterwards still arrive, in order
    const later = events(2);
    await writer.append('s', [later[0]!]);
    await writer.append('s', [later[1]!]);
    await waitUntil(() => seen.length === 3);
    expect(seen.slice(1)).toEqual(later.map((e) => e.id));
    // And it listens again
    await waitUntil(
      async () =>
        (
          await database!.sql(`SELECT 1 FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> $1`, [
            listening!.pid,
          ])
        ).length > 0,
    );
  });

  it('refuses a server that is not there with StoreUnavailableError naming host, port and how to check', async () => {
    const port = await freePort();
    const store = open(`postgres://postgres@127.0.0.1:${port}/ledger`);
    const error = await store.readAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(
      `PostgreSQL read of all events at 127.0.0.1:${port}/ledger failed: connect ECONNREFUSED 127.0.0.1:${port} ` +
        `(is the PostgreSQL server at 127.0.0.1:${port}/ledger running and reachable? check with \`pg_isready -h 127.0.0.1 -p ${port}\`, ` +
        'and check the host, port and database in --store or LEDGER_STORE)',
    );
  });
});

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
