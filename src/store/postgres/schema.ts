/**
 * The PostgreSQL store's schema, versioned. `13d-ledger store migrate` creates or
 * upgrades it (migrateSchema); opening a store only checks the version
 * (checkSchemaVersion) and never changes a production database by itself.
 *
 * What the database itself guarantees, whoever writes to it:
 * - positions are taken in commit order: a BEFORE INSERT trigger takes the one
 *   append lock (a transaction-level advisory lock, held until commit) and then gives
 *   the row max(position) + 1. A transaction that commits later always gets higher
 *   positions and every earlier one is visible before it, so a reader's snapshot is
 *   always a prefix 1..N of the log: a catch-up subscription never skips a position
 *   that a slower transaction fills in later (the gap problem of sequences);
 * - the log is append-only: statement-level triggers refuse UPDATE, DELETE and TRUNCATE;
 * - two rows never share a (stream, revision) nor an id;
 * - each insert statement NOTIFYs `ledger_events` at commit, waking live subscriptions.
 */
import type { ClientBase } from 'pg';
import { StoreSchemaError } from '../errors.js';
import { chainExistingEvents } from './chain.js';

/** The append lock (pg_advisory_xact_lock key): the adapter and the trigger take the same one. */
export const APPEND_LOCK = 0x13d_0001;
/** Held while migrating, so that two `store migrate` runs do not both create the tables. */
const MIGRATE_LOCK = 0x13d_0002;
/** The channel each append NOTIFYs at commit. */
export const APPEND_CHANNEL = 'ledger_events';

export interface Migration {
  version: number;
  description: string;
  sql: string;
  /** Work SQL alone cannot do (a random key, hashes computed as the program does), in the same transaction. */
  after?: (client: ClientBase) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description:
      'the event log (ledger_events) with positions in commit order, append-only triggers and NOTIFY on append',
    sql: `
      CREATE TABLE ledger_events (
        position    bigint      PRIMARY KEY CHECK (position > 0),
        id          uuid        NOT NULL CONSTRAINT ledger_events_id_key UNIQUE,
        stream      text        NOT NULL CHECK (stream <> ''),
        revision    bigint      NOT NULL CHECK (revision >= 0),
        type        text        NOT NULL,
        -- Canonical JSON text, kept byte for byte so that a retry compares exactly
        -- (jsonb would also refuse \\u0000); cast data::jsonb to query it.
        data        text        NOT NULL,
        metadata    text        NOT NULL,
        recorded_at timestamptz NOT NULL,
        -- The concurrency guard: two writers cannot both take the same revision of a stream.
        CONSTRAINT ledger_events_stream_revision_key UNIQUE (stream, revision)
      );
      CREATE INDEX ledger_events_by_type ON ledger_events (type, position);

      CREATE FUNCTION ledger_events_take_position() RETURNS trigger LANGUAGE plpgsql
        SET search_path FROM CURRENT AS $$
      BEGIN
        -- Held until commit: the next writer takes its positions only once this one is visible.
        PERFORM pg_advisory_xact_lock(${APPEND_LOCK});
        SELECT COALESCE(max(position), 0) + 1 INTO NEW.position FROM ledger_events;
        RETURN NEW;
      END $$;
      CREATE TRIGGER ledger_events_positions_in_commit_order BEFORE INSERT ON ledger_events
        FOR EACH ROW EXECUTE FUNCTION ledger_events_take_position();

      CREATE FUNCTION ledger_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the event log is append-only: % is refused on %', TG_OP, TG_TABLE_NAME;
      END $$;
      CREATE TRIGGER ledger_events_are_never_updated BEFORE UPDATE ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_refuse_change();
      CREATE TRIGGER ledger_events_are_never_deleted BEFORE DELETE ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_refuse_change();
      CREATE TRIGGER ledger_events_are_never_truncated BEFORE TRUNCATE ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_refuse_change();

      CREATE FUNCTION ledger_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${APPEND_CHANNEL}', '');
        RETURN NULL;
      END $$;
      CREATE TRIGGER ledger_events_wake_subscribers AFTER INSERT ON ledger_events
        FOR EACH STATEMENT EXECUTE FUNCTION ledger_events_notify();
    `,
  },
  {
    version: 2,
    description:
      "tamper evidence: events hashed and chained in global and stream order, the ledger's seal, ledger_store_facts",
    sql: `
      ALTER TABLE ledger_events ADD COLUMN seal bytea, ADD COLUMN content_hash bytea,
        ADD COLUMN chain_hash bytea, ADD COLUMN stream_chain_hash bytea;
      CREATE TABLE ledger_store_facts (name text PRIMARY KEY, value text NOT NULL);
    `,
    after: chainExistingEvents,
  },
];

/** The version this program reads and writes. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

const VERSION_TABLE = `
  CREATE TABLE IF NOT EXISTS ledger_schema_migrations (
    version     integer     PRIMARY KEY,
    description text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
  )`;

export interface MigrationOutcome {
  /** The version before: null when there was no ledger schema. */
  from: number | null;
  to: number;
  applied: Array<{ version: number; description: string }>;
}

/** Creates or upgrades the schema in one transaction; a second run finds nothing to do. */
export async function migrateSchema(
  client: ClientBase,
  where: string,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<MigrationOutcome> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    const from = await installedVersion(client);
    const newest = migrations[migrations.length - 1]!.version;
    if (from !== null && from > newest) throw new StoreSchemaError(schemaProblem(from, where, newest));
    if (from === null) await client.query(VERSION_TABLE);
    const applied: MigrationOutcome['applied'] = [];
    for (const migration of migrations) {
      if (from !== null && migration.version <= from) continue;
      await client.query(migration.sql);
      await migration.after?.(client);
      await client.query('INSERT INTO ledger_schema_migrations (version, description) VALUES ($1, $2)', [
        migration.version,
        migration.description,
      ]);
      applied.push({ version: migration.version, description: migration.description });
    }
    await client.query('COMMIT');
    return { from, to: Math.max(from ?? 0, newest), applied };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The schema version in the database the connection points at (its search_path), or null when there is none. */
export async function installedVersion(client: ClientBase): Promise<number | null> {
  const { rows } = await client.query<{ present: boolean }>(
    `SELECT to_regclass('ledger_schema_migrations') IS NOT NULL AS present`,
  );
  if (!rows[0]?.present) return null;
  const version = await client.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM ledger_schema_migrations',
  );
  return version.rows[0]?.version ?? null;
}

/** Refuses a schema other than the one this program knows, saying what to run. */
export function assertSchemaVersion(found: number | null, where: string, expected: number = SCHEMA_VERSION): void {
  if (found !== expected) throw new StoreSchemaError(schemaProblem(found, where, expected));
}

function schemaProblem(found: number | null, where: string, expected: number): string {
  if (found === null) {
    return `The PostgreSQL store at ${where} has no ledger schema: run \`13d-ledger store migrate\` (with the same --store or LEDGER_STORE) to create it`;
  }
  if (found < expected) {
    return `The PostgreSQL store at ${where} has ledger schema version ${found}; this program needs version ${expected}: run \`13d-ledger store migrate\` (with the same --store or LEDGER_STORE) to upgrade it`;
  }
  return `The PostgreSQL store at ${where} has ledger schema version ${found}, newer than version ${expected} that this program knows: upgrade 13d-ledger`;
}
