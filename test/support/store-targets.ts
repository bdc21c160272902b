/**
 * The stores a ledger or CLI test file runs against: SQLite always, and PostgreSQL when
 * a server answers (a database of the file's own, dropped when the file ends; a new
 * migrated schema for every store asked for). Without a server the PostgreSQL runs are
 * reported skipped with the reason printed; on CI they fail instead.
 */
import { afterAll, beforeEach } from 'vitest';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, postgresSkipReason } from '../store/postgres/test-database.js';

export interface StoreTarget {
  name: 'SQLite' | 'PostgreSQL';
  /** Why this store is not tested here, or undefined. */
  skip: string | undefined;
  /** A store URL no other test sees. */
  freshUrl(): Promise<string>;
}

/** Call at the top level of a test file. `sqliteUrl` gives a new SQLite store URL on every call. */
export async function storeTargets(what: string, sqliteUrl: () => string): Promise<StoreTarget[]> {
  const skip = await postgresSkipReason(`${what} on PostgreSQL`);
  const database = skip === undefined ? await createTestDatabase() : undefined;
  afterAll(() => database?.drop());
  return [
    { name: 'SQLite', skip: undefined, freshUrl: async () => sqliteUrl() },
    { name: 'PostgreSQL', skip, freshUrl: () => database!.freshStoreUrl() },
  ];
}

/** The target of the test that is running (set by onTarget). */
let current: StoreTarget | undefined;

/**
 * First in the body of `describe.each(targets)`: its tests run on that target (see
 * freshStoreUrl and withFreshStore), and are skipped, with the reason, where it cannot be tested.
 */
export function onTarget(target: StoreTarget): void {
  beforeEach((context) => {
    current = target;
    if (target.skip !== undefined) context.skip(target.skip);
  });
}

/** A store URL of the running test's target that no other test sees. */
export function freshStoreUrl(): Promise<string> {
  if (current === undefined) throw new Error('freshStoreUrl() needs onTarget(target) in the enclosing describe');
  return current.freshUrl();
}

/** A fresh store of the running test's target for one piece of work, closed whatever happens. */
export async function withFreshStore<T>(work: (store: EventStore) => Promise<T>): Promise<T> {
  const store = await openStore(await freshStoreUrl());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
