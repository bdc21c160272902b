/**
 * Opens an event store from a URL:
 * - `sqlite:./var/ledger.db` (a file, created by the first append in an existing directory) or `sqlite::memory:`;
 *   parameters `?mode=ro`, `?synchronous=full`, `?busy_timeout=MS` (see sqlite/sqlite-url.ts)
 * - `esdb://host:2113?tls=false` (EventStoreDB; `esdb+discover://` for a cluster)
 * - `postgres://user@host:5432/database` or `postgresql://...` (PostgreSQL; run `13d-ledger store migrate` first)
 */
import type { EventStore } from './event-store.js';
import { UnsupportedStoreUrlError } from './errors.js';
import { tamperEvidenceOf } from './integrity.js';
import { parseSqliteUrl } from './sqlite/sqlite-url.js';

/** Where the embedded store lives when neither --store nor LEDGER_STORE says otherwise. */
export const DEFAULT_STORE_URL = 'sqlite:./var/ledger.db';

export interface OpenStoreOptions {
  /** The store's clock for recorded time; tests pass a fixed one. @defaultValue `() => new Date()` */
  now?: () => Date;
}

export async function openStore(url: string = DEFAULT_STORE_URL, options: OpenStoreOptions = {}): Promise<EventStore> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'sqlite') {
    const { parseSqliteUrl } = await import('./sqlite/sqlite-url.js');
    const location = parseSqliteUrl(url);
    const { getSqliteEventStore } = await import('./sqlite/sqlite-event-store.js');
    // Only the program's own default location is made when missing; a mistyped path is an error naming it.
    return getSqliteEventStore({ ...location, now: options.now, createDirectory: url === DEFAULT_STORE_URL });
  }
  if (scheme === 'postgres' || scheme === 'postgresql') {
    // Loaded on demand, as EventStoreDB's client is: the embedded store never needs pg.
    const { getPostgresEventStore } = await import('./postgres/postgres-event-store.js');
    return getPostgresEventStore({ connectionString: url, now: options.now });
  }
  if (scheme === 'esdb' || scheme === 'esdb+discover') {
    // Loaded on demand: the gRPC client is heavy and the embedded store never needs it.
    const { getEventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return getEventStoreDbEventStore({ connectionString: url, now: options.now });
  }
  throw unsupported(url);
}

function unsupported(url: string): UnsupportedStoreUrlError {
  return new UnsupportedStoreUrlError(
    `Unsupported store URL "${url}": expected sqlite:PATH, sqlite::memory:, esdb://host:2113?tls=false or postgres://user@host:5432/database`,
  );
}

/** What `13d-ledger store migrate` did. */
export interface MigrateStoreResult {
  store: 'SQLite' | 'EventStoreDB' | 'PostgreSQL';
  /** The schema version before (null: none) and after; null for a store without versions of its own. */
  from: number | null;
  to: number | null;
  applied: Array<{ version: number; description: string }>;
  /** One line for people. */
  message: string;
}

/**
 * Creates or upgrades the store's schema where it has one to manage: PostgreSQL. The
 * embedded SQLite file sets up its own tables when it is first written, and EventStoreDB
 * has no schema: for them this checks the URL and says so.
 */
export async function migrateStore(url: string = DEFAULT_STORE_URL): Promise<MigrateStoreResult> {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    const { migratePostgresStore } = await import('./postgres/postgres-event-store.js');
    const { where, from, to, applied } = await migratePostgresStore(url);
    const list = applied.map((m) => `${m.version} (${m.description})`).join('; ');
    const message =
      applied.length === 0
        ? `PostgreSQL store at ${where}: schema already at version ${to}, nothing to do`
        : from === null
          ? `PostgreSQL store at ${where}: schema created at version ${to}; applied ${list}`
          : `PostgreSQL store at ${where}: schema upgraded from version ${from} to ${to}; applied ${list}`;
    return { store: 'PostgreSQL', from, to, applied, message };
  }
  if (scheme === 'sqlite')
    return { store: 'SQLite', from: null, to: null, applied: [], message: await openSqliteForMigration(url) };
  if (scheme === 'esdb' || scheme === 'esdb+discover') {
    return {
      store: 'EventStoreDB',
      from: null,
      to: null,
      applied: [],
      message: 'EventStoreDB store: it has no schema, nothing to migrate',
    };
  }
  throw unsupported(url);
}

/**
 * Opening an SQLite file for writing creates or upgrades its schema (a file of schema 1 gets the hash chain):
 * `store migrate` does it now, and says what it found.
 */
async function openSqliteForMigration(url: string): Promise<string> {
  const store = await openStore(url); // refuses a malformed URL
  try {
    const origin = await tamperEvidenceOf(store)?.origin();
    if (origin !== undefined && !origin.chained) {
      return 'SQLite store: schema version 1, opened read-only, so not upgraded: run this as a user who may write the file';
    }
    if (origin !== undefined && origin.migratedThrough > 0n) {
      return `SQLite store: schema version 2; its events up to position ${origin.migratedThrough} were chained when it was upgraded (${origin.establishedAt})`;
    }
    return 'SQLite store: its tables are created when it is first written, nothing to migrate';
  } finally {
    await store.close();
  }
}

/**
 * The file an `sqlite:` URL names (its parameters and a `file:` prefix taken off); null for other stores and
 * `:memory:`.
 */
export function sqliteFileOf(url: string): string | null {
  if (!/^sqlite:/i.test(url)) return null;
  try {
    const { path } = parseSqliteUrl(url);
    return path === ':memory:' ? null : path;
  } catch {
    return null; // a malformed URL is refused, with its reason, when the store is opened
  }
}

/** The store URL from the command line, else LEDGER_STORE, else the embedded default. */
export function resolveStoreUrl(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.LEDGER_STORE ?? DEFAULT_STORE_URL;
}
