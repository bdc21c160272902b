/**
 * The log stays append-only in PostgreSQL whoever connects: the schema's triggers
 * refuse UPDATE, DELETE and TRUNCATE even for the table's owner, and the README's
 * roles (an owner that migrates, an everyday role with SELECT and INSERT only) leave
 * the ledger no way around them. Rows written behind the adapter still get positions
 * in commit order and meet the same unique guards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateStore } from '../../../src/store/open-store.js';
import { getPostgresEventStore } from '../../../src/store/postgres/postgres-event-store.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';

const skip = await postgresSkipReason('PostgreSQL append-only tests');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: Error) => error.message,
  );

describe.skipIf(skip !== undefined)('the PostgreSQL event log', () => {
  describe('when something tries to change it behind the store, as the owner of the table', () => {
    it('refuses UPDATE, DELETE and TRUNCATE with the append-only trigger, and keeps every event', async () => {
      // Given a log with one stream
      const url = await database!.freshStoreUrl();
      const store = getPostgresEventStore({ connectionString: url });
      await store.append('s', [{ id: randomUUID(), type: 'A', data: { shares: 88 } }]);
      const before = await store.readAll();
      // When the superuser tries to change it
      // Then each statement is refused by name
      expect(await refusal(database!.sql(`UPDATE ledger_events SET data = '{}'`, [], url))).toMatch(
        /append-only: UPDATE is refused/,
      );
      expect(await refusal(database!.sql('DELETE FROM ledger_events', [], url))).toMatch(
        /append-only: DELETE is refused/,
      );
      expect(await refusal(database!.sql('TRUNCATE ledger_events', [], url))).toMatch(
        /append-only: TRUNCATE is refused/,
      );
      expect(await store.readAll()).toEqual(before);
      await store.close();
    });

    it('gives a row inserted behind the store the next position, whatever it asked for, and refuses a taken revision', async () => {
      const url = await database!.freshStoreUrl();
      const store = getPostgresEventStore({ connectionString: url });
      await store.append('s', [{ id: randomUUID(), type: 'A', data: {} }]);
      const insert = `INSERT INTO ledger_events (position, id, stream, revision, type, data, metadata, recorded_at)
                      VALUES (1000, $1, $2, $3, 'Raw', '{}', '{}', now()) RETURNING position`;
      const [row] = await database!.sql<{ position: string }>(insert, [randomUUID(), 'other', 0], url);
      expect(row!.position).toBe('2');
      expect(await refusal(database!.sql(insert, [randomUUID(), 's', 0], url))).toMatch(
        /ledger_events_stream_revision_key/,
      );
      expect((await store.readAll()).map((e) => [e.stream, e.position])).toEqual([
        ['s', 1n],
        ['other', 2n],
      ]);
      await store.close();
    });
  });

  describe("when the ledger connects as a role with SELECT and INSERT only (the README's setup)", () => {
    it('appends and reads, and cannot update, delete, truncate, disable the triggers or drop the table', async () => {
      // Given an owner role that migrated a schema of its own, and an everyday role granted SELECT and INSERT
      const suffix = randomUUID().slice(0, 8);
      const owner = `ledger_owner_${suffix}`;
      const app = `ledger_app_${suffix}`;
      const schema = `owned_${suffix}`;
      const as = (role: string) => {
        const url = new URL(database!.url);
        url.username = role;
        url.searchParams.set('options', `-c search_path=${schema}`);
        return url.href;
      };
      await database!.sql(`CREATE ROLE ${owner} LOGIN`);
      await database!.sql(`CREATE ROLE ${app} LOGIN`);
      try {
        await database!.sql(`CREATE SCHEMA ${schema} AUTHORIZATION ${owner}`);
        await migrateStore(as(owner));
        for (const grant of [
          `GRANT USAGE ON SCHEMA ${schema} TO ${app}`,
          `REVOKE ALL ON ${schema}.ledger_events, ${schema}.ledger_schema_migrations, ${schema}.ledger_store_facts FROM PUBLIC`,
          `GRANT SELECT, INSERT ON ${schema}.ledger_events TO ${app}`,
          `GRANT SELECT ON ${schema}.ledger_schema_migrations, ${schema}.ledger_store_facts TO ${app}`,
        ]) {
          await database!.sql(grant, [], as(owner));
        }
        // When the ledger appends and reads as the everyday role
        const store = getPostgresEventStore({ connectionString: as(app) });
        const written = await store.append('s', [{ id: randomUUID(), type: 'A', data: { shares: 88 } }]);
        expect(written.events[0]!.position).toBe(1n);
        expect(await store.readStream('s')).toHaveLength(1);
        await store.close();
        // Then that role is refused every change, by privilege or ownership
        for (const statement of [
          `UPDATE ledger_events SET data = '{}'`,
          'DELETE FROM ledger_events',
          'TRUNCATE ledger_events',
          'ALTER TABLE ledger_events DISABLE TRIGGER ALL',
          'DROP TABLE ledger_events',
        ]) {
          expect(await refusal(database!.sql(statement, [], as(app))), statement).toMatch(
            /permission denied|must be owner/,
          );
        }
        // And `store migrate` as that role finds the schema current and changes nothing
        await expect(migrateStore(as(app))).resolves.toMatchObject({ from: 2, to: 2, applied: [] });
      } finally {
        await database!.sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await database!.sql(`DROP ROLE IF EXISTS ${app}`);
        await database!.sql(`DROP ROLE IF EXISTS ${owner}`);
      }
    });
  });
});
