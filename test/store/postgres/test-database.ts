/**
 * A PostgreSQL database of a test file's own: created with a unique name when the
 * file starts and dropped when it ends, so that runs (and files) never see each
 * other's events. Inside it, each test may take a schema of its own (a fresh, migrated
 * store URL whose search_path is that schema) where it needs an empty log.
 *
 * The server is POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres (an
 * admin connection: it must be allowed to create databases).
 */
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { migrateStore } from '../../../src/store/open-store.js';

export const ADMIN_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Test databases are named so; one older than a day was left by a run that crashed, and is dropped. */
const PREFIX = 'ledger_test_';
const STALE_MS = 24 * 60 * 60 * 1000;

export interface TestDatabase {
  name: string;
  /** The database's URL (schema public, not migrated). */
  url: string;
  /** A new schema in the database as a store URL, migrated unless `migrate: false`. */
  freshStoreUrl(options?: { migrate?: boolean }): Promise<string>;
  /** Runs SQL in the database as the admin user (a new connection each time). */
  sql<Row = Record<string, unknown>>(text: string, values?: unknown[], storeUrl?: string): Promise<Row[]>;
  drop(): Promise<void>;
}

/** Why no PostgreSQL server answers at ADMIN_URL, or undefined when one does. Bounded: never hangs. */
export async function whyNoPostgres(): Promise<string | undefined> {
  const client = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    const e = error as Error & { code?: string; errors?: Error[] };
    const message = e.message || e.errors?.map((inner) => inner.message).join('; ') || e.code || e.name;
    return `no PostgreSQL server answers at ${redact(ADMIN_URL)} (${message}); set POSTGRES_URL to use another`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * On CI the PostgreSQL tests must run (.ci/run starts the server); elsewhere they may be skipped, with the reason
 * printed.
 */
export function onCi(): boolean {
  return process.env.CI !== undefined && !/^(|0|false)$/i.test(process.env.CI);
}

/** Whether PostgreSQL tests run here: the reason they are skipped, printed; throws on CI, where they must run. */
export async function postgresSkipReason(what: string): Promise<string | undefined> {
  const reason = await whyNoPostgres();
  if (reason === undefined) return undefined;
  if (onCi()) throw new Error(`${what} needs PostgreSQL on CI: ${reason}`);
  console.warn(`${what} skipped: ${reason}`);
  return reason;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `${PREFIX}${stamp}_${randomUUID().slice(0, 8)}`;
  await admin(async (client) => {
    await dropStaleDatabases(client);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = withDatabase(ADMIN_URL, name);
  let schemas = 0;
  const sql = async <Row>(text: string, values: unknown[] = [], storeUrl = url): Promise<Row[]> => {
    const client = new Client({ connectionString: storeUrl });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return (await client.query(text, values)).rows as Row[];
    } finally {
      await client.end();
    }
  };
  return {
    name,
    url,
    sql,
    async freshStoreUrl(options = {}) {
      const schema = `store_${++schemas}_${randomUUID().slice(0, 8)}`;
      await sql(`CREATE SCHEMA ${schema}`);
      const storeUrl = new URL(url);
      storeUrl.searchParams.set('options', `-c search_path=${schema}`);
      if (options.migrate !== false) await migrateStore(storeUrl.href);
      return storeUrl.href;
    },
    async drop() {
      // WITH (FORCE) ends connections a failed test left open.
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ADMIN_URL });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropStaleDatabases(client: Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const stamp = /^ledger_test_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/.exec(datname);
    if (!stamp) continue;
    const created = Date.UTC(+stamp[1]!, +stamp[2]! - 1, +stamp[3]!, +stamp[4]!, +stamp[5]!, +stamp[6]!);
    if (Date.now() - created > STALE_MS)
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
  }
}

/** The same server and credentials, another database. */
export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl.replace('@/', '@localhost/'));
  url.pathname = `/${database}`;
  return url.href;
}

function redact(url: string): string {
  const parsed = new URL(url.replace('@/', '@localhost/'));
  if (parsed.password) parsed.password = '***';
  return parsed.href;
}
